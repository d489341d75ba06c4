"""The authors' commands: new, generate and coverage, over the same core as the plugin."""

from __future__ import annotations

import csv
import io
import os
import posixpath
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, Site, run, writeup

# -- new ----------------------------------------------------------------------------------


def new(site: Site, *args: str) -> subprocess.CompletedProcess[str]:
    return run(["-m", "mkdocs_interviews", "new", *args], cwd=site.root)


def test_new_scaffolds_a_writeup_that_passes_check_once_answered(make_site) -> None:
    site = make_site()
    result = new(
        site,
        "--field", "publishing",
        "--role", "Senior editor: trade books",
        "--title", "A day at the press",
        "--questions", "typical-day,getting-started",
        "--questions", "What skills matter most?",
        "--date", "2026-03-04",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    path = site.docs / "interviews" / "2026-03-04-a-day-at-the-press.md"
    assert result.stdout.strip() == str(Path("content/interviews/2026-03-04-a-day-at-the-press.md"))
    text = path.read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    assert front == {
        "title": "A day at the press",
        "field": "Book publishing",
        "role": "Senior editor: trade books",
        "date": __import__("datetime").date(2026, 3, 4),
        "questions": ["typical-day", "getting-started", "skills"],
    }
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [
        "## What does a typical day look like?",
        "## How did you get started in this field?",
        "## What skills matter most in your work?",
    ]
    # Empty answers are what is left to do; filled in, the write-up passes.
    assert site.check().returncode == 1
    for heading in headings:
        text = text.replace(heading + "\n", heading + "\n\nAn answer.\n")
    path.write_text(text, encoding="utf-8")
    assert site.check().returncode == 0


def test_new_with_a_theme_and_today(make_site) -> None:
    site = make_site()
    result = new(site, "--field", "Music production", "--role", "Producer", "--title", "Mixes",
                 "--theme", "the work itself")  # fmt: skip
    assert result.returncode == 0, result.stderr
    today = __import__("datetime").date.today().isoformat()
    text = (site.docs / "interviews" / f"{today}-mixes.md").read_text(encoding="utf-8")
    assert "questions: [typical-day]" in text


def test_new_reports_every_bad_flag_naming_it(make_site) -> None:
    site = make_site({"interviews/editor.md": writeup()})
    result = new(site, "--field", "Publshing", "--role", "Editor", "--title", "T",
                 "--questions", "typcal-day", "--date", "2026-02-30",
                 "--referred-by", "editr")  # fmt: skip
    assert result.returncode == 1
    # The messages of check, each after its flag, every wrong flag at once.
    assert result.stderr.splitlines() == [
        "error: --date: '2026-02-30' is not a date like 2025-04-02 (year-month-day)",
        "error: --field: field 'Publshing' is not in fields.yml (did you mean 'Publishing'?)",
        "error: --questions: question 'typcal-day' is not in questions.yml (did you mean "
        "'typical-day'?)",
        "error: --referred-by: 'referred_by' names 'editr', which is not a write-up (did you "
        "mean 'editor'?) (use the file name of the write-up, without '.md')",
    ]
    assert sorted(p.name for p in (site.docs / "interviews").iterdir()) == ["editor.md"]


def test_new_writes_a_key_for_every_flag(make_site) -> None:
    site = make_site({"interviews/editor.md": writeup()})
    result = new(site, "--field", "Music production", "--field", "Publishing",
                 "--role", "Producer", "--title", "Mixes", "--theme", "The work itself",
                 "--questions", "who-else", "--date", "2026-01-02",
                 "--interviewee", "Ada: <Lovelace>", "--summary", "Mixing, and why.",
                 "--referred-by", "editor", "--draft")  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = (site.docs / "interviews" / "2026-01-02-mixes.md").read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    assert front == {
        "title": "Mixes",
        "field": ["Music production", "Book publishing"],
        "role": "Producer",
        "date": __import__("datetime").date(2026, 1, 2),
        "questions": ["who-else", "typical-day"],
        "summary": "Mixing, and why.",
        "interviewee": "Ada: <Lovelace>",
        "referred_by": "editor",
        "draft": True,
    }
    # Answered, the write-up passes check as it is.
    for heading in [line for line in text.splitlines() if line.startswith("## ")]:
        text = text.replace(heading + "\n", heading + "\n\nAn answer.\n")
    (site.docs / "interviews" / "2026-01-02-mixes.md").write_text(text, encoding="utf-8")
    assert site.check().returncode == 0, site.check().stdout


def test_new_refuses_to_overwrite(make_site) -> None:
    site = make_site({"interviews/2026-01-02-t.md": "mine\n"})
    result = new(site, "--field", "Publishing", "--role", "Editor", "--title", "T",
                 "--questions", "typical-day", "--date", "2026-01-02")  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "error: interviews/2026-01-02-t.md: already exists (edit that file, or give another "
        "--title)"
    )
    assert (site.docs / "interviews" / "2026-01-02-t.md").read_text() == "mine\n"


