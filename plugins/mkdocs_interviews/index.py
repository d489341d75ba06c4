"""The cross-indexes of published write-ups: by field, by question, by both, and referrals.

Built once per build in one pass over the answers, so that every page is a lookup.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import NamedTuple, TypeVar

from .asks import Ask
from .catalogs import fold
from .model import Answer, Field, Question, WriteUp, slugify
from .project import referral_cycles

T = TypeVar("T")


@dataclass(frozen=True)
class Answered:
    """An answer as it is listed: with the write-up it comes from."""

    writeup: WriteUp
    answer: Answer


@dataclass(frozen=True)
class Index:
    """Published write-ups, newest first, and the lookups the generated pages need."""

    fields: tuple[Field, ...]
    """Every catalog field, by name."""
    questions: tuple[Question, ...]
    """Every catalog question, in catalog order."""
    writeups: tuple[WriteUp, ...]
    """Published write-ups, newest first."""
    group_names: tuple[str, ...] = ()
    """The fields' groups, in catalog order."""
    _by_field: dict[str, list[WriteUp]] = field(default_factory=dict, repr=False)
    _by_question: dict[str, list[Answered]] = field(default_factory=dict, repr=False)
    _by_pair: dict[tuple[str, str], list[Answered]] = field(default_factory=dict, repr=False)
    _by_slug: dict[str, WriteUp] = field(default_factory=dict, repr=False)
    _introduced: dict[str, list[WriteUp]] = field(default_factory=dict, repr=False)
    _introducer: dict[str, str] = field(default_factory=dict, repr=False)
    """Each write-up's valid introduction: to a published write-up, cycles cut."""
    asks: tuple[Ask, ...] = ()
    """Readers' questions, newest first."""
    _asks_by_field: dict[str, list[Ask]] = field(default_factory=dict, repr=False)
    _asks_by_writeup: dict[str, list[Ask]] = field(default_factory=dict, repr=False)
    _asks_by_pair: dict[tuple[str, str], list[Ask]] = field(default_factory=dict, repr=False)
    _merged: dict[str, list[Ask]] = field(default_factory=dict, repr=False)

    def writeups_in(self, item: Field) -> list[WriteUp]:
        """The write-ups of a field (primary or not), newest first."""
        return self._by_field.get(item.slug, [])

    def answers_to(self, question: Question) -> list[Answered]:
        """Every answer to a question, newest first."""
        return self._by_question.get(question.id, [])

    def answers_in(self, question: Question, item: Field) -> list[Answered]:
        """The answers to a question from write-ups of a field, newest first."""
        return self._by_pair.get((question.id, item.slug), [])

    def count(self, question: Question, item: Field) -> int:
        return len(self._by_pair.get((question.id, item.slug), ()))

    def fields_answering(self, question: Question) -> list[Field]:
        """The fields with at least one answer to a question, by name."""
        return [f for f in self.fields if (question.id, f.slug) in self._by_pair]

    def questions_in(self, item: Field) -> list[tuple[Question, int]]:
        """The questions answered in a field with their counts, in catalog order."""
        return [(q, n) for q in self.questions if (n := self.count(q, item))]

    def writeup(self, slug: str) -> WriteUp | None:
        return self._by_slug.get(slug)

    def introduced_by(self, writeup: WriteUp) -> WriteUp | None:
        """The published write-up whose interviewee introduced this one."""
        introducer = self._introducer.get(writeup.slug)
        return None if introducer is None else self._by_slug.get(introducer)

    def introduced_next(self, writeup: WriteUp) -> list[WriteUp]:
        """The published write-ups this one's interviewee introduced, oldest first."""
        return self._introduced.get(writeup.slug, [])

    def network(self) -> list[tuple[WriteUp, list[tuple[WriteUp, int]]]]:
        """The referral chains: for each first interview of a chain (oldest first), every
        interview it led to, depth first, with its depth (the first is at depth 0).

        Each interview appears once. Interviews that neither introduced anyone nor were
        introduced are left out (see `unconnected`).
        """
        chains = []
        for root in reversed(self.writeups):
            if self.introduced_by(root) is not None or not self.introduced_next(root):
                continue
            members: list[tuple[WriteUp, int]] = []
            stack = [(root, 0)]
            while stack:
                writeup, depth = stack.pop()
                members.append((writeup, depth))
                stack.extend(
                    (child, depth + 1) for child in reversed(self.introduced_next(writeup))
                )
            chains.append((root, members))
        return chains

    def unconnected(self) -> list[WriteUp]:
        """Published interviews outside any referral chain, newest first."""
        return [
            w
            for w in self.writeups
            if self.introduced_by(w) is None and not self.introduced_next(w)
        ]

    def chain_root(self, writeup: WriteUp) -> WriteUp:
        """The first interview of the chain a write-up belongs to (itself, if it starts one)."""
        seen = {writeup.slug}
        while (parent := self.introduced_by(writeup)) is not None and parent.slug not in seen:
            seen.add(parent.slug)
            writeup = parent
        return writeup

    def waiting_in(self, item: Field) -> list[Ask]:
        """Readers' questions for a field still waiting for an answer, newest first."""
        return [a for a in self._asks_by_field.get(item.slug, []) if a.waiting]

    def answered_in_field(self, item: Field) -> list[Ask]:
        """Readers' questions for a field answered by a published interview, newest first."""
        return [
            a
            for a in self._asks_by_field.get(item.slug, [])
            if a.status == "answered" and self.answering(a) is not None
        ]

    def asks_in(self, item: Field) -> list[Ask]:
        """Every reader's question for a field that is not merged into another, newest first."""
        return [a for a in self._asks_by_field.get(item.slug, []) if a.merged_into is None]

    def answering(self, ask: Ask) -> WriteUp | None:
        """The published interview that answers a reader's question."""
        return None if ask.answered_in is None else self._by_slug.get(ask.answered_in)

    def asks_answered_by(self, writeup: WriteUp) -> list[Ask]:
        """The readers' questions an interview answers."""
        return self._asks_by_writeup.get(writeup.slug, [])

    def waiting_for(self, question: Question, item: Field) -> list[Ask]:
        """Readers' questions matching a catalog question in a field, still waiting."""
        return self._asks_by_pair.get((question.id, item.slug), [])

    def merged_into(self, ask: Ask) -> list[Ask]:
        """The readers' questions merged into this one, oldest first."""
        return self._merged.get(ask.id, [])

    @property
    def groups(self) -> list[tuple[str | None, list[Field]]]:
        """The fields by group, groups in catalog order, fields without a group last."""
        order = {name: i for i, name in enumerate(self.group_names)}
        groups = group_by(self.fields, lambda f: f.group)
        return sorted(groups, key=lambda g: len(order) if g[0] is None else order[g[0]])

    @property
    def themes(self) -> list[tuple[str | None, list[Question]]]:
        """The questions by theme, themes in catalog order, questions without one last."""
        return group_by(self.questions, lambda q: q.theme)


