"""Problems found in content: each names the file first, then the key, then the fix."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file of the content.

    `file` is the path relative to the docs folder (`interviews/editor.md`), `line` is
    1-based when known, `key` is the front-matter or catalog key concerned, and `message`
    says what is wrong and how to fix it.
    """

    file: str
    message: str
    key: str | None = None
    line: int | None = None
    severity: Severity = "error"

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.message}"

    def to_dict(self) -> dict[str, object]:
        """The problem as JSON-ready data, for editors and CI."""
        return {
            "file": self.file,
            "line": self.line,
            "key": self.key,
            "message": self.message,
            "severity": self.severity,
        }


@dataclass
class FileProblems:
    """Collects the problems of one file, in the order they are found."""

    file: str
    items: list[Problem] = field(default_factory=list)

    def error(self, message: str, *, key: str | None = None, line: int | None = None) -> None:
        self.items.append(Problem(self.file, message, key, line, "error"))

    def warning(self, message: str, *, key: str | None = None, line: int | None = None) -> None:
        self.items.append(Problem(self.file, message, key, line, "warning"))

    def __bool__(self) -> bool:
        return bool(self.items)


# -- GitHub workflow annotations -----------------------------------------------------------


def github_annotation(problem: Problem, path: str) -> str:
    """The problem as a GitHub Actions workflow command, which GitHub shows as an annotation
    of `path` (the file's path from the repository's root) on the run and the pull request.

    `::error file=content/interviews/x.md,line=3,title=...::message` (`::warning` for a
    warning; no `line` when it is not known). The message starts with the file and line, as
    the text format does, so that the run's log says where too.
    """
    where = path if problem.line is None else f"{path}:{problem.line}"
    title = "mkdocs_interviews check" + (f" ({problem.key})" if problem.key else "")
    properties = [("file", path)]
    if problem.line is not None:
        properties.append(("line", str(problem.line)))
    properties.append(("title", title))
    listed = ",".join(f"{name}={_escape_property(value)}" for name, value in properties)
    return f"::{problem.severity} {listed}::{_escape_data(f'{where}: {problem.message}')}"


def _escape_data(text: str) -> str:
    """A command's message, escaped as GitHub's runner reads it back (actions/toolkit's
    escapeData): a line break would end the command and could start another."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """A command's property value, escaped as the runner reads it back (escapeProperty):
    `,` would end the value and `:` could end the properties."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
