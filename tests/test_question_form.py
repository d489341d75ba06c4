"""Unit tests of the ask-a-question link, and its agreement with the repository's issue form."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from conftest import ROOT
from mkdocs_interviews import Field, Question
from mkdocs_interviews.question_form import FORM_FILE, FORM_INPUTS, QuestionForm, QuestionFormError

FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "ask.yml"
REPO = "https://github.com/example/interviews"

MUSIC = Field(name="Música & Film", slug="musica-film")
LABS = Field(name="R&D / Labs", slug="r-d-labs")
PAY = Question(id="pay", text="Is it paid? 100% & fair / equal?")


def query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query, keep_blank_values=True)


# -- ask_url ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "question", "field_part", "question_part"),
    [
        (
            MUSIC,
            PAY,
            "M%C3%BAsica%20%26%20Film",
            "Is%20it%20paid%3F%20100%25%20%26%20fair%20%2F%20equal%3F",
        ),
        (LABS, None, "R%26D%20%2F%20Labs", ""),
        (None, PAY, "", "Is%20it%20paid%3F%20100%25%20%26%20fair%20%2F%20equal%3F"),
    ],
)
def test_ask_url_placeholders_are_filled_url_encoded(
    item, question, field_part, question_part
) -> None:
    """Spaces, '&', '/', '?' and accents in a field or question cannot break the link."""
    link = QuestionForm.from_config("https://example.org/ask?field={field}&q={question}", REPO)
    url = link.url(item, question)
    assert url == f"https://example.org/ask?field={field_part}&q={question_part}"
    assert query(url) == {
        "field": ["" if item is None else item.name],
        "q": ["" if question is None else question.text],
    }


def test_a_placeholder_in_the_path_stays_one_segment() -> None:
    link = QuestionForm.from_config("https://example.org/ask/{field}/", None)
    assert urlsplit(link.url(LABS)).path == "/ask/R%26D%20%2F%20Labs/"


def test_ask_url_wins_over_repo_url() -> None:
    link = QuestionForm.from_config("https://example.org/ask?f={field}", REPO)
    assert link.url(MUSIC).startswith("https://example.org/ask?")


def test_one_placeholder_is_enough() -> None:
    link = QuestionForm.from_config("http://example.org/ask?topic={question}", None)
    assert query(link.url(MUSIC, PAY)) == {"topic": [PAY.text]}


def test_quotes_and_brackets_in_the_template_are_encoded() -> None:
    """The link is written into Markdown and HTML attributes: nothing in it may end them early."""
    link = QuestionForm.from_config('https://example.org/a b/"x"/(y)/<z>?f={field}', None)
    url = link.url(MUSIC)
    assert not set(url) & set(' "()<>')
    assert urlsplit(url).path == "/a%20b/%22x%22/%28y%29/%3Cz%3E"


# -- derived from repo_url ----------------------------------------------------------------


@pytest.mark.parametrize("repo_url", [REPO, REPO + "/"])
def test_repo_url_gives_the_issue_form(repo_url: str) -> None:
    """Without ask_url, readers land on the repository's 'Ask a question' issue form, filled."""
    link = QuestionForm.from_config(None, repo_url)
    url = link.url(MUSIC, PAY)
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == REPO + "/issues/new"
    assert query(url) == {
        "template": ["ask.yml"],
        "field": [MUSIC.name],
        "question": [PAY.text],
        "title": [f"Question for {MUSIC.name}: {PAY.text}"],
    }
    assert url.startswith(REPO + "/issues/new?template=ask.yml&field=M%C3%BAsica%20%26%20Film&")


def test_repo_url_without_a_question_leaves_it_blank() -> None:
    url = QuestionForm.from_config("", REPO).url(LABS)
    assert query(url) == {
        "template": ["ask.yml"],
        "field": ["R&D / Labs"],
        "question": [""],
        "title": ["Question for R&D / Labs"],
    }


# -- refused configurations ---------------------------------------------------------------


def test_neither_ask_url_nor_repo_url_is_refused() -> None:
    """The author is told which setting to add, and what it looks like."""
    with pytest.raises(QuestionFormError) as raised:
        QuestionForm.from_config(None, None)
    message = str(raised.value)
    assert "repo_url" in message
    assert "ask_url" in message
    assert "{field}" in message and "{question}" in message


@pytest.mark.parametrize(
    ("ask_url", "repo_url", "words"),
    [
        ("ftp://example.org/{field}", REPO, ["'ask_url'", "http(s)", "ftp://example.org/{field}"]),
        ("javascript:alert(1)//{field}", REPO, ["'ask_url'", "http(s)"]),
        ("//example.org/ask?f={field}", REPO, ["'ask_url'", "http(s)"]),
        ("example.org/ask?f={field}", REPO, ["'ask_url'", "http(s)"]),
        ("https:///ask?f={field}", REPO, ["'ask_url'", "http(s)"]),
        ("https://example.org/ask", REPO, ["'ask_url'", "{field}", "{question}"]),
        ("https://example.org/ask?f={name}", REPO, ["'ask_url'", "{field}", "{question}"]),
        (None, "git@github.com:example/interviews.git", ["'repo_url'", "http(s)"]),
    ],
)
def test_unusable_urls_are_refused(ask_url: str | None, repo_url: str, words: list[str]) -> None:
    with pytest.raises(QuestionFormError) as raised:
        QuestionForm.from_config(ask_url, repo_url)
    for word in words:
        assert word in str(raised.value)


# -- the issue form -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def form() -> dict:
    return yaml.safe_load(FORM.read_text(encoding="utf-8"))


def elements(form: dict, kind: str) -> list[dict]:
    return [item for item in form["body"] if item["type"] == kind]


def test_the_form_is_the_one_the_link_names() -> None:
    assert FORM.is_file()
    assert Path(FORM).name == FORM_FILE


def test_the_link_fills_text_inputs_of_the_form(form: dict) -> None:
    """GitHub prefills text inputs (not dropdowns) from the query: every parameter has one
    (but the template, and the issue's title, which GitHub fills from `title`)."""
    inputs = {item["id"] for item in elements(form, "input")}
    url = QuestionForm.from_config(None, REPO).url(MUSIC, PAY)
    names = set(query(url)) - {"template", "title"}
    assert names == set(FORM_INPUTS)
    assert names <= inputs
    assert set(FORM_INPUTS) <= inputs


def test_the_form_has_a_details_box_and_says_issues_are_public(form: dict) -> None:
    assert elements(form, "textarea"), "no textarea for details"
    notes = " ".join(item["attributes"]["value"] for item in elements(form, "markdown"))
    assert "issues are public" in notes.replace("*", "").lower()
