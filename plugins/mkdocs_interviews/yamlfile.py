"""YAML with line numbers: parse a document, and remember where each key and item starts.

PyYAML's C loader is used when it is available (it is several times faster on thousands of
write-ups); duplicate keys, which YAML forbids but PyYAML silently overwrites, are reported.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

import yaml

from .text import INVISIBLE, invisible

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class _Loader(_BaseLoader):
    """A private safe loader, so our constructors never change PyYAML's global ones."""

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
        # PyYAML's C parser calls back into Python to type every plain scalar; the keys and
        # many values (question ids, field names) come back in file after file.
        if kind is yaml.ScalarNode:
            key = (value, implicit)
            tag = _SCALAR_TAGS.get(key)
            if tag is None:
                if len(_SCALAR_TAGS) > 50_000:
                    _SCALAR_TAGS.clear()
                resolve: Any = super().resolve
                tag = _SCALAR_TAGS[key] = str(resolve(kind, value, implicit))
            return tag
        resolve = super().resolve
        return str(resolve(kind, value, implicit))


_SCALAR_TAGS: dict[tuple[Any, Any], str] = {}
"""The type of each plain scalar seen, by its text: typing depends on nothing else."""


def _construct_timestamp(loader: _Loader, node: yaml.ScalarNode) -> Any:
    # `date: 2025-13-45` looks like a timestamp to YAML, and PyYAML raises ValueError while
    # building it; keep the text so the caller can say which date is wrong.
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return node.value


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


class Lines:
    """Where a value starts (1-based line), and where each of its keys or items starts.

    The lines of keys and items are worked out from PyYAML's nodes when first asked for:
    they are needed for messages, and most files have none.
    """

    __slots__ = ("_children", "_node", "_offset", "line")

    def __init__(self, line: int, node: yaml.Node | None = None, offset: int = 0) -> None:
        self.line = line
        self._node = node
        self._offset = offset
        self._children: dict[Any, Lines] | None = None

    @property
    def children(self) -> dict[Any, Lines]:
        if self._children is None:
            self._children = _children(self._node, self._offset)
        return self._children

    def __getitem__(self, key: Any) -> Lines:
        return self.children.get(key) or Lines(self.line)

    def of(self, key: Any) -> int:
        """The line of a key of a mapping, or of an item of a list."""
        return self[key].line


def _children(node: yaml.Node | None, offset: int) -> dict[Any, Lines]:
    children: dict[Any, Lines] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            name = key_node.value if isinstance(key_node, yaml.ScalarNode) else id(key_node)
            children.setdefault(name, Lines(key_node.start_mark.line + offset, value_node, offset))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            children[index] = Lines(item.start_mark.line + offset, item, offset)
    return children


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
class Escaped:
    """An invisible character (`text.INVISIBLE`) written as an escape in a double-quoted
    string (`"\\v"`, `"\\x1b"`): left out of the value, as decoding leaves out one typed."""

    char: str
    line: int


@dataclass(frozen=True)
class YamlDocument:
    data: Any
    lines: Lines
    duplicates: tuple[Duplicate, ...]
    escaped: tuple[Escaped, ...] = ()