def test_new_without_a_terminal_names_the_missing_flags(make_site) -> None:
    site = make_site()
    result = new(site, "--title", "T")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "error: missing --field, --role, --questions (or run 'new' in a terminal to be asked)"
    )


def test_new_asks_in_a_terminal_checking_each_answer(make_site) -> None:
    site = make_site({"interviews/editor.md": writeup()})
    controller, terminal = os.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs_interviews", "new", "--date", "2026-05-06"],
        cwd=site.root,
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    os.close(terminal)
    # Typed ahead, the answers wait in the terminal until each prompt reads its line.
    answers = [
        "Publshing",  # a typo: the same message as check, and the field is asked again at once
        "Book publishing",
        "Agent",
        "Selling books",
        "typcal-day, who-else",  # the same: asked again
        "typical-day, who-else",
        "Ada",
        "",  # no summary
        "editr",  # no such write-up: asked again
        "editor",
    ]
    os.write(controller, ("\n".join(answers) + "\n").encode())
    seen = b""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([controller], [], [], 1)
        if not ready:
            if process.poll() is not None:
                break
            continue
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the child has closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    os.close(controller)
    assert process.wait(timeout=10) == 0, seen.decode()
    shown = seen.decode()
    assert "Field (Book publishing, Music production, Radio & podcasting): " in shown
    field_prompt = "Field (Book publishing, Music production, Radio & podcasting): "
    lines = [line.strip() for line in shown.splitlines()]
    # Each wrong answer is reported right after it is typed, and asked for again.
    typo = lines.index(
        f"{field_prompt}error: field 'Publshing' is not in fields.yml (did you mean 'Publishing'?)"
    )
    assert lines[typo + 1].startswith(field_prompt + "Role (")
    assert any(
        "error: question 'typcal-day' is not in questions.yml (did you mean 'typical-day'?)" in line
        for line in lines
    )
    assert any("'referred_by' names 'editr'" in line and "(did you mean 'editor'?)" in line
               for line in lines)  # fmt: skip
    text = (site.docs / "interviews" / "2026-05-06-selling-books.md").read_text()
    assert "field: Book publishing\nrole: Agent\n" in text
    assert "## Who else should I talk to?" in text
    assert "\n# summary: " in text
    assert "\ninterviewee: Ada\nreferred_by: editor\n" in text


# -- generate -----------------------------------------------------------------------------


SITE_ROOT = "/interviews/"
"""The path of the sample's site_url, where a link that starts at the root starts."""


def internal_links(site_dir: Path) -> dict[str, list[str]]:
    """Every page of a built site and where the links of its content lead in the site (as
    paths from its root), other than to other sites."""
    pages = {}
    for page in site_dir.rglob("*.html"):
        relative = page.relative_to(site_dir).as_posix()
        if relative == "404.html":
            continue
        article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").article
        links = {str(a["href"]) for a in article.select("a[href]")} if article else set()
        pages[relative] = sorted(
            leads_to(relative, link) for link in links if not link.startswith(("http", "mailto"))
        )
    return pages


