"""Importing readers' questions: the ask form's issues added to `asks.yml`, not retyped.

The issues come as the JSON that `gh issue list --json
number,title,body,createdAt,reactionGroups,state,url` prints, or as a webhook event's payload.
Each issue's body holds the form's answers (`### <label>` sections); a new issue becomes an ask
appended to `asks.yml`, an issue already there has its `readers` (its 👍 count) brought up to
date. The file is edited as text: what the author wrote (comments, blank lines, order,
quoting) is kept byte for byte, and the suggestions (`matches`, `merged_into`) are comments the
author confirms by removing a '#'.
"""

from __future__ import annotations

import datetime
import difflib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import yaml

from .asks import WAITING
from .catalogs import FieldCatalog, QuestionCatalog
from .model import Field, normalize, slugify
from .text import INVISIBLE
from .yamlfile import YamlError, load_yaml, quote

NO_RESPONSE = "_No response_"
"""What GitHub writes in an issue form's body for an input left empty."""
DEFAULT_LABELS = {"field": "Field", "question": "Your question"}
"""The labels of the form's inputs, by id, when there is no form to read them from."""

MATCH_CUTOFF = 0.72
"""How alike a reader's question and a catalog wording must be to suggest `matches`."""
MERGE_CUTOFF = 0.8
"""How alike two asks of a field must be to suggest that one is merged into the other."""
COMPARED = 400
"""The characters of a question compared with a wording (the rest says little of which)."""
ID_WORDS = 4
"""The significant words of the question an ask's id is made of."""

_STOP_WORDS = frozenset(
    """a about all am an and any are as at be been being but by can could did do does doing
    for from get got had has have how i if in into is it its just like may me might much my
    of on or our really so some than that the their them then there these they this those to
    us very was we were what when where which who why will with would you your s t ve re ll
    d m whats hows whos wheres whys im ive youre dont doesnt isnt""".split()
)
"""Words left out of ids and of the comparison of wordings: they say little of the question."""


class InputError(ValueError):
    """The input cannot be read at all: not JSON, or neither a list of issues nor an event."""


class FormError(ValueError):
    """The ask form cannot be read, or lacks the inputs the import reads."""


@dataclass(frozen=True)
class Issue:
    """An issue made with the ask form, as gh's JSON or a webhook event gives it."""

    number: int
    body: str
    created: datetime.date | None
    open: bool
    readers: int
    """Its 👍 count."""
    labels: tuple[str, ...] | None = None
    """Its labels, when the input gives them (a webhook event does; gh's list, filtered by
    label already, does not)."""
    pull_request: bool = False


@dataclass(frozen=True)
class Form:
    """What the import reads from the ask form: the labels of its inputs, and its label."""

    field_label: str = DEFAULT_LABELS["field"]
    question_label: str = DEFAULT_LABELS["question"]
    label: str | None = None
    """The label the form gives its issues (the first of its `labels`)."""


@dataclass
class Result:
    """What an import did, and the new text of `asks.yml`."""

    text: str
    added: list[tuple[int, str]] = field(default_factory=list)
    """The issue number and id of each ask added."""
    updated: list[tuple[int, int, int]] = field(default_factory=list)
    """The issue number, and the readers before and after, of each ask updated."""
    skipped: list[tuple[int, str]] = field(default_factory=list)
    """The issue number of each issue left out, and why."""
    problems: list[str] = field(default_factory=list)
    """What the author must see to: each names the issue and what to do."""
    suggested: list[tuple[int, str]] = field(default_factory=list)
    """The issue number and the suggestion (`matches: x`, `merged_into: y`) of each."""

    def summary(self, path: str, dry_run: bool = False) -> str:
        """One line per kind of outcome, for the command's output."""
        lines = [
            f"{path}: added {len(self.added)}, updated {len(self.updated)}, "
            f"skipped {len(self.skipped)}" + (" (dry run: nothing written)" if dry_run else "")
        ]
        lines += [f"  added issue #{number} as '{ask_id}'" for number, ask_id in self.added]
        lines += [
            f"  updated issue #{number}: readers {old} -> {new}"
            for number, old, new in self.updated
        ]
        lines += [f"  skipped issue #{number}: {why}" for number, why in self.skipped]
        lines += [
            f"  suggested for issue #{number}: {what} (remove the '#' in {path} to confirm)"
            for number, what in self.suggested
        ]
        return "\n".join(lines)


# -- reading the input --------------------------------------------------------------------


