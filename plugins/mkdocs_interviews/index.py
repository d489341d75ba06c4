"""The cross-indexes of the published write-ups, one for each job of the generated pages: the
listings by field and question, the introductions, and the readers' question queue; the site's
index holds the three with the catalogs.

Each is built once per build in one pass, so that every page is a lookup. Write-ups are keyed
by their path, which no two share; a slug is looked up only where front matter names a
write-up by it (`referred_by`, `answered_in`).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from .asks import Ask
from .catalogs import QuestionCatalog, fold
from .model import Answer, Field, Question, WriteUp, slugify
from .project import introduction_cycles

T = TypeVar("T")


@dataclass(frozen=True)
class Answered:
    """An answer as it is listed: with the write-up it comes from."""

    writeup: WriteUp
    answer: Answer


@dataclass(frozen=True)
class Listings:
    """The published write-ups, newest first, by field; their answers by question and by both."""

    fields: tuple[Field, ...]
    """The fields, in the order the pages list them (by name)."""
    questions: tuple[Question, ...]
    """The questions, in catalog order."""
    writeups: tuple[WriteUp, ...]
    """Published write-ups (drafts left out, but in a preview), newest first."""
    _by_path: dict[str, WriteUp]
    _by_slug: dict[str, WriteUp]
    _by_field: dict[str, list[WriteUp]]
    _by_question: dict[str, list[Answered]]
    _by_pair: dict[tuple[str, str], list[Answered]]

    @classmethod
    def build(
        cls,
        fields: Iterable[Field],
        questions: Iterable[Question],
        writeups: Iterable[WriteUp],
        *,
        drafts: bool = False,
    ) -> Listings:
        """List the published write-ups (drafts left out, unless `drafts`: a preview lists
        them where they will be), newest first, under each of their fields, and their
        answers under each question, in each field."""
        given = [w for w in writeups if drafts or not w.draft]
        published = sorted(given, key=lambda w: (-w.date.toordinal(), w.slug))
        # Front matter names write-ups by slug. Fed from write-ups that share no slug (the
        # project lists only the first file of a slug, by the rule of the problem reported at
        # the others), a slug names one write-up; given two, it names the first given.
        by_slug: dict[str, WriteUp] = {}
        for writeup in given:
            by_slug.setdefault(writeup.slug, writeup)
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
        return cls(
            tuple(fields),
            tuple(questions),
            tuple(published),
            {w.path: w for w in published},
            by_slug,
            dict(by_field),
            dict(by_question),
            dict(by_pair),
        )

    def lists(self, writeup: WriteUp) -> bool:
        """Whether a write-up is published (listed on the generated pages)."""
        return writeup.path in self._by_path

    def writeup(self, slug: str | None) -> WriteUp | None:
        """The published write-up a slug of the front matter names."""
        return None if slug is None else self._by_slug.get(slug)

    def years(self) -> list[tuple[int, int]]:
        """The years of the published write-ups, newest first, each with how many it has."""
        return [(year, len(writeups)) for year, writeups in self._by_year.items()]

    def writeups_from(self, year: int) -> list[WriteUp]:
        """The write-ups of a year, newest first."""
        return self._by_year.get(year, [])

    @functools.cached_property
    def _by_year(self) -> dict[int, list[WriteUp]]:
        by_year: dict[int, list[WriteUp]] = {}
        for writeup in self.writeups:  # newest first, so the years come newest first too
            by_year.setdefault(writeup.date.year, []).append(writeup)
        return by_year

    def writeups_in(self, item: Field) -> list[WriteUp]:
        """The write-ups of a field (primary or not), newest first."""
        return self._by_field.get(item.slug, [])

    def others_in(self, item: Field, writeup: WriteUp, limit: int) -> list[WriteUp]:
        """The newest `limit` write-ups of a field other than `writeup`, newest first."""
        return [w for w in self.writeups_in(item)[: limit + 1] if w.path != writeup.path][:limit]

    def answers_to(self, question: Question) -> list[Answered]:
        """Every answer to a question, newest first."""
        return self._by_question.get(question.id, [])

    def answers_in(self, question: Question, item: Field) -> list[Answered]:
        """The answers to a question from write-ups of a field, newest first."""
        return self._by_pair.get((question.id, item.slug), [])

    def count(self, question: Question, item: Field) -> int:
        """How many answers to a question write-ups of a field give."""
        return len(self._by_pair.get((question.id, item.slug), ()))

    def fields_answering(self, question: Question) -> list[Field]:
        """The fields with at least one answer to a question, by name."""
        return [f for f in self.fields if (question.id, f.slug) in self._by_pair]

    def questions_in(self, item: Field) -> list[tuple[Question, int]]:
        """The questions answered in a field with their counts, in catalog order."""
        return [(q, n) for q in self.questions if (n := self.count(q, item))]


@dataclass(frozen=True)
class Introductions:
    """Who introduced whom among the published write-ups, and the chains that makes."""

    writeups: tuple[WriteUp, ...]
    """Published write-ups, newest first."""
    _introducer: dict[str, WriteUp]
    """Each write-up's valid introducer (published, circles cut), by the introduced one's path."""
    _introduced: dict[str, list[WriteUp]]
    """The write-ups each one introduced, oldest first, by the introducer's path."""

    @classmethod
    def build(cls, listings: Listings) -> Introductions:
        """The valid introductions among the listed write-ups: to a published write-up, each
        circle of them cut."""
        published = listings.writeups
        named = {w.slug: w for w in published if listings.writeup(w.slug) is w}
        links = {
            slug: w.referred_by
            for slug, w in named.items()
            if w.referred_by is not None and listings.writeup(w.referred_by) is not None
        }
        # A circle of introductions is cut once, at the write-up where it is reported, so that
        # every write-up of it still has a place in the chains. Introducers are found by slug,
        # so a circle only goes through write-ups their slug names: it is found among those.
        cut = {named[first].path for first, _cycle in introduction_cycles(links)}
        introducer: dict[str, WriteUp] = {}
        for writeup in published:
            parent = listings.writeup(writeup.referred_by)
            if parent is not None and writeup.path not in cut:
                introducer[writeup.path] = parent
        introduced: dict[str, list[WriteUp]] = defaultdict(list)
        for writeup in reversed(published):
            if writeup.path in introducer:
                introduced[introducer[writeup.path].path].append(writeup)
        return cls(published, introducer, dict(introduced))

    def introduced_by(self, writeup: WriteUp) -> WriteUp | None:
        """The published write-up whose interviewee introduced this one."""
        return self._introducer.get(writeup.path)

    def introduced_next(self, writeup: WriteUp) -> list[WriteUp]:
        """The published write-ups this one's interviewee introduced, oldest first."""
        return self._introduced.get(writeup.path, [])

    def network(self) -> list[tuple[WriteUp, list[tuple[WriteUp, int]]]]:
        """The chains of introductions: for each first interview of a chain (oldest first), every
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
        """Published interviews outside any chain of introductions, newest first."""
        return [
            w
            for w in self.writeups
            if self.introduced_by(w) is None and not self.introduced_next(w)
        ]

    def lineage(self, writeup: WriteUp) -> list[WriteUp]:
        """The introductions that led to a write-up, in order: the first interview of its
        chain, each one it introduced on the way, and the write-up itself last (alone, for
        one that nobody introduced)."""
        line = [writeup]
        seen = {writeup.path}
        while (parent := self.introduced_by(line[-1])) is not None and parent.path not in seen:
            seen.add(parent.path)
            line.append(parent)
        return line[::-1]

    def chain_size(self, writeup: WriteUp) -> int:
        """How many interviews the chain of introductions a write-up belongs to holds (1 for
        one outside every chain)."""
        return self._chain_sizes.get(self.chain_root(writeup).path, 1)

    @functools.cached_property
    def _chain_sizes(self) -> dict[str, int]:
        """The number of interviews of each chain, by its first interview's path (counted
        once per build, so that each write-up's footer is a lookup)."""
        return {root.path: len(members) for root, members in self.network()}

    def chain_root(self, writeup: WriteUp) -> WriteUp:
        """The first interview of the chain a write-up belongs to (itself, if it starts one)."""
        seen = {writeup.path}
        while (parent := self.introduced_by(writeup)) is not None and parent.path not in seen:
            seen.add(parent.path)
            writeup = parent
        return writeup


