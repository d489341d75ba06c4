"""The repository's own site: its catalogs and write-ups, checked and built for real."""

from __future__ import annotations

import collections
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, Site
from mkdocs_interviews import read_project, read_sources

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
    return read_project(read_sources(CONTENT))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Site:
    """The sample site, copied and built once with --strict."""
    root = tmp_path_factory.mktemp("sample")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(CONTENT, root / "content")
    site = Site(root)
    result = site.build("--strict")
    assert result.returncode == 0, result.stdout + result.stderr
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


def test_home_page_leads_to_fields_questions_and_ask(built) -> None:
    home = BeautifulSoup(built.page(""), "html.parser")
    links = {a["href"] for a in home.select("article a[href]")}
    assert {"fields/", "questions/", "ask/"} <= links
    tabs = [a.get_text(strip=True) for a in home.select(".md-tabs a")]
    assert tabs == ["Home", "Fields", "Questions", "Ask"]


def test_sample_answers_carry_question_ids(built, project) -> None:
    for w in project.writeups:
        if w.draft:
            continue
        page = BeautifulSoup(built.page(f"interviews/{w.slug}"), "html.parser")
        ids = [h["id"] for h in page.select("article h2[id]")]
        for answer in w.answers:
            assert answer.question.id in ids, (w.slug, answer.question.id)


def test_site_configuration() -> None:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    assert config["docs_dir"] == "content"
    # Each plugin by name, or as {name: options}.
    plugins = [p if isinstance(p, str) else next(iter(p)) for p in config["plugins"]]
    assert plugins[:2] == ["search", "interviews"]
    assert config["theme"]["name"] == "material"


def test_package_metadata() -> None:
    import tomllib
    from importlib.metadata import entry_points

    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    project = pyproject["project"]
    assert project["requires-python"] == ">=3.11"
    deps = {d.split(">")[0].split("<")[0].split("=")[0]: d for d in project["dependencies"]}
    assert deps["mkdocs"] == "mkdocs>=1.6,<2"
    assert {"mkdocs-material", "python-frontmatter", "markdown"} <= set(deps)
    (plugin,) = [e for e in entry_points(group="mkdocs.plugins") if e.name == "interviews"]
    from mkdocs_interviews.plugin import InterviewsPlugin

    assert plugin.load() is InterviewsPlugin
    import mkdocs_interviews

    assert Path(mkdocs_interviews.__file__).parent == ROOT / "plugins" / "mkdocs_interviews"
