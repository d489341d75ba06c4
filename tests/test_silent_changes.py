"""Nothing an author writes is changed on the way to the site: texts show as written on every
page (Markdown eats no `#`), YAML 1.1 turns no text into a number or a true/false, messages
name the line to fix, and the ask link is never a relative, broken one."""

from __future__ import annotations

import datetime
import json
from urllib.parse import urlsplit

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from conftest import Site, catalogs, dedent, new_site
from mkdocs_interviews import read_project
from mkdocs_interviews.model import Field, Question
from mkdocs_interviews.pages import heading_text
from mkdocs_interviews.question_form import QuestionForm, QuestionFormError
from mkdocs_interviews.yamlfile import as_written, load_yaml

# -- texts that end or start like Markdown syntax ----------------------------------------

TRICKY = ["C#", "F# and C##", "#1 in sales", "1. First", "2) Second", "> Quoted", "- Dashed"]
"""Names and titles whose first or last characters Markdown would read as syntax."""

FIELDS = [
    {"name": name, "slug": f"field-{i}", "description": f"About {name}", "group": f"{name}"}
    for i, name in enumerate(TRICKY)
]
QUESTIONS = [
    {"id": "which-language", "text": "Which language, C#?", "theme": "Tools: C#"},
    {"id": "typical-day", "text": "What does a typical day look like?", "theme": "Work #"},
]


def front(meta: dict[str, object]) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n"


BODY = (
    "## Which language, C#? { #which-language }\n\nC#.\n\n"
    "## What does a typical day look like?\n\nCode.\n"
)


def writeups() -> dict[str, str]:
    """One write-up per field, each introduced by the one before; plain YAML 1.1 scalars in
    the last one's text keys."""
    files = {}
    for i, name in enumerate(TRICKY):
        meta: dict[str, object] = {
            "title": name,
            "field": name,
            "role": f"{name} developer",
            "date": f"2025-04-0{i + 1}",
            "questions": ["which-language", "typical-day"],
            "interviewee": name,
        }
        if i:
            meta["referred_by"] = f"w{i - 1}"
        files[f"interviews/w{i}.md"] = front(meta) + BODY
    files["interviews/plain.md"] = (
        dedent(
            """
            ---
            title: 1:30
            field: C#
            role: 007
            date: 2025-05-01
            questions: [typical-day]
            summary: 1_000
            interviewee: yes
            ---
            """
        )
        + "\n## What does a typical day look like?\n\nMeetings.\n"
    )
    return files


