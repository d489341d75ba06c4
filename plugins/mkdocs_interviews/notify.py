"""Telling readers: a comment on each newly answered ask's issue, with the answer's address.

After a deployment, the site's open data `api/asks.json` says which asks are answered and
where (`answer_url`); the previous deployment's copy says which were answered before. Each
ask answered since then, with an issue, is told once: a comment on its issue with the
address of the answer and a marker (`<!-- interviews:answered <ask id> -->`), then the issue
is closed. The marker, not the previous file, is what keeps a reader from being told twice:
a run repeated, or one whose previous file is lost, comments on no issue again.

An ask merged into another (`merged_into`) is told too when the ask it was merged into is
answered and it has its own issue: the reader who asked the same thing in other words
deserves the answer as much.

`gh` (GitHub's command line, from PATH) reads and writes the issues: always with a list of
arguments, never through a shell, and the comment's text on its standard input, so that no
text of a reader's reaches its command line.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import urllib.parse
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

ASKS_DATA = "api/asks.json"
"""The site's open data about the asks, in the built site's folder."""
WRITEUPS_DATA = "api/interviews.json"
"""The site's open data about the write-ups, for the title of the one that answers."""

MARKER = "<!-- interviews:answered {id} -->"
"""What a comment that told an ask's reader holds, so that no run tells them again."""