def load_yaml(text: str, first_line: int = 1) -> YamlDocument:
    """Parse one YAML document; `first_line` is the file line of the text's first line."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return YamlDocument(None, Lines(first_line), ())
        builder = _Builder(loader, first_line)
        data = builder.build(node)
        lines = Lines(node.start_mark.line + first_line, node, first_line)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "invalid YAML"
        if mark is not None:
            line_text = text.split("\n")[mark.line] if mark.line < text.count("\n") + 1 else ""
            indent = line_text[: len(line_text) - len(line_text.lstrip())]
            if "\t" in indent:
                problem += ": a tab (YAML indents with spaces, never tabs)"
        raise YamlError(problem, None if mark is None else mark.line + first_line) from error
    except yaml.reader.ReaderError as error:
        raise _refused_character(error, text, first_line) from error
    except yaml.YAMLError as error:
        raise YamlError(str(error), None) from error
    finally:
        loader.dispose()
    return YamlDocument(data, lines, tuple(builder.duplicates), tuple(builder.escaped))


def _refused_character(error: yaml.reader.ReaderError, text: str, first_line: int) -> YamlError:
    """PyYAML's 'unacceptable character #x000b ... position 14' in plain words, with the line.

    Decoding removes such characters (`text.INVISIBLE`) before YAML sees them; this is for
    text that did not go through it. PyYAML gives the position in bytes or in characters,
    depending on its loader, but stops at the first such character: the first in the text.
    """
    refused = error.character
    char = chr(refused) if isinstance(refused, int) else str(refused)[:1]
    at = text.find(char) if char else -1
    line = None if at < 0 else text.count("\n", 0, at) + first_line
    what = invisible(char) if char else "a character"
    return YamlError(f"it holds {what}, which YAML refuses; delete it", line)


_SCALARS: dict[str, Any] = {
    "tag:yaml.org,2002:str": lambda loader, node: node.value,
    "tag:yaml.org,2002:null": lambda loader, node: None,
    "tag:yaml.org,2002:bool": yaml.constructor.SafeConstructor.construct_yaml_bool,
    "tag:yaml.org,2002:int": yaml.constructor.SafeConstructor.construct_yaml_int,
    "tag:yaml.org,2002:float": yaml.constructor.SafeConstructor.construct_yaml_float,
    "tag:yaml.org,2002:timestamp": _construct_timestamp,
}
_MAP = "tag:yaml.org,2002:map"
_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"
_SEQ = "tag:yaml.org,2002:seq"
_TYPED = frozenset(f"tag:yaml.org,2002:{name}" for name in ("bool", "int", "float", "timestamp"))
"""The types YAML 1.1 gives plain scalars that an author may mean as text (`yes`, `007`,
`1:30`, `1_000`, `2025-04-02`)."""


class _Builder:
    """Builds a document's values in one walk over PyYAML's nodes, noting keys given twice.

    It does what PyYAML's safe constructor does for the plain types (and hands anything else,
    such as merge keys or `!!set`, back to it), with less machinery: every write-up of a site
    is read on every build.
    """

    def __init__(self, loader: _Loader, first_line: int) -> None:
        self.loader = loader
        self.offset = first_line
        self.duplicates: list[Duplicate] = []
        self.escaped: list[Escaped] = []
        self.built: dict[int, Any] = {}

    def build(self, node: yaml.Node) -> Any:
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _STR:
                if node.style == '"' and INVISIBLE.search(node.value) is not None:
                    return self._unescaped(node)
                return node.value
            construct = _SCALARS.get(node.tag)
            if construct is not None:
                return construct(self.loader, node)
            return self.loader.construct_object(node, deep=True)
        # Anchors and aliases can make a graph, even a cycle: build each collection once.
        done = self.built.get(id(node), _MISSING)
        if done is not _MISSING:
            return done
        if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ:
            items: list[Any] = []
            self.built[id(node)] = items
            items.extend(self.build(item) for item in node.value)
            return items
        if isinstance(node, yaml.MappingNode) and node.tag == _MAP:
            pairs = node.value
            if not any(key.tag == _MERGE for key, _ in pairs):
                mapping: dict[Any, Any] = {}
                self.built[id(node)] = mapping
                for key_node, value_node in pairs:
                    key = (
                        key_node.value
                        if key_node.tag == _STR and key_node.style != '"'
                        else self._key(key_node)
                    )
                    try:
                        mapping[key] = self.build(value_node)
                    except TypeError:
                        raise yaml.constructor.ConstructorError(
                            "while constructing a mapping",
                            node.start_mark,
                            "found unhashable key",
                            key_node.start_mark,
                        ) from None
                if len(mapping) < len(pairs):
                    self._duplicates(node)
                    _keep_last(node)
                return mapping
        # Anything else (merge keys, sets, ordered maps, unknown tags): PyYAML's own rules.
        value = self.loader.construct_object(node, deep=True)
        self.built[id(node)] = value
        return value

    def _unescaped(self, node: yaml.ScalarNode) -> str:
        line = node.start_mark.line + self.offset
        for char in dict.fromkeys(INVISIBLE.findall(node.value)):
            self.escaped.append(Escaped(char, line))
        return INVISIBLE.sub("", node.value)

    def _duplicates(self, node: yaml.MappingNode) -> None:
        first: dict[Any, int] = {}
        for key_node, _ in node.value:
            name = key_node.value if isinstance(key_node, yaml.ScalarNode) else id(key_node)
            line = key_node.start_mark.line + self.offset
            if name in first:
                self.duplicates.append(Duplicate(str(name), first[name], line))
            else:
                first[name] = line

    def _key(self, node: yaml.Node) -> Any:
        # Keys are names: `yes:` or `1:` is the key the author wrote, not True or 1.
        if isinstance(node, yaml.ScalarNode) and not node.style and node.tag in _TYPED:
            return node.value
        return self.build(node)


def _keep_last(node: yaml.MappingNode) -> None:
    """Drop the pairs of a mapping whose key comes again later, as the value read does.

    The lines of a mapping's keys are worked out from its node: with a key given twice, they
    are then those of the value read (the last one), which messages about it must name.
    """
    last = {_name(key_node): index for index, (key_node, _) in enumerate(node.value)}
    node.value = [pair for index, pair in enumerate(node.value) if last[_name(pair[0])] == index]


def _name(key_node: yaml.Node) -> Any:
    return key_node.value if isinstance(key_node, yaml.ScalarNode) else id(key_node)


_MISSING = object()


def as_written(value: Any, lines: Lines, key: Any) -> Any:
    """The value of `key` in the mapping or list located by `lines`, for a key that wants text.

    A plain (unquoted) scalar that YAML 1.1 reads as a number, a true/false or a date is the
    text the author wrote (`title: 1:30` is '1:30', not 90; `role: 007` is '007', not 7;
    `summary: yes` is 'yes'); so are such items of a list. Anything else is `value` itself.
    """
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return value  # most lists: no need to look at the nodes
    where = lines[key]
    node = where._node
    if isinstance(value, list):
        if not isinstance(node, yaml.SequenceNode):
            return value
        return [as_written(item, where, index) for index, item in enumerate(value)]
    if isinstance(node, yaml.ScalarNode) and not node.style and node.tag in _TYPED:
        return node.value
    return value


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