def build_index(
    fields: Iterable[Field],
    questions: Iterable[Question],
    writeups: Iterable[WriteUp],
    asks: Iterable[Ask] = (),
) -> Index:
    """Index the published write-ups (drafts are left out) and readers' questions against the
    catalogs."""
    fields = list(fields)
    group_names = tuple(dict.fromkeys(f.group for f in fields if f.group is not None))
    # By name as readers spell it: accents and punctuation don't move a field.
    fields_by_name = sorted(fields, key=lambda f: (slugify(f.name), fold(f.name)))
    published = sorted(
        (w for w in writeups if not w.draft), key=lambda w: (-w.date.toordinal(), w.slug)
    )
    by_slug = {w.slug: w for w in published}
    listings = _listings(published)
    referrals = _referrals(published, by_slug)
    queue = _ask_queue(asks, by_slug)
    return Index(
        fields=tuple(fields_by_name),
        questions=tuple(questions),
        group_names=group_names,
        writeups=tuple(published),
        _by_field=listings.by_field,
        _by_question=listings.by_question,
        _by_pair=listings.by_pair,
        _by_slug=by_slug,
        _introduced=referrals.introduced,
        _introducer=referrals.introducer,
        asks=queue.asks,
        _asks_by_field=queue.by_field,
        _asks_by_writeup=queue.by_writeup,
        _asks_by_pair=queue.by_pair,
        _merged=queue.merged,
    )


