"""YAML with line numbers: parse a document, and remember where each key and item starts.

PyYAML's C loader is used when it is available (it is several times faster on thousands of
write-ups); duplicate keys, which YAML forbids but PyYAML silently overwrites, are reported.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

import yaml

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class _Loader(_BaseLoader):
    """A private safe loader, so our constructors never change PyYAML's global ones."""


def _construct_timestamp(loader: _Loader, node: yaml.ScalarNode) -> Any:
    # `date: 2025-13-45` looks like a timestamp to YAML, and PyYAML raises ValueError while
    # building it; keep the text so the caller can say which date is wrong.
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return node.value


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


@dataclass(frozen=True)
class Lines:
    """Where a value starts (1-based line), and where each of its keys or items starts."""

    line: int
    children: dict[Any, Lines] = field(default_factory=dict)

    def __getitem__(self, key: Any) -> Lines:
        return self.children.get(key, Lines(self.line))

    def of(self, key: Any) -> int:
        """The line of a key of a mapping, or of an item of a list."""
        return self[key].line


@dataclass(frozen=True)
class Duplicate:
    """A key given twice in the same mapping."""

    key: str
    first_line: int
    line: int


class YamlError(Exception):
    """The text is not valid YAML; `line` is 1-based, or None when YAML does not say."""

    def __init__(self, problem: str, line: int | None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.line = line


@dataclass(frozen=True)
class YamlDocument:
    data: Any
    lines: Lines
    duplicates: tuple[Duplicate, ...]


def load_yaml(text: str, first_line: int = 1) -> YamlDocument:
    """Parse one YAML document; `first_line` is the file line of the text's first line."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "invalid YAML"
        raise YamlError(problem, None if mark is None else mark.line + first_line) from error
    except yaml.YAMLError as error:
        raise YamlError(str(error), None) from error
    finally:
        loader.dispose()
    duplicates: list[Duplicate] = []
    lines = _lines(node, first_line, duplicates, set()) if node is not None else Lines(first_line)
    return YamlDocument(data, lines, tuple(duplicates))


def _lines(node: yaml.Node, offset: int, duplicates: list[Duplicate], seen: set[int]) -> Lines:
    line = node.start_mark.line + offset
    # Anchors and aliases can make a graph, even a cycle: visit each node once.
    if id(node) in seen:
        return Lines(line)
    seen.add(id(node))
    children: dict[Any, Lines] = {}
    if isinstance(node, yaml.MappingNode):
        first: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else id(key_node)
            key_line = key_node.start_mark.line + offset
            if key in first:
                duplicates.append(Duplicate(str(key), first[key], key_line))
            else:
                first[key] = key_line
            child = _lines(value_node, offset, duplicates, seen)
            children[key] = Lines(key_line, child.children)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            children[index] = _lines(item, offset, duplicates, seen)
    return Lines(line, children)


def describe(value: Any) -> str:
    """How a YAML value reads to an author: 'a number', 'a list', 'true/false'..."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, datetime.datetime):
        return "a date and time"
    if isinstance(value, datetime.date):
        return "a date"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping (key: value pairs)"
    if isinstance(value, str):
        return quote(value)
    return type(value).__name__


def quote(text: str, limit: int = 60) -> str:
    """Text quoted for a message, shortened when long, on one line."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return f"'{text}'"
