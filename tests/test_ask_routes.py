"""The routes a reader's question can take, and what the site says of each: the issue form
(with its title filled in), the e-mail link that needs no account (`ask_email`), the field
chooser of a question page; and the queue's issues and 👍 counts, on the pages and in
`api/asks.json`."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlencode, urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from conftest import MKDOCS_YML, Site, catalogs, new_site, run, writeup
from mkdocs_interviews.model import Field, Question
from mkdocs_interviews.question_form import QuestionForm, QuestionFormError, mailto

REPO = "https://github.com/example/interviews"
SITE_URL = "https://example.org/interviews/"
EMAIL = "questions@example.org"
HOSTILE = 'Paid "well" <b>& fair</b>? #1 100% a+b=c\'s'
"""A question's text with what a URL, an attribute or a mail client could trip on."""

ASKS = """\
- id: radio-old
  question: Old radio question?
  field: Radio & podcasting
  asked: 2025-01-01
  issue: 3
  readers: 4
- id: radio-new
  question: New radio question?
  field: Radio & podcasting
  asked: 2025-03-01
  issue: 5
  readers: 1
- id: radio-newest
  question: Newest radio question, no issue?
  field: Radio & podcasting
  asked: 2025-04-01
- id: radio-popular
  question: Popular radio question?
  field: Radio & podcasting
  asked: 2025-02-01
  issue: 7
  readers: 4
  matches: who-else
- id: editor-day
  question: What do editors do all day?
  field: Book publishing
  asked: 2025-01-10
  status: answered
  answered_in: editor
  matches: typical-day
  issue: 9
  readers: 2
- id: editor-skills
  question: Which skills do editors need?
  field: Book publishing
  asked: 2025-01-11
  status: answered
  answered_in: editor
  matches: skills
- id: editor-draft
  question: Who should I talk to next?
  field: Book publishing
  asked: 2025-01-12
  status: answered
  answered_in: drafted
- id: editor-again
  question: What is an editor's day like?
  field: Book publishing
  asked: 2025-02-12
  merged_into: editor-day
"""

WITH_EMAIL = MKDOCS_YML.replace("  - interviews\n", f"  - interviews:\n      ask_email: {EMAIL}\n")


def questions_yml() -> str:
    """The test catalog's questions, and one whose text is `HOSTILE`."""
    questions = yaml.safe_load(catalogs()["questions.yml"])
    questions.append({"id": "hostile", "text": HOSTILE})
    return yaml.safe_dump(questions, allow_unicode=True)