ASKS = [
    {"id": f"ask-{i}", "question": f"Why {name}?", "field": name, "asked": "2025-06-01"}
    for i, name in enumerate(TRICKY)
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    built = new_site(
        tmp_path_factory.mktemp("silent"),
        {
            "fields.yml": yaml.safe_dump(FIELDS, allow_unicode=True),
            "questions.yml": yaml.safe_dump(QUESTIONS, allow_unicode=True),
            "asks.yml": yaml.safe_dump(ASKS, allow_unicode=True),
            **writeups(),
        },
    )
    built.build(strict=True)
    return built


def text(element: Tag) -> str:
    return " ".join(element.get_text().replace("¶", " ").split())


def article(site: Site, url: str) -> Tag:
    found = BeautifulSoup(site.page(url), "html.parser").article
    assert found is not None, url
    return found


def headings(site: Site, url: str, level: str = "h2") -> list[str]:
    return [text(h) for h in article(site, url).find_all(level)]


def test_group_names_show_as_written_on_the_fields_and_ask_pages(site: Site) -> None:
    """A group or field called `C#` is not 'C': its `#` is no closing hash."""
    assert headings(site, "fields") == TRICKY
    assert headings(site, "ask")[: len(TRICKY)] == TRICKY
    assert sorted(headings(site, "ask", "h3")) == sorted(TRICKY)


def test_field_names_show_as_written_in_the_headings_of_question_pages(site: Site) -> None:
    assert sorted(headings(site, "questions/typical-day")) == sorted(TRICKY)
    assert headings(site, "questions")[:2] == ["Tools: C#", "Work #"]


def test_a_field_page_names_its_field_as_written(site: Site) -> None:
    for i, name in enumerate(TRICKY):
        page = article(site, f"fields/field-{i}")
        assert text(page.find("h1")) == name
        assert f"Questions answered in {name}" in headings(site, f"fields/field-{i}")


def test_a_chain_of_introductions_is_headed_by_its_first_title(site: Site) -> None:
    page = article(site, "network")
    (heading,) = [h for h in page.find_all("h2") if h.get("id", "").startswith("chain-")]
    assert text(heading) == "C#"
    assert heading["id"] == "chain-w0"


def test_the_table_of_contents_names_the_headings_as_written(site: Site) -> None:
    soup = BeautifulSoup(site.page("fields"), "html.parser")
    toc = [text(a) for a in soup.select("nav.md-nav--secondary a.md-nav__link")]
    assert toc == TRICKY


def test_an_interviews_header_shows_its_role_interviewee_and_fields_as_written(
    site: Site,
) -> None:
    for i, name in enumerate(TRICKY):
        meta = article(site, f"interviews/w{i}").select_one(".interviews-meta")
        assert meta is not None
        shown = text(meta)
        assert shown.startswith(f"{name} developer · {name} {name} · Interviewed")


def test_plain_yaml_numbers_and_yes_are_published_as_written(site: Site) -> None:
    """`title: 1:30` is not 90, `role: 007` not 7, `summary: 1_000` not 1000, `yes` not true."""
    (entry,) = [
        li
        for li in article(site, "fields/field-0").find_all("li")
        if li.find("a") and text(li.find("a")) == "1:30"
    ]
    assert "007 · 1 May 2025" in text(entry)
    assert "1_000" in text(entry)
    meta = article(site, "interviews/plain").select_one(".interviews-meta")
    assert meta is not None and text(meta).startswith("007 · yes C# ·")
    api = json.loads((site.root / "site/api/interviews.json").read_text(encoding="utf-8"))
    (plain,) = [item for item in api if item["slug"] == "plain"]
    assert (plain["title"], plain["role"], plain["summary"], plain["interviewee"]) == (
        "1:30",
        "007",
        "1_000",
        "yes",
    )


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("C#", "C&#35;"),
        ("C##", "C#&#35;"),
        ("#", "&#35;"),
        ("#tag", "&#35;tag"),
        ("C# ", "C&#35;"),
        ("Plain", "Plain"),
        ("R&D", "R&#38;D"),
    ],
)
def test_heading_text_keeps_a_trailing_hash(written: str, shown: str) -> None:
    assert heading_text(written) == shown


markdownish = st.text(
    st.sampled_from(list("abc 12.-+#>*_`[]()!<>&\"'~=^{}:|\\/?xyz\n\t")) | st.characters(),
    max_size=40,
)


@settings(max_examples=400, deadline=None)
@given(
    text=markdownish,
    layout=st.sampled_from(["## {}", "### {}", "## {} { #chain-x }", "## Questions in {}"]),
)
def test_heading_text_renders_as_itself_in_any_heading(text: str, layout: str) -> None:
    """Whatever the text, a heading made with the `heading` filter shows it as typed
    (whitespace folded and stripped), and makes no element of it."""
    kept = "".join(ch for ch in text if (ch >= " " and ch != "\x7f") or ch in "\t\n\r")
    shown = " ".join(kept.split())
    assume(shown)  # an empty text is never shown: it is read as missing
    source = layout.replace("{}", heading_text(text))
    html = markdown.markdown(source, extensions=["attr_list", "md_in_html", "toc"])
    (heading,) = BeautifulSoup(html, "html.parser").find_all(["h2", "h3"])
    assert not heading.find(True)
    expected = layout.removesuffix(" { #chain-x }").lstrip("# ").replace("{}", shown)
    assert " ".join(heading.get_text().split()) == expected


# -- YAML 1.1 scalars in text keys --------------------------------------------------------

PLAIN = ["1:30", "007", "1_000", "0x1F", "1.50", "+12", ".inf", "yes", "no", "on", "Off", "true"]
"""Plain scalars that YAML 1.1 reads as numbers or true/false."""