@dataclass(frozen=True)
class ReadersQueue:
    """The readers' questions, newest first, and where each stands."""

    asks: tuple[Ask, ...]
    """Readers' questions, newest first."""
    _by_field: dict[str, list[Ask]]
    _answering: dict[str, WriteUp]
    """The published write-up each question names in `answered_in`, by the question's id."""
    _by_writeup: dict[str, list[Ask]]
    """The questions answered, by the path of the published write-up that answers them."""
    _by_pair: dict[tuple[str, str], list[Ask]]
    """The questions waiting, by the catalog question they match and their field."""
    _merged: dict[str, list[Ask]]
    """The questions merged into each one, oldest first."""

    @classmethod
    def build(cls, asks: Iterable[Ask], listings: Listings) -> ReadersQueue:
        """The readers' questions, newest first, by field, by the published write-up that
        answers them, by the catalog question they wait on, and by the question they are
        merged into."""
        newest = sorted(asks, key=lambda a: (-a.asked.toordinal(), a.id))
        by_field: dict[str, list[Ask]] = defaultdict(list)
        answering: dict[str, WriteUp] = {}
        by_writeup: dict[str, list[Ask]] = defaultdict(list)
        by_pair: dict[tuple[str, str], list[Ask]] = defaultdict(list)
        merged: dict[str, list[Ask]] = defaultdict(list)
        for ask in newest:
            by_field[ask.field.slug].append(ask)
            answer = listings.writeup(ask.answered_in)
            # Answered by an interview that is not published (yet): not linked from it.
            if answer is not None:
                answering[ask.id] = answer
                if ask.status == "answered":
                    by_writeup[answer.path].append(ask)
        # Those more readers want come first, then the newest (the sort is stable).
        for ask in sorted(newest, key=lambda a: -a.readers):
            if ask.waiting and ask.matches is not None:
                by_pair[(ask.matches.id, ask.field.slug)].append(ask)
        for ask in reversed(newest):
            if ask.merged_into is not None:
                merged[ask.merged_into].append(ask)
        return cls(
            tuple(newest), dict(by_field), answering, dict(by_writeup), dict(by_pair), dict(merged)
        )

    def asked_in(self, item: Field) -> bool:
        """Whether readers have sent in any question for a field (merged ones included)."""
        return item.slug in self._by_field

    def waiting_in(self, item: Field) -> list[Ask]:
        """Readers' questions for a field still waiting for an answer: those more readers
        want first, then the newest."""
        waiting = [a for a in self._by_field.get(item.slug, []) if a.waiting]
        return sorted(waiting, key=lambda a: -a.readers)

    def answered_in_field(self, item: Field) -> list[Ask]:
        """Readers' questions for a field answered by a published interview, newest first."""
        return [
            a
            for a in self._by_field.get(item.slug, [])
            if a.status == "answered" and self.answering(a) is not None
        ]

    def asks_in(self, item: Field) -> list[Ask]:
        """Every reader's question for a field that is not merged into another, newest first."""
        return [a for a in self._by_field.get(item.slug, []) if a.merged_into is None]

    def answering(self, ask: Ask) -> WriteUp | None:
        """The published interview that answers a reader's question."""
        return self._answering.get(ask.id)

    def asks_answered_by(self, writeup: WriteUp) -> list[Ask]:
        """The readers' questions an interview answers."""
        return self._by_writeup.get(writeup.path, [])

    def waiting_for(self, question: Question, item: Field) -> list[Ask]:
        """Readers' questions matching a catalog question in a field, still waiting: those
        more readers want first, then the newest."""
        return self._by_pair.get((question.id, item.slug), [])

    def merged_into(self, ask: Ask) -> list[Ask]:
        """The readers' questions merged into this one, oldest first."""
        return self._merged.get(ask.id, [])


