"""The authors' commands given what an author may well write: lone carriage returns, a title
too long for a file name, a broken template. Each ends in a message, never a traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import MKDOCS_YML, Site, writeup
from mkdocs_interviews.cli import main
from mkdocs_interviews.scaffold import MAX_SLUG


def run_main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


@pytest.fixture
def in_site(monkeypatch: pytest.MonkeyPatch):
    """Make a site with `make_site` and run the commands in its folder."""

    def enter(site: Site) -> Site:
        monkeypatch.chdir(site.root)
        return site

    return enter


# -- lone carriage returns ----------------------------------------------------------------


@pytest.mark.parametrize(
    "newline",
    ["\r", "mixed"],
    ids=["old-mac-line-ends", "some-lone-crs"],
)
def test_generate_reads_lone_carriage_returns_as_newlines(
    make_site, in_site, capsys, newline: str
) -> None:
    text = writeup()
    if newline == "mixed":
        crs = text.replace("\n", "\r", 3).replace("\n\n## ", "\r\r## ")
    else:
        crs = text.replace("\n", "\r")
    site = in_site(make_site({"interviews/editor.md": crs, "interviews/same.md": text}))
    status, _out, err = run_main(capsys, "generate", "build/docs")
    assert status == 0, err
    out = site.root / "build" / "docs" / "interviews"
    decorated = (out / "editor.md").read_text(encoding="utf-8")
    assert "\r" not in decorated
    assert "{ #getting-started }" in decorated and "{ #typical-day }" in decorated
    # The same as the write-up written with newlines, but for links to itself and to the
    # other ("More from" its field): each page's are the other's, swapped.
    same = (out / "same.md").read_text(encoding="utf-8")
    swap = {"same/": "editor/", "editor/": "same/"}
    assert decorated == re.sub(r"\b(?:same|editor)/", lambda link: swap[link[0]], same)


# -- new: long titles, files that cannot be written ---------------------------------------


def new(capsys: pytest.CaptureFixture[str], title: str) -> tuple[int, str, str]:
    return run_main(
        capsys,
        "new",
        "--field",
        "Book publishing",
        "--role",
        "Editor",
        "--title",
        title,
        "--questions",
        "getting-started",
        "--date",
        "2026-05-06",
    )


def test_new_cuts_a_long_title_at_a_word(make_site, in_site, capsys) -> None:
    site = in_site(make_site())
    title = " ".join(["Wonderful"] * 60)
    status, out, err = new(capsys, title)
    assert status == 0, err
    path = Path(out.strip())
    slug = path.stem.removeprefix("2026-05-06-")
    assert len(slug) <= MAX_SLUG
    assert slug == "-".join(["wonderful"] * 8)
    assert (site.root / path).read_text(encoding="utf-8").startswith(f"---\ntitle: {title}\n")


def test_new_cuts_a_single_long_word(make_site, in_site, capsys) -> None:
    in_site(make_site())
    status, out, err = new(capsys, "A" + "h" * 300)
    assert status == 0, err
    assert Path(out.strip()).stem == "2026-05-06-a" + "h" * (MAX_SLUG - 1)


def test_new_reports_a_file_it_cannot_write(make_site, in_site, capsys) -> None:
    site = in_site(make_site())
    # A file where the write-ups' folder should be.
    (site.docs / "interviews").write_text("not a folder\n")
    status, _out, err = new(capsys, "Where the records live")
    assert status == 2
    assert err.startswith("error: content/interviews: cannot write the new write-up")
    assert (site.docs / "interviews").read_text() == "not a folder\n"


def test_new_still_never_overwrites(make_site, in_site, capsys) -> None:
    site = in_site(make_site())
    assert new(capsys, "Where the records live")[0] == 0
    path = site.docs / "interviews" / "2026-05-06-where-the-records-live.md"
    path.write_text("My answers\n")
    status, _out, err = new(capsys, "Where the records live")
    assert status == 1
    assert "already exists" in err
    assert path.read_text() == "My answers\n"


# -- templates that cannot be used --------------------------------------------------------

TEMPLATES_YML = MKDOCS_YML.replace(
    "  - interviews\n", "  - interviews:\n      templates_dir: overrides\n"
)


def site_with_template(make_site, in_site, name: str, text: str) -> Site:
    site: Site = in_site(make_site({"interviews/editor.md": writeup()}, TEMPLATES_YML))
    (site.root / "overrides").mkdir()
    (site.root / "overrides" / name).write_text(text, encoding="utf-8")
    return site


def test_a_template_with_a_syntax_error_is_named_with_its_line(make_site, in_site, capsys) -> None:
    site = site_with_template(
        make_site,
        in_site,
        "field.md.j2",
        "{{ field.description }}\n\n{% for writeup in index.writeups_in(field) %}\n- x\n",
    )
    status, _out, err = run_main(capsys, "generate", "build/docs")
    assert status == 2
    template = site.root / "overrides" / "field.md.j2"
    assert err.startswith(f"error: {template}:")
    assert "not valid Jinja" in err and "endfor" in err
    assert "fix the template" in err
    assert not (site.root / "build").exists()


def test_a_template_naming_what_it_is_not_given(make_site, in_site, capsys) -> None:
    site = site_with_template(
        make_site,
        in_site,
        "writeup_header.html.j2",
        "{#- my header -#}\n<p>{{ writeup.role }}</p>\n\n{{ interviewer.name }}\n",
    )
    status, _out, err = run_main(capsys, "generate", "build/docs")
    assert status == 2
    template = site.root / "overrides" / "writeup_header.html.j2"
    assert err.startswith(f"error: {template}:4: 'interviewer' is undefined")
    assert "first lines" in err


def test_a_broken_template_leaves_the_last_generated_folder(make_site, in_site, capsys) -> None:
    site = site_with_template(make_site, in_site, "ask.md.j2", "Ask us.\n")
    assert run_main(capsys, "generate", "build/docs")[0] == 0
    out = site.root / "build" / "docs"
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (site.root / "overrides" / "ask.md.j2").write_text("Ask us.\n{{ ask.nothing() }}\n")
    status, _out, err = run_main(capsys, "generate", "build/docs")
    assert status == 2
    assert f"{site.root / 'overrides' / 'ask.md.j2'}:2: " in err
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_a_template_that_is_not_utf8(make_site, in_site, capsys) -> None:
    site = site_with_template(make_site, in_site, "fields.md.j2", "")
    (site.root / "overrides" / "fields.md.j2").write_bytes(b"Fields\n\xe9t\xe9\n")
    status, _out, err = run_main(capsys, "generate", "build/docs")
    assert status == 2
    assert f"{site.root / 'overrides' / 'fields.md.j2'}:2: the template is not UTF-8" in err