@pytest.mark.parametrize("written", [*PLAIN, "2025-04-02", "2025-04-02 10:00:00"])
@pytest.mark.parametrize("key", ["title", "role", "summary", "interviewee"])
def test_a_text_key_of_a_writeup_is_read_as_written(key: str, written: str) -> None:
    meta = {"title": "T", "field": "Book publishing", "role": "Editor", "summary": "S"}
    lines = "".join(
        f"{name}: {written if name == key else value}\n" for name, value in meta.items()
    )
    if key == "interviewee":
        lines += f"interviewee: {written}\n"
    source = f"---\n{lines}date: 2025-04-02\nquestions: [typical-day]\n---\n\n"
    source += "## What does a typical day look like?\n\nMeetings.\n"
    result = read_project({**encoded(catalogs()), "interviews/a.md": source.encode()})
    assert [str(p) for p in result.problems] == []
    (writeup,) = result.writeups
    assert getattr(writeup, key) == written


def test_dates_drafts_and_numbers_elsewhere_keep_their_types() -> None:
    source = (
        "---\ntitle: yes\nfield: Book publishing\nrole: 007\ndate: 2025-04-02\n"
        "questions: [typical-day]\ndraft: yes\nsearch: {boost: 2}\n---\n\n"
        "## What does a typical day look like?\n\nMeetings.\n"
    )
    result = read_project({**encoded(catalogs()), "interviews/a.md": source.encode()})
    (doc,) = result.documents
    assert doc.writeup is not None
    assert (doc.writeup.title, doc.writeup.role) == ("yes", "007")
    assert doc.writeup.date == datetime.date(2025, 4, 2)
    assert doc.writeup.draft is True
    assert doc.meta["search"] == {"boost": 2}


def test_catalog_names_wordings_and_a_readers_words_are_read_as_written() -> None:
    fields = "- name: 1984\n  aliases: [007]\n  group: yes\n  description: 1:30\n"
    questions = "- id: '2024'\n  text: 1_000\n  aliases: [on]\n  theme: no\n  retired: no\n"
    asks = "- id: ask\n  question: 1e3\n  field: 007\n  asked: 2025-01-02\n"
    result = read_project(
        encoded({"fields.yml": fields, "questions.yml": questions, "asks.yml": asks})
    )
    assert [str(p) for p in result.problems] == []
    (field,) = result.fields.fields
    assert (field.name, field.slug, field.aliases, field.group, field.description) == (
        "1984",
        "1984",
        ("007",),
        "yes",
        "1:30",
    )
    (question,) = result.questions.questions
    assert (question.text, question.aliases, question.theme) == ("1_000", ("on",), "no")
    assert question.retired is False
    (ask,) = result.asks.asks
    assert (ask.question, ask.field.name, ask.asked) == ("1e3", "1984", datetime.date(2025, 1, 2))


def test_a_key_yaml_would_type_is_the_key_as_written() -> None:
    document = load_yaml("yes: 1\n1: 2\n2025-01-01: 3\n")
    assert document.data == {"yes": 1, "1": 2, "2025-01-01": 3}


def test_as_written_leaves_quoted_and_other_values_as_read() -> None:
    document = load_yaml('a: "007"\nb: !!int "7"\nc: [1, x]\nd: {e: 1}\nf: ~\n')
    data, lines = document.data, document.lines
    assert as_written(data["a"], lines, "a") == "007"
    assert as_written(data["b"], lines, "b") == 7
    assert as_written(data["c"], lines, "c") == ["1", "x"]
    assert as_written(data["d"], lines, "d") == {"e": 1}
    assert as_written(data["f"], lines, "f") is None


# -- the lines messages name -------------------------------------------------------------


def test_asks_problems_name_the_line_of_their_key() -> None:
    asks = dedent(
        """
        - id: first
          question: First?
          field: Book publishing
          asked: 2025-01-01
          merged_into: nowhere
        - question: Second?
          field: Book publishing
          status: open
          answered_in: 2025-04-02-editor
          id: second
        - question: Third?
          id: first
          field: Book publishing
          asked: 2025-01-03
        - id: fourth
          field: Book publishing
          asked:
          question:
        """
    )
    result = read_project({**encoded(catalogs()), "asks.yml": asks.encode()})
    assert [str(p) for p in result.problems] == [
        "asks.yml:5: ask 'first': 'merged_into' names 'nowhere', which is not an ask",
        "asks.yml:6: ask 'second' has no 'asked' (add the date the question came in, like "
        "'asked: 2025-04-02')",
        "asks.yml:8: ask 'second' has 'answered_in' but its status is 'open' (set 'status: "
        "answered')",
        "asks.yml:12: ask id 'first' is used twice (lines 1 and 12; ids must be unique)",
        "asks.yml:17: ask 'fourth' has no 'asked' (add the date the question came in, like "
        "'asked: 2025-04-02')",
        "asks.yml:18: ask 'fourth' has no 'question' (add the reader's question, in their words)",
    ]


