"""Reading the catalogs, `fields.yml` and `questions.yml`, into lookups for the write-ups."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import ClassVar, Generic, Self, TypeVar

from .entries import Entry, read_entries
from .model import Field, Question, normalize, slugify
from .problems import FileProblems
from .text import closest, did_you_mean
from .urls import RESERVED_QUESTION_IDS, page_url
from .yamlfile import quote

FIELD_KEYS = ("name", "slug", "description", "aliases", "group")
QUESTION_KEYS = ("id", "text", "aliases", "theme", "retired", "replaced_by")


def fold(name: str) -> str:
    """How field names are compared: case and spacing ignored, punctuation kept ('C++' != 'C')."""
    return " ".join(name.casefold().split())


T = TypeVar("T")


@dataclass(frozen=True)
class Catalog(Generic[T]):
    """The items of a catalog file, findable by key (an id or a slug), or by a wording (a
    name, a text or an alias), with the closest one suggested for a name it does not have.

    A kind of catalog says what an item's key and wordings are, and how wordings compare.
    """

    path: str
    items: tuple[T, ...] = ()
    loaded: bool = True
    """False when the file is missing or unreadable: what names its items is then not
    checked."""
    _by_key: dict[str, T] = field(default_factory=dict, init=False, repr=False, compare=False)
    _by_wording: dict[str, T] = field(default_factory=dict, init=False, repr=False, compare=False)
    _written: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)
    """Each compared wording as the catalog writes it."""

    suggests_wordings: ClassVar[bool] = False
    """Whether `suggest` gives the closest wording as written, rather than an item's key."""

    # A static method is the same plain function at every look-up: `closest` caches the
    # choices it indexes by it.
    @staticmethod
    def compare(wording: str) -> str:
        """The form in which wordings are compared."""
        return normalize(wording)

    def __post_init__(self) -> None:
        # The lookups are filled in place: the catalog itself is frozen.
        for item in self.items:
            self._by_key[self.key(item)] = item
            for wording in self.wordings(item):
                compared = self.compare(wording)
                self._by_wording.setdefault(compared, item)
                self._written.setdefault(compared, wording)

    @classmethod
    def of(cls, path: str, items: Iterable[T], loaded: bool = True) -> Self:
        return cls(path, tuple(items), loaded)

    def key(self, item: T) -> str:
        """The item's id or slug."""
        raise NotImplementedError

    def wordings(self, item: T) -> tuple[str, ...]:
        """The names an item is also found by."""
        return ()

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def get(self, key: str) -> T | None:
        """The item with this id or slug."""
        return self._by_key.get(key)

    def find(self, name: str) -> T | None:
        """The item with this id or slug, or whose wordings include one like `name`."""
        return self._by_key.get(name.strip()) or self.find_wording(name)

    def find_wording(self, wording: str) -> T | None:
        """The item with a wording like this one."""
        return self._by_wording.get(self.compare(wording))

    def suggest(self, name: str) -> str | None:
        """What is closest to `name`: the closest wording as the catalog writes it, where it
        `suggests_wordings`; else the closest key, or the key of the closest wording's item."""
        if not self.suggests_wordings:
            by_key = closest(name, self._by_key)
            if by_key is not None:
                return by_key
        match = closest(name, self._by_wording, self.compare)
        if match is None:
            return None
        return self._written[match] if self.suggests_wordings else self.key(self._by_wording[match])


class FieldCatalog(Catalog[Field]):
    """The fields, findable by name, slug or alias (case and spacing aside)."""

    suggests_wordings = True

    @staticmethod
    def compare(wording: str) -> str:
        return fold(wording)

    @property
    def fields(self) -> tuple[Field, ...]:
        return self.items

    def key(self, item: Field) -> str:
        return item.slug

    def wordings(self, item: Field) -> tuple[str, ...]:
        return (item.name, item.slug, *item.aliases)


class QuestionCatalog(Catalog[Question]):
    """The questions, findable by id, wording or alias (case and punctuation aside)."""

    @property
    def questions(self) -> tuple[Question, ...]:
        return self.items

    def key(self, item: Question) -> str:
        return item.id

    def wordings(self, item: Question) -> tuple[str, ...]:
        return (item.text, *item.aliases)


FIELD_FIXES = {"name": "add the field's name, like 'name: Book publishing'"}
"""How to fix each key a field needs, when it is missing."""
QUESTION_FIXES = {
    "id": "add a stable kebab-case id, like 'id: typical-day'",
    "text": "add its wording, like 'text: What does a typical day look like?'",
}
"""How to fix each key a question needs, when it is missing."""


def read_fields(path: str, data: bytes | None) -> tuple[FieldCatalog, FileProblems]:
    """Read `fields.yml`: the catalog of its valid entries, and the problems of the others."""
    problems = FileProblems(path)
    entries = read_entries(
        path,
        data,
        problems,
        "fields",
        "'- name: Book publishing' entries with a description",
        fixes=FIELD_FIXES,
    )
    if entries is None:
        return FieldCatalog.of(path, [], loaded=False), problems
    fields: list[Field] = []
    taken: dict[str, tuple[Field, int]] = {}  # folded name, slug or alias -> (field, its line)
    for entry in entries:
        item = _read_field(entry)
        if item is None or _name_taken(item, entry, taken):
            continue
        wordings = _field_wordings(item, entry)
        for alias, line in wordings[2:]:
            other = taken.get(fold(alias))
            if other is not None:
                entry.error(
                    "aliases",
                    f"field {quote(item.name)}: alias {quote(alias)} is already a name, slug or "
                    f"alias of field {quote(other[0].name)} (line {other[1]}; an alias must "
                    "lead to one field)",
                    line,
                )
        for wording, line in wordings:
            taken.setdefault(fold(wording), (item, line))
        fields.append(item)
    return FieldCatalog.of(path, fields), problems