class _Listings(NamedTuple):
    """The published write-ups by field, and their answers by question and by both."""

    by_field: dict[str, list[WriteUp]]
    by_question: dict[str, list[Answered]]
    by_pair: dict[tuple[str, str], list[Answered]]


def _listings(published: list[WriteUp]) -> _Listings:
    """List the write-ups, newest first, under each of their fields, and their answers under
    each question, in each field."""
    by_field: dict[str, list[WriteUp]] = defaultdict(list)
    by_question: dict[str, list[Answered]] = defaultdict(list)
    by_pair: dict[tuple[str, str], list[Answered]] = defaultdict(list)
    for writeup in published:
        for item in writeup.fields:
            by_field[item.slug].append(writeup)
        for answer in writeup.answers:
            listed = Answered(writeup, answer)
            by_question[answer.question.id].append(listed)
            for item in writeup.fields:
                by_pair[(answer.question.id, item.slug)].append(listed)
    return _Listings(dict(by_field), dict(by_question), dict(by_pair))


class _Referrals(NamedTuple):
    """Who introduced whom, among the published write-ups."""

    introducer: dict[str, str]
    """Each introduced write-up's introducer, by slug."""
    introduced: dict[str, list[WriteUp]]
    """The write-ups each one introduced, oldest first."""


def _referrals(published: list[WriteUp], by_slug: dict[str, WriteUp]) -> _Referrals:
    """The valid introductions: to a published write-up, each circle of them cut."""
    introducer = {w.slug: w.referred_by for w in published if w.referred_by in by_slug}
    # A circle of introductions is cut once, at the write-up where it is reported, so that
    # every write-up of it still has a place in the chains.
    for first, _cycle in list(referral_cycles(introducer)):
        del introducer[first]
    introduced: dict[str, list[WriteUp]] = defaultdict(list)
    for writeup in reversed(published):
        if writeup.slug in introducer:
            introduced[introducer[writeup.slug]].append(writeup)
    return _Referrals(introducer, dict(introduced))


class _AskQueue(NamedTuple):
    """The readers' questions, newest first, and their lookups."""

    asks: tuple[Ask, ...]
    by_field: dict[str, list[Ask]]
    by_writeup: dict[str, list[Ask]]
    """The questions answered, by the slug of the published write-up that answers them."""
    by_pair: dict[tuple[str, str], list[Ask]]
    """The questions waiting, by the catalog question they match and their field."""
    merged: dict[str, list[Ask]]
    """The questions merged into each one, oldest first."""


def _ask_queue(asks: Iterable[Ask], by_slug: dict[str, WriteUp]) -> _AskQueue:
    """The readers' questions, newest first, by field, by the write-up answering them, by
    the catalog question they wait on, and by the question they are merged into."""
    newest = sorted(asks, key=lambda a: (-a.asked.toordinal(), a.id))
    by_field: dict[str, list[Ask]] = defaultdict(list)
    by_writeup: dict[str, list[Ask]] = defaultdict(list)
    by_pair: dict[tuple[str, str], list[Ask]] = defaultdict(list)
    merged: dict[str, list[Ask]] = defaultdict(list)
    for ask in newest:
        by_field[ask.field.slug].append(ask)
        # Answered by an interview that is not published (yet): not linked from it.
        if ask.answered_in in by_slug and ask.status == "answered":
            by_writeup[ask.answered_in].append(ask)
        if ask.waiting and ask.matches is not None:
            by_pair[(ask.matches.id, ask.field.slug)].append(ask)
    for ask in reversed(newest):
        if ask.merged_into is not None:
            merged[ask.merged_into].append(ask)
    return _AskQueue(tuple(newest), dict(by_field), dict(by_writeup), dict(by_pair), dict(merged))


def group_by(
    items: Iterable[T], key: Callable[[T], str | None]
) -> list[tuple[str | None, list[T]]]:
    """Items grouped by `key`, groups in order of first appearance, the `None` group last."""
    groups: dict[str | None, list[T]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    ungrouped = groups.pop(None, None)
    result: list[tuple[str | None, list[T]]] = list(groups.items())
    if ungrouped:
        result.append((None, ungrouped))
    return result
