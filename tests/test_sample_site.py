"""The repository's own site: its catalogs and write-ups, checked and built for real."""

from __future__ import annotations

import collections
import html
import shutil
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from conftest import ROOT, TESTS, Site
from mkdocs_interviews.cli import load_site

CONTENT = ROOT / "content"
THEMES = {
    "Getting started",
    "The work itself",
    "Skills and training",
    "Rewards and challenges",
    "Outlook",
    "Advice and next steps",
}


@pytest.fixture(scope="module")
def project():
    """The sample's content, read as the commands read it: from the files MkDocs lists."""
    return load_site(ROOT / "mkdocs.yml").read()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Site:
    """The sample site, copied and built once with --strict."""
    root = tmp_path_factory.mktemp("sample")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(CONTENT, root / "content")
    site = Site(root)
    site.build(strict=True)
    return site


def test_sample_content_has_no_problem(project) -> None:
    assert [str(problem) for problem in project.problems] == []


def test_questions_catalog_has_substance(project) -> None:
    questions = project.questions.questions
    assert len([q for q in questions if not q.retired]) >= 25
    assert all(q.aliases and q.theme in THEMES for q in questions)
    assert {q.theme for q in questions} == THEMES
    texts = {q.id: q.text for q in questions}
    assert texts["typical-day"] == "What does a typical day look like?"
    assert texts["who-else"] == "Who else should I talk to?"
    assert project.questions.find("How did you get started?").id == "getting-started"
    assert project.questions.find("What skills matter most?").id == "skills"


def test_fields_catalog_has_substance(project) -> None:
    fields = project.fields.fields
    assert len(fields) >= 8
    assert all(f.description and f.group for f in fields)


def test_writeups_overlap_across_fields(project) -> None:
    writeups = project.writeups
    assert len(writeups) >= 15
    assert len({w.field for w in writeups}) >= 8
    assert all(5 <= len(w.answers) <= 10 for w in writeups)
    fields_per_question = collections.defaultdict(set)
    for w in writeups:
        for answer in w.answers:
            fields_per_question[answer.question.id].add(w.field.slug)
    for question_id in ("getting-started", "typical-day", "skills", "who-else"):
        assert len(fields_per_question[question_id]) >= 6, question_id
    assert len([w for w in writeups if w.referred_by]) >= 3
    assert len([w for w in writeups if w.draft]) == 1


def test_sample_site_builds_strict_with_every_writeup(built, project) -> None:
    for w in project.writeups:
        page = built.root / "site" / "interviews" / w.slug / "index.html"
        assert page.is_file() != w.draft, w.slug


def test_field_pages_link_every_published_writeup(built, project) -> None:
    for w in project.writeups:
        for field in w.fields:
            page = BeautifulSoup(built.page(f"fields/{field.slug}"), "html.parser")
            links = {a["href"] for a in page.select("article a[href]")}
            assert (f"../../interviews/{w.slug}/" in links) != w.draft, (field.slug, w.slug)


def test_home_page_leads_to_the_archive_fields_questions_network_and_ask(built) -> None:
    home = BeautifulSoup(built.page(""), "html.parser")
    links = {a["href"] for a in home.select("article a[href]")}
    assert {"interviews/", "fields/", "questions/", "ask/"} <= links
    tabs = [(a.get_text(strip=True), a["href"]) for a in home.select(".md-tabs a")]
    assert tabs == [
        ("Home", "."),
        ("Interviews", "interviews/"),
        ("Fields", "fields/"),
        ("Questions", "questions/"),
        ("Network", "network/"),
        ("Ask", "ask/"),
    ]


def test_sample_answers_carry_question_ids(built, project) -> None:
    for w in project.writeups:
        if w.draft:
            continue
        page = BeautifulSoup(built.page(f"interviews/{w.slug}"), "html.parser")
        ids = [h["id"] for h in page.select("article h2[id]")]
        for answer in w.answers:
            assert answer.question.id in ids, (w.slug, answer.question.id)


def test_search_indexes_each_writeup_with_its_fields_and_questions_and_no_listing(
    built, project
) -> None:
    site = built.root / "site"
    assert (site / "pagefind" / "pagefind.js").is_file()
    for w in project.writeups:
        page = site / "interviews" / w.slug / "index.html"
        if w.draft:
            assert not page.exists(), w.slug
            continue
        text = page.read_text(encoding="utf-8")
        assert text.count("data-pagefind-body") == 1, w.slug
        for value in [f.name for f in w.fields] + [a.question.text for a in w.answers]:
            assert f'data-value="{html.escape(value, quote=True)}"' in text, (w.slug, value)
    listings = ["", "fields", "questions", "ask", "interviews", "questions/matrix"]
    listings += [f"fields/{field.slug}" for field in project.fields.fields]
    for path in listings:
        assert "data-pagefind" not in (site / path / "index.html").read_text(encoding="utf-8")


def requirements() -> dict[str, Requirement]:
    """The runtime dependencies pyproject.toml declares, by name."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    found = [Requirement(line) for line in pyproject["project"]["dependencies"]]
    return {canonicalize_name(r.name): r for r in found}


def test_the_tests_run_with_versions_pyproject_allows() -> None:
    outside = {
        name: version(name)
        for name, requirement in requirements().items()
        if not requirement.specifier.contains(version(name), prereleases=True)
    }
    assert outside == {}


def test_the_lowest_session_installs_the_lowest_versions_pyproject_allows() -> None:
    """tests/lowest-requirements.txt pins each dependency at the floor of its range, so the
    nox session `lowest` tests what pyproject.toml promises to work."""
    pins = {}
    for line in (TESTS / "lowest-requirements.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, pinned = line.split("==")
            pins[canonicalize_name(name.split("[")[0])] = Version(pinned)
    floors = {
        name: Version(spec.version)
        for name, requirement in requirements().items()
        for spec in requirement.specifier
        if spec.operator == ">="
    }
    assert set(floors) == set(requirements()), "every dependency has a floor"
    assert {name: pins.get(name) for name in floors} == floors


def test_the_tests_run_the_package_of_this_repository() -> None:
    import mkdocs_interviews

    assert Path(mkdocs_interviews.__file__).parent == ROOT / "plugins" / "mkdocs_interviews"