@dataclass(frozen=True)
class Index:
    """What the generated pages look up: the catalogs, and the published write-ups'
    listings, introductions and readers' question queue."""

    fields: tuple[Field, ...]
    """Every catalog field, by name."""
    question_catalog: QuestionCatalog
    listings: Listings
    introductions: Introductions
    queue: ReadersQueue
    group_names: tuple[str, ...] = ()
    """The fields' groups, in catalog order."""

    @property
    def questions(self) -> tuple[Question, ...]:
        """Every catalog question, in catalog order."""
        return self.question_catalog.questions

    def question(self, question_id: str | None) -> Question | None:
        """The catalog question with this id."""
        return None if question_id is None else self.question_catalog.get(question_id)

    def replacement(self, question: Question) -> Question | None:
        """The catalog question that replaces a retired one, if it names one that exists."""
        return self.question(question.replaced_by)

    def fields_in_queue(self) -> list[Field]:
        """The fields readers have sent in questions for, by name."""
        return [f for f in self.fields if self.queue.asked_in(f)]

    def writeups_in(self, item: Field) -> list[WriteUp]:
        """The write-ups of a field, newest first (`listings.writeups_in`).

        Kept on the index itself for the sites' own templates: the README's example of one
        calls `index.writeups_in(field)`.
        """
        return self.listings.writeups_in(item)

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
    questions: QuestionCatalog | Iterable[Question],
    writeups: Iterable[WriteUp],
    asks: Iterable[Ask] = (),
    *,
    drafts: bool = False,
) -> Index:
    """Index the published write-ups (drafts are left out, unless `drafts`: see `Listings`)
    and readers' questions against the catalogs (the questions' catalog, or its questions)."""
    fields = list(fields)
    if not isinstance(questions, QuestionCatalog):
        questions = QuestionCatalog.of("", list(questions))
    group_names = tuple(dict.fromkeys(f.group for f in fields if f.group is not None))
    # By name as readers spell it: accents and punctuation don't move a field.
    by_name = tuple(sorted(fields, key=lambda f: (slugify(f.name), fold(f.name))))
    listings = Listings.build(by_name, questions.questions, writeups, drafts=drafts)
    return Index(
        fields=by_name,
        question_catalog=questions,
        listings=listings,
        introductions=Introductions.build(listings),
        queue=ReadersQueue.build(asks, listings),
        group_names=group_names,
    )


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