def encoded(files: dict[str, str]) -> dict[str, bytes]:
    return {path: content.encode() for path, content in files.items()}


# -- the ask link -------------------------------------------------------------------------

REPO = "https://github.com/example/interviews"
MUSIC = Field(name="Música & Film", slug="musica-film")
PAY = Question(id="pay", text="Is it paid?")


@pytest.mark.parametrize(
    ("ask_url", "repo_url"),
    [
        (" https://example.org/ask?f={field}&q={question}", None),
        ("https://example.org/ask?f={field}&q={question}\n", None),
        ("\thttps://example.org/ask?f={field}&q={question}  ", REPO),
        (None, f" {REPO} "),
        ("   ", f"{REPO}\n"),
    ],
)
def test_spaces_around_a_url_are_left_out(ask_url: str | None, repo_url: str | None) -> None:
    """With them, the link would be relative to the page, and lead nowhere."""
    url = QuestionForm.from_config(ask_url, repo_url).url(MUSIC, PAY)
    parts = urlsplit(url)
    assert parts.scheme == "https"
    assert parts.netloc in ("example.org", "github.com")
    assert not url.startswith("%")


@pytest.mark.parametrize(
    ("ask_url", "repo_url", "message"),
    [
        (
            "https://example.org/ask?field={field}\n&question={question}",
            None,
            "'ask_url' has a line break or a tab in it, after "
            "'https://example.org/ask?field={field}' (write the URL on one line, without them)",
        ),
        (
            "https://forms.example .org/ask?f={field}",
            None,
            "'ask_url' has 'forms.example .org' for the site's address, which cannot be one "
            "(write the address as in a browser, without spaces or placeholders, like "
            "https://example.org/ask?field={field}&question={question})",
        ),
        (
            "https://{field}.example.org/ask",
            None,
            "'ask_url' has '{field}.example.org' for the site's address, which cannot be one "
            "(write the address as in a browser, without spaces or placeholders, like "
            "https://example.org/ask?field={field}&question={question})",
        ),
        (
            "https://example.org:80a/ask?f={field}",
            None,
            "'ask_url' has 'example.org:80a' for the site's address, whose port is not a "
            "number from 0 to 65535 (write it like example.org:8080, or leave the port out)",
        ),
        (
            "forms.example.org/ask?f={field}",
            None,
            "'ask_url' must be an http(s) URL, not 'forms.example.org/ask?f={field}' (start "
            "it with https:// and the site's address, like "
            "https://example.org/ask?field={field}&question={question})",
        ),
        (
            "javascript:alert(1)//{field}",
            None,
            "'ask_url' must be an http(s) URL, not 'javascript:alert(1)//{field}' (start it "
            "with https:// and the site's address, like "
            "https://example.org/ask?field={field}&question={question})",
        ),
        (
            None,
            "github.com/example/interviews",
            "'repo_url' must be an http(s) URL, not 'github.com/example/interviews' (start it "
            "with https:// and the site's address, like "
            "https://github.com/<user>/<repository>)",
        ),
        (
            None,
            f"{REPO}?tab=readme",
            f"'repo_url' must be the repository's address, not '{REPO}?tab=readme': the ask "
            "link adds /issues/new to it (leave out what follows '?' or '#', or set the "
            "plugin's 'ask_url')",
        ),
    ],
)
def test_a_url_that_would_make_a_broken_link_is_refused(
    ask_url: str | None, repo_url: str | None, message: str
) -> None:
    with pytest.raises(QuestionFormError) as raised:
        QuestionForm.from_config(ask_url, repo_url)
    assert str(raised.value) == message