def read_issues(text: str) -> list[Issue | tuple[int | None, str]]:
    """The issues of gh's JSON list or of a webhook event; each issue that cannot be read is
    (its number, or None, and what is wrong) instead. Raises InputError when nothing can."""
    try:
        data = json.loads(text)
    except ValueError as error:
        raise InputError(f"the input is not JSON ({error})") from error
    if isinstance(data, dict) and isinstance(data.get("issue"), dict):
        return [_issue(data["issue"], webhook=True)]
    if isinstance(data, list):
        return [_issue(item, webhook=False) for item in data]
    raise InputError(
        "the input is neither a list of issues (gh issue list --json ...) nor an issue event "
        "(an object with 'issue')"
    )


def _issue(item: Any, *, webhook: bool) -> Issue | tuple[int | None, str]:
    """One issue of the input, or its number and what is wrong with it."""
    if not isinstance(item, dict):
        return None, f"an item of the input is not an issue, but {type(item).__name__}"
    number = item.get("number")
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        return None, f"an issue has no number (it has {number!r})"
    body = item.get("body")
    created = _date(item.get("created_at" if webhook else "createdAt"))
    labels = item.get("labels")
    return Issue(
        number=number,
        body=body if isinstance(body, str) else "",
        created=created,
        open=str(item.get("state", "open")).casefold() == "open",
        readers=_reactions(item, webhook=webhook),
        labels=None if not isinstance(labels, list) else tuple(_names(labels)),
        pull_request=webhook and item.get("pull_request") is not None,
    )


def _date(value: Any) -> datetime.date | None:
    """The date of an ISO timestamp ('2026-07-01T12:00:00Z'), or None."""
    if not isinstance(value, str):
        return None
    try:
        return datetime.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _reactions(item: dict[str, Any], *, webhook: bool) -> int:
    """The issue's 👍 count (0 when the input does not give it)."""
    if webhook:
        reactions = item.get("reactions")
        count = reactions.get("+1") if isinstance(reactions, dict) else None
    else:
        groups = item.get("reactionGroups")
        count = next(
            (
                group["users"].get("totalCount")
                for group in (groups if isinstance(groups, list) else ())
                if isinstance(group, dict)
                and group.get("content") == "THUMBS_UP"
                and isinstance(group.get("users"), dict)
            ),
            None,
        )
    return count if isinstance(count, int) and count >= 0 else 0


def _names(labels: list[Any]) -> Iterable[str]:
    for label in labels:
        name = label.get("name") if isinstance(label, dict) else label
        if isinstance(name, str):
            yield name


def read_form(text: str) -> Form:
    """The labels of the form's `field` and `question` inputs, and the label of its issues."""
    try:
        form = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise FormError(f"the form is not valid YAML ({error})") from error
    body = form.get("body") if isinstance(form, dict) else None
    labels: dict[str, str] = {}
    for item in body if isinstance(body, list) else ():
        if isinstance(item, dict) and item.get("id") in DEFAULT_LABELS:
            attributes = item.get("attributes")
            label = attributes.get("label") if isinstance(attributes, dict) else None
            if isinstance(label, str) and label.strip():
                labels[item["id"]] = label.strip()
    missing = [name for name in DEFAULT_LABELS if name not in labels]
    if missing:
        raise FormError(
            f"the form has no input with id {' or '.join(map(repr, missing))} and a label "
            "(the import reads the field and the question from them)"
        )
    issue_labels = form.get("labels")
    if isinstance(issue_labels, str):
        issue_labels = [part.strip() for part in issue_labels.split(",")]
    first = next((x for x in issue_labels or () if isinstance(x, str) and x.strip()), None)
    return Form(labels["field"], labels["question"], first)


def read_body(body: str) -> dict[str, str]:
    """The sections of an issue form's body: each `### <label>` heading's text, stripped
    ('_No response_' is empty)."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        heading = re.fullmatch(r"###\s+(.*?)\s*", line)
        if heading is not None:
            # A heading typed again further down (in the details, say) is not the form's.
            current = [] if heading.group(1) in sections else sections.setdefault(heading[1], [])
        elif current is not None:
            current.append(line)
    values = {label: "\n".join(lines).strip() for label, lines in sections.items()}
    return {label: "" if value == NO_RESPONSE else value for label, value in values.items()}


def clean(text: str) -> str:
    """A reader's text as it may go into `asks.yml`: without invisible characters (which the
    site's reading of the file would report) and without spaces around it."""
    return INVISIBLE.sub("", text).strip()


# -- the file as it is --------------------------------------------------------------------