FILES = {
    "questions.yml": questions_yml(),
    "asks.yml": ASKS,
    "interviews/editor.md": writeup(),
    "interviews/drafted.md": writeup(title="Drafted", extra="draft: true\n"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    built = new_site(tmp_path_factory.mktemp("routes"), FILES, WITH_EMAIL)
    built.build(strict=True)
    return built


def article(site: Site, url: str) -> Tag:
    found = BeautifulSoup(site.page(url), "html.parser").select_one("article")
    assert found is not None, url
    return found


def text(element: Tag) -> str:
    return " ".join(element.get_text().replace("¶", " ").split())


def query(href: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(href).query, keep_blank_values=True)


def mail(href: str) -> tuple[str, dict[str, list[str]]]:
    """The address of a `mailto:` link, and its subject and body, decoded."""
    parts = urlsplit(href)
    assert parts.scheme == "mailto", href
    return parts.path, query(href)


# -- the e-mail link ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "field, question",
    [
        ("Radio & podcasting", "What does a day look like?"),
        ("R&D / Labs", HOSTILE),
        ("Música & Film", "Line one\nline two\r\n%0A?subject=x&body=y#frag"),
    ],
)
def test_the_email_link_holds_the_field_and_question_encoded(field: str, question: str) -> None:
    """RFC 6068: the subject and the body percent-encoded as UTF-8, the body's lines ending
    in %0D%0A; nothing in the text can add a header, end the query or start a fragment."""
    href = mailto(EMAIL, field, question)
    head, _, rest = href.partition("?")
    assert head == f"mailto:{EMAIL}"
    pairs = rest.split("&")
    assert [p.split("=")[0] for p in pairs] == ["subject", "body"]
    for pair in pairs:
        value = pair.split("=", 1)[1]
        assert set(value) <= set(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789%-._~"
        )
    subject, body = (unquote(p.split("=", 1)[1]) for p in pairs)
    assert subject == f"Question for {field}: {question}"
    assert body.startswith(f"Field: {field}\r\nQuestion: {question}\r\n")
    assert "%0D%0A" in pairs[1]


@pytest.mark.parametrize(
    "address", ["questions", "a b@example.org", "q@example.org?cc=x@evil.test", "q@localhost"]
)
def test_ask_email_must_be_an_address(address: str) -> None:
    with pytest.raises(QuestionFormError, match="'ask_email' must be an e-mail address"):
        QuestionForm.from_config(None, REPO, address)


def test_a_bad_ask_email_stops_the_build_naming_the_option(make_site) -> None:
    site = make_site(
        {}, MKDOCS_YML.replace("  - interviews\n", "  - interviews:\n      ask_email: me\n")
    )
    built = site.build(stops=True)
    assert "ask_email" in built.log


def test_every_ask_link_has_an_email_link_beside_it(site: Site) -> None:
    pages = {
        "ask/": "Ask someone in Book publishing",
        "fields/book-publishing/": "Ask someone in Book publishing a question",
        "interviews/editor/": "Ask someone in Book publishing a question",
        "questions/typical-day/book-publishing/": "Ask someone else in Book publishing",
    }
    for url, label in pages.items():
        page = article(site, url)
        (ask,) = [a for a in page.find_all("a") if text(a) == label]
        emails = [a for a in ask.parent.find_all("a") if a["href"].startswith("mailto:")]
        assert [text(a) for a in emails] == ["E-mail your question (no account needed)"], url
        address, fields = mail(emails[0]["href"])
        assert address == EMAIL
        assert fields["body"][0].startswith("Field: Book publishing\r\n"), url


def test_hostile_question_text_stays_text_in_both_links(site: Site) -> None:
    page = article(site, "questions/hostile/")
    assert page.find("b") is None
    (item,) = [li for li in page.select("ul.interviews-unanswered li") if "Music" in text(li)]
    form, email = item.find_all("a")
    assert query(form["href"])["question"] == [HOSTILE]
    assert query(form["href"])["title"] == [f"Question for Music production: {HOSTILE}"]
    assert mail(email["href"])[1]["subject"] == [f"Question for Music production: {HOSTILE}"]


# -- titles -------------------------------------------------------------------------------


def test_ask_links_prefill_the_issue_title(site: Site) -> None:
    """GitHub fills the new issue's title from `title`: the field, and the question if any."""
    (button,) = article(site, "fields/radio-podcasting/").select(
        ".interviews-actions a.md-button--primary"
    )
    assert query(button["href"])["title"] == ["Question for Radio & podcasting"]
    assert query(button["href"])["field"] == ["Radio & podcasting"]
    (link,) = [
        a
        for a in article(site, "questions/skills/").select(
            "ul.interviews-unanswered a[href^=https]"
        )
        if "Music" in text(a)
    ]
    assert query(link["href"])["title"] == [
        "Question for Music production: What skills matter most in your work?"
    ]


def test_the_issue_form_takes_its_title_from_the_link() -> None:
    """The form's own title is what a link without one gets; the link replaces it."""
    form = yaml.safe_load(
        (Path(__file__).parents[1] / ".github/ISSUE_TEMPLATE/ask.yml").read_text()
    )
    assert form["title"] == "Question for a field"
    url = QuestionForm.from_config(None, REPO).url()
    assert query(url)["title"] == [form["title"]]


# -- what the ask page says of each route -------------------------------------------------


def first_step(site: Site) -> str:
    (step,) = [
        li for li in article(site, "ask/").select("ol li") if text(li).startswith("You ask.")
    ]
    return text(step)


def test_the_ask_page_says_which_route_needs_an_account(site: Site) -> None:
    step = first_step(site)
    assert "needs a GitHub account" in step
    assert "public issue, which anyone can read" in step
    assert "e-mail your question: that needs no account, and the e-mail is not published" in step
    assert "publish your question, without your name" in step


def test_a_form_service_needs_no_account(make_site) -> None:
    config = MKDOCS_YML.replace(
        "  - interviews\n",
        "  - interviews:\n      ask_url: https://forms.example.org/ask?f={field}&q={question}\n",
    )
    site = make_site({"interviews/editor.md": writeup()}, config)
    site.build(strict=True)
    step = first_step(site)
    assert "needs no account" in step
    assert "GitHub" not in step and "e-mail" not in step
    page = article(site, "ask/")
    assert not [a for a in page.find_all("a") if a["href"].startswith("mailto:")]


# -- the question page's field chooser ----------------------------------------------------


def submitted(form: Tag, page_url: str, choices: dict[str, str]) -> str:
    """The URL a browser opens when the GET form is sent with `choices` selected: the
    action, and each control's name and value in document order (RFC: HTML's form
    submission, application/x-www-form-urlencoded)."""
    pairs = []
    for control in form.find_all(["input", "select"]):
        name = control["name"]
        pairs.append((name, choices[name] if control.name == "select" else control["value"]))
    action = urljoin(SITE_URL + page_url, form["action"])
    return f"{action}?{urlencode(pairs)}"


def test_a_question_page_lets_the_reader_choose_the_field(site: Site) -> None:
    (form,) = article(site, "questions/typical-day/").select("form.interviews-ask-chooser")
    assert form["method"] == "get"
    select = form.find("select")
    assert select.has_attr("required")
    options = [o for o in select.find_all("option") if o["value"]]
    assert [o["value"] for o in options] == [
        "Book publishing",
        "Music production",
        "Radio & podcasting",
    ]
    assert "Ask it of someone in" in text(form.find("label"))
    url = submitted(form, "questions/typical-day/", {"field": "Radio & podcasting"})
    assert url.startswith(f"{REPO}/issues/new?")
    assert query(url) == {
        "template": ["ask.yml"],
        "field": ["Radio & podcasting"],
        "question": ["What does a typical day look like?"],
        "title": ["Question for a field: What does a typical day look like?"],
    }
    (email,) = form.select("a[href^=mailto]")
    assert mail(email["href"])[1]["body"][0].startswith(
        "Field: \r\nQuestion: What does a typical day look like?"
    )


def test_the_chooser_keeps_a_hostile_question_whole(site: Site) -> None:
    (form,) = article(site, "questions/hostile/").select("form.interviews-ask-chooser")
    url = submitted(form, "questions/hostile/", {"field": "Book publishing"})
    assert query(url)["question"] == [HOSTILE]


def test_without_its_own_field_parameter_there_is_no_chooser() -> None:
    form = QuestionForm.from_config("https://example.org/ask/{field}?q={question}", None)
    assert form.chooser(Question("x", "X?")) is None
    form = QuestionForm.from_config("https://example.org/ask?f={field}&q={question}", None)
    chooser = form.chooser(Question("x", "X?"))
    assert chooser is not None
    assert (chooser.action, chooser.field_input, chooser.hidden) == (
        "https://example.org/ask",
        "f",
        (("q", "X?"),),
    )


# -- issues and readers in the queue ------------------------------------------------------


def test_readers_are_asking_sorts_by_readers_then_newest(site: Site) -> None:
    page = article(site, "fields/radio-podcasting/")
    items = [text(li) for li in page.select("ul.interviews-waiting li")]
    assert [item.split("”")[0].lstrip("“") for item in items] == [
        "Popular radio question?",
        "Old radio question?",
        "New radio question?",
        "Newest radio question, no issue?",
    ]
    assert "4 readers want this answered" in items[0]
    assert "1 reader wants this answered" in items[2]
    assert "want" not in items[3] and "👍" not in items[3]
    assert "Want this answered too? Add your 👍 to issue #7" in items[0]
    (link,) = page.select("ul.interviews-waiting li")[0].find_all("a")
    assert link["href"] == f"{REPO}/issues/7"


def test_the_queue_links_each_public_issue(site: Site) -> None:
    page = article(site, "ask/")
    items = {li["id"]: li for li in page.select("li.interviews-queued")}
    links = items["ask-radio-old"].find_all("a")
    assert [text(a) for a in links] == ["issue #3", "Add your 👍 to issue #3"]
    assert {a["href"] for a in links} == {f"{REPO}/issues/3"}
    # Answered: the issue is linked, and no 👍 is asked for.
    assert [text(a) for a in items["ask-editor-day"].find_all("a")] == [
        "issue #9",
        "From intern to editor",
    ]
    assert not items["ask-radio-newest"].find_all("a")


def test_a_question_readers_asked_invites_a_thumbs_up_not_a_duplicate(site: Site) -> None:
    page = article(site, "questions/who-else/")
    (radio,) = [li for li in page.select("ul.interviews-unanswered li") if "Radio" in text(li)]
    assert text(radio) == (
        "Radio & podcasting: readers have asked already. Want this answered too? Add your 👍 to "
        "issue #7"
    )
    (cell,) = [
        a
        for a in article(site, "questions/matrix/").select("td.interviews-matrix__asked a")
        if a["href"].endswith("/issues/7")
    ]
    assert cell["aria-label"] == (
        "Radio & podcasting, Who else should I talk to?: no answer yet, 4 readers asking, add "
        "your 👍 to issue #7"
    )


# -- api/asks.json ------------------------------------------------------------------------


def asks_json(root: Path) -> list[dict[str, object]]:
    return json.loads((root / "api" / "asks.json").read_text(encoding="utf-8"))


def test_asks_json_says_where_each_ask_stands(site: Site) -> None:
    data = {ask["id"]: ask for ask in asks_json(site.root / "site")}
    assert list(data) == [yaml.safe_load(ASKS)[i]["id"] for i in range(len(data))]
    assert data["editor-day"] == {
        "id": "editor-day",
        "question": "What do editors do all day?",
        "field": "Book publishing",
        "field_slug": "book-publishing",
        "asked": "2025-01-10",
        "status": "answered",
        "issue": 9,
        "issue_url": f"{REPO}/issues/9",
        "readers": 2,
        "merged_into": None,
        "answered_in": "editor",
        "answer_url": f"{SITE_URL}interviews/editor/#typical-day",
    }
    # The write-up does not answer 'skills': its page, without an anchor.
    assert data["editor-skills"]["answer_url"] == f"{SITE_URL}interviews/editor/"
    # A draft answers nobody yet.
    assert data["editor-draft"]["answer_url"] is None
    assert data["editor-again"]["merged_into"] == "editor-day"
    assert (data["radio-newest"]["issue"], data["radio-newest"]["issue_url"]) == (None, None)
    assert data["radio-newest"]["readers"] == 0
    assert data["radio-old"]["answer_url"] is None


def test_the_anchor_of_answer_url_is_on_the_page(site: Site) -> None:
    page = BeautifulSoup(site.page("interviews/editor/"), "html.parser")
    assert page.find(id="typical-day") is not None


def test_without_site_url_or_repo_url_nothing_is_absolute(make_site) -> None:
    config = MKDOCS_YML.replace(f"repo_url: {REPO}\n", "").replace(f"site_url: {SITE_URL}\n", "")
    config = config.replace(
        "  - interviews\n", "  - interviews:\n      ask_url: https://example.org/ask?f={field}\n"
    )
    site = make_site({**FILES, "questions.yml": None}, config)
    site.write({"questions.yml": catalogs()["questions.yml"]})
    site.build()  # warned: no feeds without site_url
    data = {ask["id"]: ask for ask in asks_json(site.root / "site")}
    assert data["editor-day"]["answer_url"] is None
    assert data["editor-day"]["issue_url"] is None and data["editor-day"]["issue"] == 9


def test_generate_writes_the_same_asks_json(site: Site, tmp_path: Path) -> None:
    result = run(["-m", "mkdocs_interviews", "generate", str(tmp_path / "out")], site.root)
    assert result.returncode == 0, result.stderr
    generated = (tmp_path / "out" / "api" / "asks.json").read_bytes()
    assert generated == (site.root / "site" / "api" / "asks.json").read_bytes()


def test_a_link_without_a_field_still_has_a_title() -> None:
    url = QuestionForm.from_config(None, REPO).url(None, Question("pay", "Is it paid?"))
    assert query(url)["title"] == ["Question for a field: Is it paid?"]
    url = QuestionForm.from_config(None, REPO).url(Field("Radio", "radio"))
    assert query(url)["title"] == ["Question for Radio"]
