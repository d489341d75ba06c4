"""The question form: where a reader sends a question for a field (the repository's issue
form, or `ask_url`), and the links to it, filled in."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from urllib.parse import SplitResult, parse_qsl, quote, urlsplit

from markupsafe import Markup

from .model import Field, Question

_URL_SAFE = ":/?#[]@!$&*+,;=%~"

FORM_FILE = "ask.yml"
"""The issue form, in `.github/ISSUE_TEMPLATE/`, whose inputs the derived link fills."""
FORM_INPUTS = ("field", "question")
"""The ids of the form's text inputs that the link prefills."""
PLACEHOLDERS = tuple(f"{{{name}}}" for name in FORM_INPUTS)
TITLE_INPUT = "title"
"""The query parameter that prefills the new issue's title (GitHub reads it on issue forms
too); a custom `ask_url` may have a `{title}` placeholder for it."""

_EMAIL = re.compile(r"[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")
"""An address a `mailto:` link holds as written (RFC 6068 would percent-encode the others)."""


def ask_title(field: str, question: str) -> str:
    """The title an ask is sent with: "Question for <field>: <question>"."""
    title = f"Question for {field or 'a field'}"
    return f"{title}: {question}" if question else title


def mailto(address: str, field: str, question: str) -> Markup:
    """A `mailto:` link to `address` with the ask's title as subject, and the field and the
    question in the body, percent-encoded as RFC 6068 says (UTF-8, CRLF line breaks)."""
    body = f"Field: {field}\r\nQuestion: {question}\r\n\r\nDetails (optional): \r\n"
    query = "&".join(
        f"{key}={quote(value, safe='')}"
        for key, value in (("subject", ask_title(field, question)), ("body", body))
    )
    return Markup(f"mailto:{address}?{query}")


class QuestionFormError(ValueError):
    """`ask_url` or `repo_url` cannot name a question form that works."""


@dataclass(frozen=True)
class QuestionForm:
    """The question form's URL template, filled in for a field and, optionally, a question."""

    template: str
    repo_url: str | None = None
    """The repository, whose issues readers' questions may name (`asks.yml`'s `issue`)."""
    email: str | None = None
    """The address of the route that needs no account (`ask_email`), if there is one."""
    github: bool = True
    """Whether the form is a GitHub issue form (which needs an account, and is public)."""

    @classmethod
    def from_config(
        cls, ask_url: str | None, repo_url: str | None, ask_email: str | None = None
    ) -> QuestionForm:
        """The link from the plugin's `ask_url`, else from the site's `repo_url`; with the
        e-mail address of `ask_email` too, if there is one.

        Spaces around either URL are left out, as a browser leaves them out of an address
        (with them, every link would be relative, and broken); a URL that cannot make a
        working link is refused with the reason and the fix.
        """
        ask_url = ask_url.strip() if ask_url else None
        repo_url = repo_url.strip() if repo_url else None
        email = _check_email(ask_email)
        repo = repo_url.rstrip("/") if repo_url else None
        if ask_url:
            _check_http(ask_url, "ask_url")
            if not any(p in ask_url for p in PLACEHOLDERS):
                raise QuestionFormError(
                    f"'ask_url' has neither {PLACEHOLDERS[0]} nor {PLACEHOLDERS[1]}: add them "
                    "where the field and the question go, like "
                    "https://example.org/ask?field={field}&question={question}"
                )
            parts = urlsplit(ask_url)
            github = parts.netloc.lower() == "github.com" and "/issues/new" in parts.path
            return cls(ask_url, repo, email, github)
        if repo_url:
            _check_http(repo_url, "repo_url")
            parts = urlsplit(repo_url)
            if parts.query or parts.fragment:
                raise QuestionFormError(
                    f"'repo_url' must be the repository's address, not '{repo_url}': the ask "
                    "link adds /issues/new to it (leave out what follows '?' or '#', or set "
                    "the plugin's 'ask_url')"
                )
            query = "&".join(f"{name}={{{name}}}" for name in (*FORM_INPUTS, TITLE_INPUT))
            return cls(f"{repo}/issues/new?template={FORM_FILE}&{query}", repo, email)
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

    def email_url(self, field: Field | None = None, question: Question | None = None) -> Markup:
        """The `mailto:` link of `ask_email`, filled in like `url` ("" without an address)."""
        if self.email is None:
            return Markup("")
        return mailto(
            self.email,
            "" if field is None else field.name,
            "" if question is None else question.text,
        )

    def issue_url(self, number: int | None) -> str | None:
        """The address of a reader's issue (None without a number or a `repo_url`)."""
        if number is None or self.repo_url is None:
            return None
        return f"{self.repo_url}/issues/{number}"

    def chooser(self, question: Question) -> FieldChooser | None:
        """The GET form that asks `question` of the field the reader picks, when the form's
        URL has the field in a query parameter of its own (else None: links only)."""
        parts = urlsplit(self.template)
        params = parse_qsl(parts.query, keep_blank_values=True)
        if any(p in parts.path or p in parts.netloc for p in PLACEHOLDERS) or parts.fragment:
            return None
        names = [name for name, value in params if value == "{field}"]
        if len(names) != 1:
            return None
        title = ask_title("", question.text)
        hidden = []
        for name, value in params:
            if value == "{field}":
                continue
            filled = value.replace("{question}", question.text).replace("{title}", title)
            if "{field}" in filled:
                return None
            hidden.append((name, filled))
        action = parts._replace(query="", fragment="").geturl()
        return FieldChooser(quote(action, safe=_URL_SAFE), names[0], tuple(hidden))


@dataclass(frozen=True)
class FieldChooser:
    """A form (method GET) that opens the question form for the field a reader picks."""

    action: str
    field_input: str
    """The name of the query parameter that takes the field's name."""
    hidden: tuple[tuple[str, str], ...]
    """The other query parameters, filled in, as hidden inputs."""


@functools.lru_cache(maxsize=4096)
def _fill(template: str, field: str, question: str) -> Markup:
    # Every write-up of a field links the same ask URL: quote it once.
    url = quote(template, safe=_URL_SAFE)
    values = (("{field}", field), ("{question}", question), ("{title}", ask_title(field, question)))
    for placeholder, value in values:
        url = url.replace(quote(placeholder, safe=_URL_SAFE), quote(value, safe=""))
    return Markup(url)


def _check_email(address: str | None) -> str | None:
    """The `ask_email` address, stripped, or None; refused if a link could not hold it."""
    if address is None or not address.strip():
        return None
    address = address.strip()
    if not _EMAIL.fullmatch(address):
        raise QuestionFormError(
            f"'ask_email' must be an e-mail address like questions@example.org, not "
            f"'{address}' (letters, digits and . _ + - before the @, a domain after it)"
        )
    return address


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
