"""The mistakes of tests/cases/mistakes.yml, as files: shared by the test and the docs script."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

CASES = Path(__file__).parent / "cases" / "mistakes.yml"


def load() -> list[dict[str, Any]]:
    return yaml.safe_load(CASES.read_text(encoding="utf-8"))


def files_of(entry: dict[str, Any]) -> dict[str, bytes]:
    """An entry's files as bytes, with its encoding, BOM, line endings or size applied."""
    files = {}
    for path, text in entry["files"].items():
        repeat = entry.get("repeat")
        if repeat:
            text += "\n".join([repeat["line"]] * repeat["times"]) + "\n"
        if entry.get("crlf"):
            text = text.replace("\n", "\r\n")
        data = text.encode(entry.get("encoding", "utf-8"))
        if entry.get("bom"):
            data = b"\xef\xbb\xbf" + data
        files[path] = data
    return files


def table(entries: list[dict[str, Any]]) -> str:
    """The Markdown table of docs/mistakes.md."""
    lines = ["| # | Mistake | What the author sees |", "| --- | --- | --- |"]
    for number, entry in enumerate(entries, 1):
        shown = (
            "<br>".join("`" + message.replace("|", "\\|") + "`" for message in entry["messages"])
            or "nothing: accepted as it is"
        )
        lines.append(f"| {number} | {entry['mistake']} | {shown} |")
    return "\n".join(lines) + "\n"
