"""The question form: where a reader sends a question for a field (the repository's issue
form, or `ask_url`), and the links to it, filled in."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from urllib.parse import SplitResult, quote, urlsplit

from markupsafe import Markup

from .model import Field, Question

_URL_SAFE = ":/?#[]@!$&*+,;=%~"

FORM_FILE = "ask.yml"
"""The issue form, in `.github/ISSUE_TEMPLATE/`, whose inputs the derived link fills."""
FORM_INPUTS = ("field", "question")
"""The ids of the form's text inputs that the link prefills."""
PLACEHOLDERS = tuple(f"{{{name}}}" for name in FORM_INPUTS)


class QuestionFormError(ValueError):
    """`ask_url` or `repo_url` cannot name a question form that works."""


@dataclass(frozen=True)
class QuestionForm:
    """The question form's URL template, filled in for a field and, optionally, a question."""

    template: str

    @classmethod
    def from_config(cls, ask_url: str | None, repo_url: str | None) -> QuestionForm:
        """The link from the plugin's `ask_url`, else from the site's `repo_url`.

        Spaces around either URL are left out, as a browser leaves them out of an address
        (with them, every link would be relative, and broken); a URL that cannot make a
        working link is refused with the reason and the fix.
        """
        ask_url = ask_url.strip() if ask_url else None
        repo_url = repo_url.strip() if repo_url else None
        if ask_url:
            _check_http(ask_url, "ask_url")
            if not any(p in ask_url for p in PLACEHOLDERS):
                raise QuestionFormError(
                    f"'ask_url' has neither {PLACEHOLDERS[0]} nor {PLACEHOLDERS[1]}: add them "
                    "where the field and the question go, like "
                    "https://example.org/ask?field={field}&question={question}"
                )
            return cls(ask_url)
        if repo_url:
            _check_http(repo_url, "repo_url")
            parts = urlsplit(repo_url)
            if parts.query or parts.fragment:
                raise QuestionFormError(
                    f"'repo_url' must be the repository's address, not '{repo_url}': the ask "
                    "link adds /issues/new to it (leave out what follows '?' or '#', or set "
                    "the plugin's 'ask_url')"
                )
            query = "&".join(f"{name}={{{name}}}" for name in FORM_INPUTS)
            return cls(f"{repo_url.rstrip('/')}/issues/new?template={FORM_FILE}&{query}")
        raise QuestionFormError(
            "readers' questions need somewhere to go: set 'repo_url' in mkdocs.yml (the ask "
            "link opens the repository's issue form), or the plugin's 'ask_url' (a URL with "
            "{field} and {question})"
        )

    def url(self, field: Field | None = None, question: Question | None = None) -> Markup:
        """The URL with the field's name and the question's text filled in, URL-encoded.

        Characters a Markdown link or an HTML attribute could trip on (spaces, quotes,
        parentheses, angle brackets) are percent-encoded in the template's own text too.
        """
        return _fill(
            self.template,
            "" if field is None else field.name,
            "" if question is None else question.text,
        )


@functools.lru_cache(maxsize=4096)
def _fill(template: str, field: str, question: str) -> Markup:
    # Every write-up of a field links the same ask URL: quote it once.
    url = quote(template, safe=_URL_SAFE)
    for placeholder, value in (("{field}", field), ("{question}", question)):
        url = url.replace(quote(placeholder, safe=_URL_SAFE), quote(value, safe=""))
    return Markup(url)


_EXAMPLES = {
    "ask_url": "https://example.org/ask?field={field}&question={question}",
    "repo_url": "https://github.com/<user>/<repository>",
}


def _check_http(url: str, key: str) -> None:
    broken = next((ch for ch in url if ch in "\t\n\r"), None)
    if broken is not None:
        raise QuestionFormError(
            f"'{key}' has a line break or a tab in it, after '{url[: url.index(broken)]}' "
            "(write the URL on one line, without them)"
        )
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise QuestionFormError(
            f"'{key}' must be an http(s) URL, not '{url}' (start it with https:// and the "
            f"site's address, like {_EXAMPLES[key]})"
        )
    host = parts.netloc
    if any(ch.isspace() or ch in "{}" for ch in host):
        raise QuestionFormError(
            f"'{key}' has '{host}' for the site's address, which cannot be one (write the "
            f"address as in a browser, without spaces or placeholders, like {_EXAMPLES[key]})"
        )
    if not _valid_port(parts):
        raise QuestionFormError(
            f"'{key}' has '{host}' for the site's address, whose port is not a number from 0 "
            "to 65535 (write it like example.org:8080, or leave the port out)"
        )


def _valid_port(parts: SplitResult) -> bool:
    """Whether the address has no port, or one that is a number from 0 to 65535."""
    try:
        return parts.port is None or parts.port >= 0
    except ValueError:
        return False
