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
