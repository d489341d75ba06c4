"""Real `mkdocs build` runs of tiny sites in temporary folders (in process), and `mkdocs serve`."""

from __future__ import annotations

import json
import logging
import os
import socket
import subprocess
import sys
import time
import urllib.request

from bs4 import BeautifulSoup

from conftest import BUILDER, THEME_SEARCH_YML, dedent, writeup

BAD = writeup(field="Publshing")
LD_JSON = "application/ld+json"


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def test_strict_build_fails_naming_the_file(make_site) -> None:
    site = make_site({"interviews/bad.md": BAD, "interviews/good.md": writeup()})
    built = site.build(strict=True, stops=True)
    assert built.warnings == [
        "interviews/bad.md:3: field 'Publshing' is not in fields.yml (did you mean 'Publishing'?)"
    ]
    assert built.aborted == "Aborted with 1 warnings in strict mode!"


def test_build_without_strict_publishes_every_writeup(make_site) -> None:
    broken = {
        "interviews/bad.md": BAD,
        "interviews/latin1.md": writeup(title="Caf\xe9 society").encode("latin-1"),
        "interviews/unclosed.md": "---\ntitle: Never closed\n\nThe answer is still here.\n",
    }
    site = make_site({**broken, "interviews/good.md": writeup()})
    warnings = site.build().warnings
    assert any(w.startswith("interviews/latin1.md:2: the file is not UTF-8 text") for w in warnings)
    assert any(
        w.startswith("interviews/unclosed.md:1: the front matter opened on line 1 is never closed")
        for w in warnings
    )
    for slug in ("bad", "latin1", "unclosed", "good"):
        assert (site.root / "site" / "interviews" / slug / "index.html").is_file(), slug
    assert "The answer to typical-day." in soup(site.page("interviews/bad")).get_text()
    assert "Caf\ufffd society" in soup(site.page("interviews/latin1")).get_text()
    assert "The answer is still here." in soup(site.page("interviews/unclosed")).get_text()


def test_answers_are_anchored_by_question_id(make_site) -> None:
    body = dedent(
        """
        Intro.

        ## How did you get started?

        As an intern.

        What is a typical day like?
        ---------------------------

        Meetings.

        ## In one word? { #skills .wide }

        Reading.

        ## A note on pay

        Low.
        """
    )
    text = writeup(questions=("getting-started", "typical-day", "skills"), body=body)
    site = make_site({"interviews/editor.md": text})
    site.build(strict=True)
    page = soup(site.page("interviews/editor"))
    headings = {h["id"]: h for h in page.select("article h2")}
    assert list(headings) == ["getting-started", "typical-day", "skills", "a-note-on-pay"]
    assert headings["typical-day"].get_text().strip("¶") == "What is a typical day like?"
    assert "wide" in headings["skills"]["class"]
    toc = [a["href"] for a in page.select(".md-nav--secondary a")]
    assert "#typical-day" in toc


def test_drafts_are_left_out_of_builds(make_site) -> None:
    site = make_site(
        {
            "interviews/draft.md": writeup(extra="draft: true\n"),
            "interviews/done.md": writeup(),
        },
        mkdocs_yml=THEME_SEARCH_YML,
    )
    site.build(strict=True)
    assert (site.root / "site" / "interviews" / "done" / "index.html").is_file()
    assert not (site.root / "site" / "interviews" / "draft").exists()
    index = json.loads((site.root / "site" / "search" / "search_index.json").read_text())
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "interviews/done/" in locations
    assert "interviews/draft/" not in locations


def test_catalogs_are_not_published(make_site) -> None:
    site = make_site({"interviews/editor.md": writeup()})
    site.build(strict=True)
    assert not (site.root / "site" / "fields.yml").exists()
    assert not (site.root / "site" / "questions.yml").exists()


def test_writeups_stay_out_of_the_navigation(make_site) -> None:
    site = make_site({"interviews/editor.md": writeup()})
    built = site.build(strict=True)
    # MkDocs would list pages missing from `nav` at INFO level; write-ups are not missing.
    assert [m for m in built.messages(logging.INFO, "mkdocs") if "interviews/editor.md" in m] == []
    nav = soup(site.page("")).select_one("nav.md-nav--primary")
    hrefs = [a["href"] for a in nav.select("a[href]") if not a["href"].startswith("http")]
    assert [href for href in hrefs if "interviews/" in href] == []


def test_front_matter_title_is_escaped(make_site) -> None:
    title = '<script>alert(1)</script> & "friends"'
    text = writeup(title=f"'{title}'")
    site = make_site({"interviews/editor.md": text})
    site.build(strict=True)
    page = soup(site.page("interviews/editor"))
    scripts = page.find_all("script")
    assert not [s for s in scripts if "alert(1)" in s.get_text() and s.get("type") != LD_JSON]
    assert page.select_one("article h1").get_text().strip() == title
    assert page.title.get_text().startswith(title)
    (data,) = [json.loads(s.get_text()) for s in scripts if s.get("type") == LD_JSON]
    assert data["headline"] == title


def test_serve_shows_drafts_and_problems(make_site) -> None:
    site = make_site(
        {
            "interviews/draft.md": writeup(title="Work in progress", extra="draft: true\n"),
            "interviews/bad.md": BAD,
        }
    )
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", BUILDER, "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=site.root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

    def served(path: str) -> BeautifulSoup:
        # `mkdocs serve` serves the site under the path of its site_url.
        url = f"http://127.0.0.1:{port}/interviews/{path}"
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    return soup(response.read().decode())
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)

    try:
        draft = served("interviews/draft/")
        assert draft.select_one("article h1").get_text().strip() == "Work in progress"
        # Listed where it will be once published, marked as a draft.
        (listed,) = served("fields/book-publishing/").select("article li:has(.interviews-draft)")
        assert listed.select_one("a").get_text() == "Work in progress"
        # A write-up's problems at the top of its page.
        box = served("interviews/bad/").select_one("article .interviews-problems")
        assert box is not None
        assert "field 'Publshing' is not in fields.yml" in box.get_text()
    finally:
        server.terminate()
        server.wait(timeout=30)
