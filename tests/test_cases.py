"""Data-driven cases: files in, the exact problems out (cases/*.yml)."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from conftest import CASES, catalogs
from mkdocs_interviews import read_project


def load_cases(name: str) -> list[Any]:
    cases = yaml.safe_load((CASES / name).read_text(encoding="utf-8"))
    return [pytest.param(case, id=case["name"]) for case in cases]


def problems_of(files: dict[str, str | None]) -> list[str]:
    sources = {**catalogs(), **files}
    data = {path: text.encode() for path, text in sources.items() if text is not None}
    return [str(problem) for problem in read_project(data).problems]


@pytest.mark.parametrize("case", load_cases("writeups.yml"))
def test_writeup_rules(case: dict[str, Any]) -> None:
    assert problems_of(case["files"]) == case["problems"]


@pytest.mark.parametrize("case", load_cases("catalogs.yml"))
def test_catalog_rules(case: dict[str, Any]) -> None:
    assert problems_of(case["files"]) == case["problems"]


@pytest.mark.parametrize("case", load_cases("asks.yml"))
def test_ask_rules(case: dict[str, Any]) -> None:
    assert problems_of(case["files"]) == case["problems"]