def leads_to(page: str, link: str) -> str:
    """Where a link of `page` leads, from the site's root (its anchor kept)."""
    path, _, anchor = link.partition("#")
    if path.startswith("/"):
        target = path.removeprefix(SITE_ROOT)
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else page
        target += "/" if path.endswith("/") else ""
        target = target.removeprefix("./")  # the site's root, as `/interviews/` is
    return f"{target.removesuffix('index.html')}#{anchor}"


def test_generate_makes_the_same_site_without_the_plugin(tmp_path: Path) -> None:
    sample = tmp_path / "sample"
    shutil.copytree(ROOT / "content", sample / "content")
    shutil.copy(ROOT / "mkdocs.yml", sample / "mkdocs.yml")
    Site(sample).build(strict=True, site_dir=tmp_path / "a")

    generated = run(["-m", "mkdocs_interviews", "generate", "build/docs"], sample)
    assert generated.returncode == 0, generated.stderr
    assert "Add build/docs to .gitignore" in generated.stdout
    # The same site for a builder without the plugin, from the configuration the repository
    # ships for it: the generated folder as docs_dir, no interviews plugin, and what the
    # plugin would have switched on.
    shutil.copy(ROOT / "mkdocs.generated.yml", sample)
    Site(sample).build(strict=True, config="mkdocs.generated.yml", site_dir=tmp_path / "b")

    a, b = internal_links(tmp_path / "a"), internal_links(tmp_path / "b")
    assert len(a) > 100
    assert sorted(a) == sorted(b)
    assert [page for page in a if a[page] != b[page]] == []
    question = BeautifulSoup((tmp_path / "b" / "questions" / "typical-day" / "index.html")
                             .read_text(encoding="utf-8"), "html.parser")  # fmt: skip
    anchors = [a["href"] for a in question.select("article a[href*='#typical-day']")]
    assert anchors, "answers link to their anchor"
    slug, anchor = anchors[0].split("/#")
    writeup = tmp_path / "b" / "questions" / "typical-day" / slug / "index.html"
    assert f'id="{anchor}"' in writeup.resolve().read_text(encoding="utf-8")


def test_generate_leaves_out_drafts_and_catalogs(make_site, tmp_path: Path) -> None:
    site = make_site(
        {
            "interviews/done.md": writeup(),
            "interviews/draft.md": writeup(extra="draft: true\n"),
            "images/photo.png": b"\x89PNG",
        }
    )
    result = run(["-m", "mkdocs_interviews", "generate", str(tmp_path / "out")], site.root)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out"
    assert (out / "interviews" / "done.md").is_file()
    assert not (out / "interviews" / "draft.md").exists()
    assert not (out / "fields.yml").exists() and not (out / "questions.yml").exists()
    assert (out / "images" / "photo.png").read_bytes() == b"\x89PNG"
    assert (out / "fields" / "book-publishing" / "index.md").is_file()
    assert (out / "feed.xml").is_file()
    assert (out / "api" / "interviews.json").is_file()


# -- coverage -----------------------------------------------------------------------------

ASKS = """\
- id: radio-day
  question: What does a radio producer do all day?
  field: Radio & podcasting
  asked: 2025-05-01
  matches: typical-day
- id: music-pay
  question: Can you live from mixing?
  field: Music production
  asked: 2025-05-02
  status: with-network
"""


def test_coverage_in_the_terminal(make_site) -> None:
    site = make_site({"interviews/editor.md": writeup(), "asks.yml": ASKS})
    result = run(["-m", "mkdocs_interviews", "coverage"], site.root)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Field", "1", "2", "3", "4", "gaps"]
    # Fields with the most gaps first; a gap readers are asking about is marked.
    assert lines[1].split() == ["Music", "production", "·", "·", "·", "·", "4"]
    assert lines[2].split() == ["Radio", "&", "podcasting", "·", "?", "·", "·", "4"]
    assert lines[3].split() == ["Book", "publishing", "1", "1", "·", "·", "2"]
    assert "  2  typical-day: What does a typical day look like?" in lines
    assert (
        "  Radio & podcasting: What does a radio producer do all day? (open, asked 2025-05-01, "
        "typical-day) [radio-day]"
    ) in lines
    assert (
        "  Music production: Can you live from mixing? (with-network, asked 2025-05-02) [music-pay]"
    ) in lines