@dataclass(frozen=True)
class _Known:
    """An entry of `asks.yml` as the import needs it."""

    id: str
    field: str
    question: str
    waiting: bool
    issue: int | None
    readers: Any
    line: int
    """The line of the entry's first key."""
    issue_line: int
    readers_line: int | None


def _known(text: str) -> list[_Known]:
    """The entries of `asks.yml`'s text (raises YamlError when it is not YAML, ValueError when
    it is not a list of entries)."""
    document = load_yaml(text)
    if document.data is None:
        return []
    if not isinstance(document.data, list):
        raise ValueError("it is not a list of asks")
    known = []
    for index, item in enumerate(document.data):
        if not isinstance(item, dict):
            continue
        lines = document.lines[index]
        issue = item.get("issue")
        if isinstance(issue, str) and issue.strip().isdigit():
            issue = int(issue)
        known.append(
            _Known(
                id=str(item.get("id", "")),
                field=str(item.get("field", "")),
                question=str(item.get("question", "")),
                waiting=item.get("status", "open") in WAITING and not item.get("merged_into"),
                issue=issue if isinstance(issue, int) and not isinstance(issue, bool) else None,
                readers=item.get("readers"),
                line=lines.line,
                issue_line=lines.of("issue"),
                readers_line=lines.of("readers") if "readers" in item else None,
            )
        )
    return known


# -- comparing wordings -------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return [word for word in normalize(text).split() if word not in _STOP_WORDS]


def likeness(one: str, other: str) -> float:
    """How alike two questions are, 0 to 1: the best of the likeness of their wordings
    (case and punctuation aside) and of the overlap of their significant words."""
    # A question of pages is compared by its beginning: a wording is a line or two.
    one, other = one[:COMPARED], other[:COMPARED]
    ratio = difflib.SequenceMatcher(None, normalize(one), normalize(other)).ratio()
    words, others = set(_words(one)), set(_words(other))
    overlap = 2 * len(words & others) / (len(words) + len(others)) if words and others else 0.0
    return max(ratio, overlap)


def suggest_match(question: str, questions: QuestionCatalog) -> tuple[str, str] | None:
    """The id and wording of the catalog question most like `question`, if one is close."""
    best: tuple[float, str, str] | None = None
    for item in questions:
        if item.retired:
            continue  # a retired question is one no write-up should be matched to now
        for wording in (item.text, *item.aliases):
            score = likeness(question, wording)
            if score >= MATCH_CUTOFF and (best is None or score > best[0]):
                best = (score, item.id, wording)
    return None if best is None else (best[1], best[2])


def suggest_merge(
    question: str, field_slug: str | None, queued: list[_Known], fields: FieldCatalog
) -> str | None:
    """The id of the waiting ask of the same field most like `question`, if one is close."""
    if field_slug is None:
        return None
    best: tuple[float, str] | None = None
    for ask in queued:
        found = fields.find(ask.field)
        if not ask.waiting or found is None or found.slug != field_slug:
            continue
        score = likeness(question, ask.question)
        if score >= MERGE_CUTOFF and (best is None or score > best[0]):
            best = (score, ask.id)
    return None if best is None else best[1]


def ask_id(question: str, taken: set[str], number: int) -> str:
    """A short kebab-case id from the question's first significant words, unique in `taken`."""
    words = _words(slugify(question).replace("-", " ")) or slugify(question).split("-")
    base = "-".join(word for word in words[:ID_WORDS] if word)[:48].strip("-")
    base = base or f"ask-{number}"
    candidate, count = base, 2
    while candidate in taken:
        candidate, count = f"{base}-{count}", count + 1
    return candidate


# -- writing ------------------------------------------------------------------------------


def scalar(text: str) -> str:
    """`text` as a YAML scalar that reads back as exactly `text`: plain where YAML allows,
    else quoted (double-quoted, with escapes, when it spans lines or holds what a single-quoted
    string cannot)."""
    style = '"' if "\n" in text or not text.isprintable() else None
    dumped = yaml.safe_dump(
        text, default_style=style, allow_unicode=True, width=1_000_000_000, explicit_end=False
    )
    dumped = dumped.removesuffix("\n...\n").removesuffix("\n")
    if "\n" in dumped or yaml.safe_load(dumped) != text:
        dumped = json.dumps(text)  # a JSON string is a double-quoted YAML scalar
    return dumped


def _entry(
    values: list[tuple[str, str]], field_note: str | None, suggestions: list[str]
) -> list[str]:
    """The lines of a new entry: its keys and values, then the suggestions as comments."""
    lines = []
    for index, (key, value) in enumerate(values):
        note = f"  # {field_note}" if key == "field" and field_note else ""
        lines.append(f"{'- ' if index == 0 else '  '}{key}: {value}{note}")
    lines += [f"  # {suggestion}" for suggestion in suggestions]
    return lines