def _read_field(entry: Entry) -> Field | None:
    """The field of an entry of `fields.yml`, or None after reporting why it is none."""
    name = entry.text("name", required=True)
    if name is None:
        return None
    entry.label = f"field {quote(name)}"
    entry.unknown_keys(FIELD_KEYS)
    slug = entry.slug("slug", slugify(name), "book-publishing")
    if slug is None:
        return None
    if not slug:
        entry.error(
            "slug",
            f"{entry.label}: the name has no letters or digits to make a URL from (add a "
            "'slug', like 'slug: book-publishing')",
            entry.line("name"),
        )
        return None
    return Field(
        name=name,
        slug=slug,
        description=entry.text("description") or "",
        aliases=entry.wordings("aliases"),
        group=entry.text("group"),
    )


def _slug_line(entry: Entry) -> int:
    """The line that gives a field's slug: its own, or its name's."""
    return entry.line("slug" if "slug" in entry.values else "name")


def _field_wordings(item: Field, entry: Entry) -> list[tuple[str, int]]:
    """A field's name, slug and aliases, each with the line that gives it."""
    return [
        (item.name, entry.line("name")),
        (item.slug, _slug_line(entry)),
        *((alias, entry.item_line("aliases", index)) for index, alias in enumerate(item.aliases)),
    ]


def _name_taken(item: Field, entry: Entry, taken: dict[str, tuple[Field, int]]) -> bool:
    """Whether the field's name or slug already leads to another field (reported if so)."""
    line = entry.line("name")
    clash = taken.get(fold(item.name))
    if clash is not None and fold(clash[0].name) == fold(item.name):
        entry.error(
            "name",
            f"field name {quote(item.name)} is used twice (lines {clash[1]} and {line}; "
            "names must be unique)",
        )
        return True
    if clash is not None:
        entry.error(
            "name",
            f"field {quote(item.name)}: its name is already an alias or slug of field "
            f"{quote(clash[0].name)} (line {clash[1]}; a name must lead to one field)",
        )
        return True
    slug_clash = taken.get(item.slug)
    if slug_clash is not None:
        entry.error(
            "slug",
            f"field {quote(item.name)} has the slug '{item.slug}', which field "
            f"{quote(slug_clash[0].name)} (line {slug_clash[1]}) already has (set a "
            "different 'slug' for one of them)",
            _slug_line(entry),
        )
        return True
    return False


def read_questions(path: str, data: bytes | None) -> tuple[QuestionCatalog, FileProblems]:
    """Read `questions.yml`: the catalog of its valid entries, and the problems of the others."""
    problems = FileProblems(path)
    entries = read_entries(
        path,
        data,
        problems,
        "questions",
        "'- id: typical-day' entries with a text and a theme",
        typed=("retired",),
        fixes=QUESTION_FIXES,
    )
    if entries is None:
        return QuestionCatalog.of(path, [], loaded=False), problems
    questions: list[Question] = []
    ids: dict[str, int] = {}
    wordings: dict[str, tuple[Question, int]] = {}
    replacements: list[tuple[Question, int]] = []
    for entry in entries:
        item = _read_question(entry)
        if item is None or _reserved(item, entry) or not entry.unique_id("question", item.id, ids):
            continue
        _check_wordings(item, entry, wordings)
        if item.replaced_by is not None:
            replacements.append((item, entry.line("replaced_by")))
        questions.append(item)
    for item, line in replacements:
        if item.replaced_by not in ids:
            problems.error(
                f"question '{item.id}': 'replaced_by' names '{item.replaced_by}', which is not a "
                f"question id{did_you_mean(str(item.replaced_by), ids)}",
                key="replaced_by",
                line=line,
            )
    return QuestionCatalog.of(path, questions), problems


def _read_question(entry: Entry) -> Question | None:
    """The question of an entry of `questions.yml`, or None after reporting why it is none."""
    question_id = entry.kebab_id("question", "typical-day")
    if question_id is None:
        return None
    entry.unknown_keys(QUESTION_KEYS)
    text = entry.text("text", required=True)
    if text is None:
        return None
    retired = entry.flag("retired")
    replaced_by = entry.text("replaced_by")
    return Question(
        id=question_id,
        text=text,
        aliases=entry.wordings("aliases"),
        theme=entry.text("theme"),
        retired=retired,
        replaced_by=replaced_by,
    )


def _reserved(item: Question, entry: Entry) -> bool:
    """Whether the question's id would give its page the address of another generated page
    (reported if so: the other page keeps it)."""
    taken = RESERVED_QUESTION_IDS.get(item.id)
    if taken is None:
        return False
    path, name = taken
    entry.error(
        "id",
        f"question id '{item.id}' would put its page at {page_url(path)}, the address of "
        f"{name} (give the question another id, like '{item.id}-question', and use that in "
        "the write-ups)",
    )
    return True


def _check_wordings(
    item: Question, entry: Entry, wordings: dict[str, tuple[Question, int]]
) -> None:
    """Report a text or alias that is already another question's, at its own line; note the
    others in `wordings` (normalized wording -> question and line)."""
    for key, wording, line in [("text", item.text, entry.line("text"))] + [
        ("aliases", alias, entry.item_line("aliases", index))
        for index, alias in enumerate(item.aliases)
    ]:
        other = wordings.get(normalize(wording))
        if other is not None and other[0].id != item.id:
            entry.error(
                key,
                f"question '{item.id}': the wording {quote(wording)} is already a text or alias "
                f"of question '{other[0].id}' (line {other[1]}; a wording must lead to one "
                "question)",
                line,
            )
        else:
            wordings.setdefault(normalize(wording), (item, line))