def test_coverage_as_csv(make_site) -> None:
    site = make_site({"interviews/editor.md": writeup(), "asks.yml": ASKS})
    result = run(["-m", "mkdocs_interviews", "coverage", "--format", "csv"], site.root)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    book = next(row for row in rows if row["slug"] == "book-publishing")
    assert book == {
        "field": "Book publishing",
        "slug": "book-publishing",
        "getting-started": "1",
        "typical-day": "1",
        "skills": "0",
        "who-else": "0",
        "gaps": "2",
        "open_asks": "0",
    }
    assert [row["open_asks"] for row in rows] == ["1", "1", "0"]


class _Limited(io.StringIO):
    """Standard error that fails after a few hundred lines: a loop shows as a failure."""

    def write(self, text: str) -> int:
        if self.getvalue().count("\n") > 200:
            raise AssertionError("new reports the same problems again and again")
        return super().write(text)


def test_new_asks_again_for_a_field_named_twice(make_site, monkeypatch) -> None:
    # Named twice ("Publishing" is an alias of "Book publishing"), the field is asked for
    # again, as an unknown one is; it used to be reported again and again, for ever.
    from mkdocs_interviews import cli

    stderr = _Limited()
    monkeypatch.setattr(sys, "stderr", stderr)

    site = make_site()
    args = cli.parser().parse_args(
        ["--config", str(site.root / "mkdocs.yml"), "new", "--field", "Publishing",
         "--field", "Book publishing", "--role", "Agent", "--title", "Twice",
         "--questions", "typical-day", "--date", "2026-05-06"]
    )  # fmt: skip
    answers = iter(["Book publishing"])

    def prompt(text: str) -> str:
        answer = next(answers, None)
        if answer is None:
            raise EOFError  # asked more than the test answers: what a reader would see hang
        return answer

    assert cli.new(cli.load_site(args.config), args, prompt) == 0
    assert "is listed twice in 'field'" in stderr.getvalue()
    text = (site.docs / "interviews" / "2026-05-06-twice.md").read_text(encoding="utf-8")
    assert "field: Book publishing\n" in text


def test_new_checks_each_answer_as_it_is_typed(make_site, capsys) -> None:
    from mkdocs_interviews import cli

    site = make_site({"interviews/editor.md": writeup()})
    args = cli.parser().parse_args(
        ["--config", str(site.root / "mkdocs.yml"), "new", "--date", "2026-05-06",
         "--theme", "The wrk itself"]
    )  # fmt: skip
    typed = iter(["Publshing", "Radio & podcasting", "Host", "On air", "skills", "", "", "edtor",
                  ""])  # fmt: skip
    asked: list[str] = []

    def prompt(text: str) -> str:
        asked.append(text.split(" (")[0].split(" [")[0])
        answer = next(typed, None)
        if answer is None:
            raise EOFError  # asked more than the test answers
        return answer

    assert cli.new(cli.load_site(args.config), args, prompt) == 0
    # Each choice in turn, flag or answer, asked again right after it is found wrong.
    assert asked == ["Field", "Field", "Role", "Title", "Questions", "Interviewee", "Summary",
                     "Introduced by", "Introduced by"]  # fmt: skip
    assert capsys.readouterr().err.splitlines() == [
        "error: field 'Publshing' is not in fields.yml (did you mean 'Publishing'?)",
        "error: --theme: 'The wrk itself' is not a theme of questions.yml (the themes: Advice "
        "and next steps; Getting started; Skills and training; The work itself)",
        "error: 'referred_by' names 'edtor', which is not a write-up (did you mean 'editor'?) "
        "(use the file name of the write-up, without '.md')",
    ]
    text = (site.docs / "interviews" / "2026-05-06-on-air.md").read_text(encoding="utf-8")
    assert "field: Radio & podcasting\nrole: Host\n" in text
    assert "questions: [skills]\n" in text
    assert "# referred_by: " in text and "draft" not in text