_READERS_LINE = re.compile(r"(?P<head>(?:\s*-)?\s*readers:[ \t]*)(?P<value>[^\s#]+)(?P<tail>.*)")
_ISSUE_LINE = re.compile(r"(?P<indent>(?:\s*-)?\s*)issue:[ \t]*[^\s#]+[ \t]*(?:#.*)?")


def _set_readers(lines: list[str], known: _Known, count: int) -> bool:
    """Write `readers: count` into the entry, changing only that value on its line (or adding
    the line after `issue:`); False when the entry is not written one key a line."""
    if known.readers_line is not None:
        match = _READERS_LINE.fullmatch(lines[known.readers_line - 1])
        if match is None:
            return False
        lines[known.readers_line - 1] = f"{match['head']}{count}{match['tail']}"
        return True
    match = _ISSUE_LINE.fullmatch(lines[known.issue_line - 1])
    if match is None:
        return False
    indent = " " * len(match["indent"])
    lines.insert(known.issue_line, f"{indent}readers: {count}")
    return True


def _current(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return int(value) if isinstance(value, str) and value.strip().isdigit() else None


ASKS_HEADER = "# Readers' questions, as they came in through the ask form (see `import-asks`).\n"
"""The first line of an `asks.yml` the import creates."""


@dataclass
class _Importer:
    """One import: the issues read against the file's entries, the catalogs and the form."""

    path: str
    form: Form
    fields: FieldCatalog
    questions: QuestionCatalog
    known: list[_Known]
    result: Result
    new_lines: list[str] = field(default_factory=list)

    def sort_out(
        self, items: list[Issue | tuple[int | None, str]], label: str | None
    ) -> list[tuple[_Known, Issue]]:
        """Add each new issue's ask, report those that cannot be read or are left out; the
        issues already in the file, with their entries, to update."""
        by_issue = {ask.issue: ask for ask in self.known if ask.issue is not None}
        updates: list[tuple[_Known, Issue]] = []
        seen: set[int] = set()
        for item in items:
            if isinstance(item, tuple):
                number, why = item
                where = f"issue #{number}" if number is not None else "the input"
                self.result.problems.append(f"{where}: {why} (left out)")
            elif item.number in seen:
                continue  # the same issue twice in one input: the first counts
            elif item.pull_request:
                self.skip(item, "a pull request, not an issue")
            elif label is not None and item.labels is not None and label not in item.labels:
                self.skip(item, f"not labelled '{label}' (not an ask)")
            elif item.number in by_issue:
                updates.append((by_issue[item.number], item))
            else:
                self.add(item)
            if not isinstance(item, tuple):
                seen.add(item.number)
        return updates

    def add(self, issue: Issue) -> None:
        """Append the ask of a new issue, or say why it is left out."""
        if not issue.open:
            self.skip(issue, "closed, and not in the file (nothing to import)")
            return
        sections = read_body(issue.body)
        texts = {}
        for key, label in (
            ("field", self.form.field_label),
            ("question", self.form.question_label),
        ):
            if label not in sections:
                self.problem(
                    issue,
                    f"the body has no '### {label}' section (was it made with "
                    f"the ask form? add the ask to {self.path} by hand)",
                )
                return
            texts[key] = clean(sections[label])
            if not texts[key]:
                self.problem(
                    issue,
                    f"'{label}' is empty (ask the reader on the issue, or add "
                    f"the ask to {self.path} by hand)",
                )
                return
        self.append(issue, texts["field"], texts["question"])

    def append(self, issue: Issue, field_text: str, question: str) -> None:
        """The new entry's lines, with its suggestions."""
        found = self.fields.find(field_text)
        taken = {ask.id for ask in self.known}
        new_id = ask_id(question, taken, issue.number)
        note = None
        if found is None:
            suggested = self.fields.suggest(field_text)
            hint = self.fields.find(suggested) if suggested else None
            did = f"did you mean '{' '.join(hint.name.split())}'? " if hint else ""
            note = f"not in {self.fields.path}: {did}choose a field"
            self.result.problems.append(
                f"issue #{issue.number}: field {quote(field_text)} is not in {self.fields.path} "
                f"({did}choose the field of ask '{new_id}' in {self.path})"
            )
        asked = issue.created or datetime.date.today()
        values = [
            ("id", scalar(new_id)),  # quoted if YAML would read it otherwise ('null')
            ("question", scalar(question)),
            ("field", scalar(found.name if found else field_text)),
            ("asked", asked.isoformat()),
            ("issue", str(issue.number)),
            ("readers", str(issue.readers)),
            ("status", "open"),
        ]
        suggestions = self.suggestions(issue, question, found)
        self.new_lines += ["", *_entry(values, note, suggestions)]
        self.known.append(
            _Known(
                new_id,
                found.name if found else field_text,
                question,
                True,
                issue.number,
                issue.readers,
                0,
                0,
                None,
            )
        )
        self.result.added.append((issue.number, new_id))

    def suggestions(self, issue: Issue, question: str, found: Field | None) -> list[str]:
        """The comments suggesting `matches` and `merged_into` (the author confirms them)."""
        lines = []
        match = suggest_match(question, self.questions)
        if match is not None:
            wording = json.dumps(" ".join(match[1].split()), ensure_ascii=False)
            lines.append(
                f"matches: {match[0]}  # suggested, like {wording}: remove the first '#' to confirm"
            )
            self.result.suggested.append((issue.number, f"matches: {match[0]}"))
        merge = suggest_merge(question, found.slug if found else None, self.known, self.fields)
        if merge is not None:
            lines.append(
                f"merged_into: {merge}  # suggested, the same question in other "
                "words: remove the first '#' to confirm"
            )
            self.result.suggested.append((issue.number, f"merged_into: {merge}"))
        return lines

    def skip(self, issue: Issue, why: str) -> None:
        self.result.skipped.append((issue.number, why))

    def problem(self, issue: Issue, message: str) -> None:
        self.result.problems.append(f"issue #{issue.number}: {message}")
        self.skip(issue, "not readable (see the problems)")


def import_asks(
    text: str | None,
    issues: list[Issue | tuple[int | None, str]],
    form: Form,
    fields: FieldCatalog,
    questions: QuestionCatalog,
    path: str = "asks.yml",
    label: str | None = None,
) -> Result:
    """`asks.yml`'s text (None: no file yet) with the new issues' asks appended and the
    readers of those already there brought up to date. Only issues with `label` (the form's,
    by default) are read, where the input gives labels. Raises InputError when the file
    is not a list of asks."""
    crlf = text is not None and "\r\n" in text  # a file saved on Windows stays so
    original, text = text, None if text is None else text.replace("\r\n", "\n")
    try:
        known = _known(text or "")
    except (YamlError, ValueError) as error:
        raise InputError(f"{path} cannot be read ({error}; fix it first)") from error
    lines = (text or ASKS_HEADER).split("\n")
    if lines[-1] == "":
        lines.pop()
    importer = _Importer(path, form, fields, questions, known, Result(original or ""))
    updates = importer.sort_out(issues, label or form.label)
    _update(lines, updates, importer)
    lines += importer.new_lines
    importer.result.text = "\n".join(lines) + "\n"
    _check_appended(importer.result.text, len(known), path)
    if crlf:
        importer.result.text = importer.result.text.replace("\n", "\r\n")
    if original is not None and not importer.new_lines and not importer.result.updated:
        importer.result.text = original  # nothing changed: not even the file's last newline
    return importer.result


def _check_appended(text: str, count: int, path: str) -> None:
    """Raise InputError unless `text` holds `count` entries: only a file that ends oddly (a
    '...' line, a list in brackets) cannot have entries appended as text."""
    try:
        appended = len(_known(text)) == count
    except (YamlError, ValueError):
        appended = False
    if not appended:
        raise InputError(
            f"{path} does not end in a way new entries can follow (end it with its last "
            "entry, written one key a line)"
        )


def _update(lines: list[str], updates: list[tuple[_Known, Issue]], importer: _Importer) -> None:
    """Bring the readers of the asks already in the file up to date, in place (the last
    entry first, as adding a line moves those after it; reported in the file's order)."""
    updated, problems = [], []
    for known, issue in sorted(updates, key=lambda pair: -pair[0].line):
        before = _current(known.readers)
        if before == issue.readers:
            continue
        if _set_readers(lines, known, issue.readers):
            updated.append((issue.number, before or 0, issue.readers))
        else:
            problems.append(
                f"issue #{issue.number}: ask '{known.id}' (line {known.line} of {importer.path}) "
                f"is not written one key a line, so its readers were left as they are (set "
                f"'readers: {issue.readers}' by hand)"
            )
    importer.result.updated += reversed(updated)
    importer.result.problems += reversed(problems)