SAFE_ID = re.compile(r"[a-z0-9][a-z0-9._-]*\Z", re.IGNORECASE)
"""The ask ids a marker may hold (asks.yml's are kebab-case): nothing that ends a comment."""
REPO = re.compile(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+\Z")
"""A repository as `gh --repo` takes it: OWNER/NAME."""

QUESTION_LIMIT = 2000
"""The characters of a reader's question quoted in a comment (GitHub takes 65,536)."""

COMMENT_AND_CLOSE = "comment+close"
COMMENT = "comment"
"""The issue is closed already: the comment only."""
ALREADY_TOLD = "already-told"
"""A comment on the issue holds the marker: nothing to do."""
UNCHECKED = "unchecked"
"""With `--no-gh`: the issue was not looked at."""


@dataclass(frozen=True)
class AskRecord:
    """One ask of `api/asks.json`, as much of it as telling its reader needs."""

    id: str
    question: str
    status: str
    issue: int | None
    answer_url: str | None
    answered_in: str | None
    merged_into: str | None


@dataclass(frozen=True)
class Decision:
    """An issue to tell: its ask is answered at `answer_url`, and was not before."""

    ask: str
    issue: int
    question: str
    answer_url: str
    answered_in: str | None
    """The slug of the answering write-up (for its title)."""
    via: str | None = None
    """The ask it was merged into, whose answer it is, when it was merged."""

    def to_dict(self, action: str) -> dict[str, Any]:
        return {
            "ask": self.ask,
            "issue": self.issue,
            "answer_url": self.answer_url,
            "via": self.via,
            "action": action,
        }


class NotifyError(Exception):
    """The command cannot run: the site's asks.json missing or unreadable, `gh` not found."""


# -- reading -------------------------------------------------------------------------------


def read_current(site_dir: Path) -> list[AskRecord]:
    """The asks of the built site (raises NotifyError when the file is missing or unreadable)."""
    path = site_dir / ASKS_DATA
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise NotifyError(
            f"{path}: no such file (build the site first; the build writes {ASKS_DATA})"
        ) from None
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise NotifyError(f"{path}: cannot read it as JSON ({error})") from None
    if not isinstance(data, list):
        raise NotifyError(f"{path}: not a list of asks (is it the site's {ASKS_DATA}?)")
    return records(data)


def read_previous(path: Path | None, err: TextIO) -> list[AskRecord]:
    """The asks of the previous deployment; none (said on `err`) when the file is missing,
    empty or not the asks' JSON (a 404 page saved by curl, say)."""
    why = _unreadable_previous(path)
    if why is None:
        assert path is not None
        return records(json.loads(path.read_text(encoding="utf-8")))
    print(
        f"{why}: every answered ask counts as newly answered (the marker in each issue's "
        "comments keeps a reader from being told twice)",
        file=err,
    )
    return []


def _unreadable_previous(path: Path | None) -> str | None:
    """Why the previous deployment's asks cannot be read; None when they can."""
    if path is None:
        return "no --previous asks.json given"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return f"{path}: no such file (the first deployment?)"
    except (OSError, UnicodeDecodeError) as error:
        return f"{path}: cannot read it ({error})"
    if not text.strip():
        return f"{path}: empty"
    try:
        data = json.loads(text)
    except ValueError:
        return f"{path}: not JSON (a page of the site, not its {ASKS_DATA}?)"
    return None if isinstance(data, list) else f"{path}: not a list of asks"


def records(data: list[Any]) -> list[AskRecord]:
    """The asks of an asks.json list; an item without an id is left out."""
    found = []
    for item in data:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            continue
        issue = item.get("issue")
        found.append(
            AskRecord(
                id=item["id"],
                question=_text(item.get("question")) or "",
                status=_text(item.get("status")) or "",
                issue=issue if type(issue) is int and issue > 0 else None,
                answer_url=_text(item.get("answer_url")),
                answered_in=_text(item.get("answered_in")),
                merged_into=_text(item.get("merged_into")),
            )
        )
    return found


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def read_titles(site_dir: Path) -> dict[str, str]:
    """The titles of the built site's write-ups, by slug (none when unreadable)."""
    try:
        data = json.loads((site_dir / WRITEUPS_DATA).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return {}
    if not isinstance(data, list):
        return {}
    return {
        item["slug"]: item["title"]
        for item in data
        if isinstance(item, dict)
        and isinstance(item.get("slug"), str)
        and isinstance(item.get("title"), str)
    }


# -- deciding ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Answer:
    url: str
    answered_in: str | None
    via: str | None


def _answers(asks: Sequence[AskRecord]) -> dict[str, _Answer]:
    """Where each answered ask is answered, by ask id: its own answer, or, for an ask merged
    into another (through any chain of merges), that one's."""
    by_id = {ask.id: ask for ask in asks}
    found: dict[str, _Answer] = {}
    for ask in asks:
        target, seen = ask, {ask.id}
        while target.merged_into and target.merged_into in by_id and not _answered(target):
            target = by_id[target.merged_into]
            if target.id in seen:  # a cycle: the build reports it; it answers nothing
                break
            seen.add(target.id)
        if _answered(target):
            assert target.answer_url is not None
            via = None if target is ask else target.id
            found[ask.id] = _Answer(target.answer_url, target.answered_in, via)
    return found


def _answered(ask: AskRecord) -> bool:
    return ask.status == "answered" and ask.answer_url is not None


def decide(current: Sequence[AskRecord], previous: Sequence[AskRecord]) -> list[Decision]:
    """The asks to tell, in the order of asks.json: answered now (or merged into an ask that
    is), with an issue, and not answered at the same address before. One per issue."""
    now, before = _answers(current), _answers(previous)
    decisions: list[Decision] = []
    issues: set[int] = set()
    for ask in current:
        answer = now.get(ask.id)
        if answer is None or ask.issue is None or ask.issue in issues:
            continue
        earlier = before.get(ask.id)
        if earlier is not None and earlier.url == answer.url:
            continue
        issues.add(ask.issue)
        decisions.append(
            Decision(ask.id, ask.issue, ask.question, answer.url, answer.answered_in, answer.via)
        )
    return decisions


def problems_of(decision: Decision) -> str | None:
    """Why a decision cannot be carried out safely (an id no marker can hold, an address
    that is no web page's); None when it can."""
    if not SAFE_ID.match(decision.ask):
        return f"ask {decision.ask!r}: its id cannot be written in a marker (use a kebab-case id)"
    url = urllib.parse.urlsplit(decision.answer_url)
    if url.scheme not in ("http", "https") or not url.netloc or re.search(r"[\s<>]", url.geturl()):
        return f"ask {decision.ask!r}: 'answer_url' {decision.answer_url!r} is not a web address"
    return None


# -- the comment ---------------------------------------------------------------------------


def marker(ask_id: str) -> str:
    return MARKER.format(id=ask_id)


_MARKDOWN = re.compile(r"([\\`*_\[\]#])")
"""Punctuation with a meaning in Markdown, escaped with a backslash (which GitHub's Markdown
and Python-Markdown both read as the character itself)."""
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
"""Written as entities: no HTML, no entity of the reader's, no marker forged."""
_REFERENCE = re.compile(r"(?<=[@#])(?=\w)|(?<=\bGH-)(?=\d)", re.IGNORECASE)
"""Where a zero-width space breaks an @mention (nobody pinged) or an issue reference
(`#12`, `GH-12`: no issue linked back)."""
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def quoted(text: str) -> str:
    """A reader's text as plain text in GitHub's Markdown: no markup, no HTML, no @mention,
    no #reference; control characters and bidirectional overrides left out."""
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    if len(text) > QUESTION_LIMIT:
        text = text[:QUESTION_LIMIT].rstrip() + " …"
    text = _REFERENCE.sub("\u200b", text)
    text = _MARKDOWN.sub(r"\\\1", text)
    return "".join(_HTML.get(char, char) for char in text)


def comment_body(decision: Decision, titles: Mapping[str, str]) -> str:
    """The comment that tells the reader: their question, where it is answered, the marker."""
    lines = [f"> {line}" if line.strip() else ">" for line in quoted(decision.question).split("\n")]
    title = titles.get(decision.answered_in or "")
    where = f"the interview “{quoted(title)}”" if title else "an interview"
    return "\n".join(
        [
            "Thank you for asking:",
            "",
            *lines,
            "",
            f"It is answered in {where}: <{decision.answer_url}>",
            "",
            marker(decision.ask),
            "",
        ]
    )


# -- gh ------------------------------------------------------------------------------------


class GhError(Exception):
    """A `gh` command failed: its arguments and what it said."""


@dataclass(frozen=True)
class Gh:
    """`gh` from PATH, run with a list of arguments (no shell), for one repository (or the
    one `gh` finds: GH_REPO, or the current folder's)."""

    repo: str | None = None

    def run(self, args: list[str], stdin: str | None = None) -> str:
        command = ["gh", *args, *(["--repo", self.repo] if self.repo else [])]
        env = {**os.environ, "GH_PROMPT_DISABLED": "1", "NO_COLOR": "1"}
        try:
            done = subprocess.run(
                command, input=stdin, capture_output=True, text=True, env=env, timeout=120
            )
        except FileNotFoundError:
            raise NotifyError("gh: not found on PATH (install GitHub's command line)") from None
        except subprocess.TimeoutExpired:
            raise GhError(f"gh {' '.join(args[:2])}: no answer in 120 s") from None
        if done.returncode != 0:
            said = " ".join(done.stderr.split())[:500] or f"exit status {done.returncode}"
            raise GhError(f"gh {' '.join(args[:2])} failed: {said}")
        return done.stdout

    def view(self, issue: int) -> tuple[bool, list[str]]:
        """Whether the issue is open, and the bodies of its comments."""
        text = self.run(["issue", "view", str(issue), "--json", "comments,state"])
        try:
            data = json.loads(text)
            comments = [c["body"] for c in data["comments"] if isinstance(c.get("body"), str)]
            return data["state"] == "OPEN", comments
        except (ValueError, TypeError, KeyError, AttributeError):
            raise GhError(f"gh issue view: unexpected output {text[:200]!r}") from None

    def comment(self, issue: int, body: str) -> None:
        self.run(["issue", "comment", str(issue), "--body-file", "-"], stdin=body)

    def close(self, issue: int) -> None:
        self.run(["issue", "close", str(issue), "--reason", "completed"])


# -- running -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """How `notify` runs: the site, the previous deployment's asks, and what it may do."""

    site_dir: Path
    previous: Path | None = None
    dry_run: bool = False
    """Decide and print the decisions; read the issues, write none."""
    no_gh: bool = False
    """Decide from the two files alone: no `gh` at all."""


def notify(run: Run, gh: Gh, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """Tell the reader of each newly answered ask: 0 when all went well, 1 when a `gh`
    command failed or an ask could not be told (each named on `err`; the others are done).

    Raises NotifyError when the site's asks cannot be read or `gh` is not found.
    """
    current = read_current(run.site_dir)
    decisions = decide(current, read_previous(run.previous, err))
    titles = read_titles(run.site_dir)
    failed = False
    done: list[dict[str, Any]] = []
    for decision in decisions:
        problem = problems_of(decision)
        if problem is not None:
            print(f"issue #{decision.issue}: {problem}; not told", file=err)
            failed = True
            continue
        try:
            action = _carry_out(decision, gh, run, titles)
        except GhError as error:
            print(f"issue #{decision.issue} (ask {decision.ask}): {error}", file=err)
            failed = True
            continue
        done.append(decision.to_dict(action))
        if not (run.dry_run or run.no_gh):
            print(f"issue #{decision.issue} (ask {decision.ask}): {_DONE[action]}", file=out)
    if run.dry_run or run.no_gh:
        print(json.dumps(done, indent=2, ensure_ascii=False), file=out)
    elif not decisions:
        print("No newly answered ask with an issue.", file=out)
    return 1 if failed else 0


_DONE = {
    COMMENT_AND_CLOSE: "told, and closed",
    COMMENT: "told (the issue was closed already)",
    ALREADY_TOLD: "already told, left as it is",
}


def _carry_out(decision: Decision, gh: Gh, run: Run, titles: Mapping[str, str]) -> str:
    """What was (or, in a dry run, would be) done for one decision."""
    if run.no_gh:
        return UNCHECKED
    is_open, comments = gh.view(decision.issue)
    if any(marker(decision.ask) in body for body in comments):
        # Even when reopened since: the reader was told, and reopening was someone's choice.
        return ALREADY_TOLD
    action = COMMENT_AND_CLOSE if is_open else COMMENT
    if not run.dry_run:
        gh.comment(decision.issue, comment_body(decision, titles))
        if is_open:
            gh.close(decision.issue)
    return action
