"""Hostile answers and headings cost what their length costs, and "did you mean" stays quick
among thousands of names.

No test here asserts an absolute time (machines are shared and noisy): each measures how much
longer the same work takes on an input eight times as long, the best of a few alternating
runs, and asks that it be well under the 64 times of a quadratic cost (linear: 8). Each input
is one that took a quadratic or cubic time before (the figures are in the parameters' ids'
comments); a measurement that runs past HANG seconds fails at once, as a hang.
"""

from __future__ import annotations

import difflib
import random
import time
from collections.abc import Callable
from typing import Any

import pytest

from conftest import catalogs, writeup
from mkdocs_interviews import read_project
from mkdocs_interviews.excerpts import excerpt, references
from mkdocs_interviews.sections import scan_headings
from mkdocs_interviews.text import closest

FACTOR = 8
LINEAR_ENOUGH = 24
"""The most a linear cost may grow by over FACTOR times the input (quadratic: 64)."""
HANG = 20.0
"""Seconds after which one measurement is a hang, whatever the ratio would have been."""


def seconds_per_call(work: Callable[[Any], object], argument: Any) -> float:
    """How long one call takes: calls repeated until they add up to 20 ms, the mean."""
    calls = 0
    start = time.perf_counter()
    while True:
        work(argument)
        calls += 1
        elapsed = time.perf_counter() - start
        assert elapsed < HANG, f"one call took {elapsed:.0f} s: a hang"
        if elapsed >= 0.02:
            return elapsed / calls


def growth(work: Callable[[Any], object], make: Callable[[int], Any], size: int) -> float:
    """How many times longer `work` takes on `make(FACTOR * size)` than on `make(size)`:
    the best of three alternating measurements of each."""
    inputs = (make(size), make(FACTOR * size))
    best = [float("inf"), float("inf")]
    for _ in range(3):
        for which, argument in enumerate(inputs):
            best[which] = min(best[which], seconds_per_call(work, argument))
    return best[1] / best[0]


def assert_linear(work: Callable[[Any], object], make: Callable[[int], Any], size: int) -> None:
    ratio = growth(work, make, size)
    assert ratio < LINEAR_ENOUGH, f"{FACTOR} times the input took {ratio:.0f} times as long"


# -- headings, through the reading of a whole site -----------------------------------------


def site_with(heading: str) -> dict[str, bytes]:
    body = (
        f"Intro.\n\n{heading}\n\n## How did you get started?\n\nAs an intern.\n\n"
        "## What does a typical day look like?\n\nMeetings.\n"
    )
    sources = {name: text.encode() for name, text in catalogs().items()}
    return {**sources, "interviews/editor.md": writeup(body=body).encode()}


HEADINGS = [
    # 200,000 spaces took 47 s to check: the attribute list's pattern started at each space.
    pytest.param(lambda n: "## x" + " " * n + "}", 4_000, id="spaces before a closing brace"),
    pytest.param(lambda n: "#x" + " " * n + "#x", 4_000, id="spaces before a hash"),
    # Cubic: 10,000 spaces took 7 minutes.
    pytest.param(lambda n: "## {" + " " * n + "x", 100, id="spaces after an opening brace"),
    pytest.param(lambda n: "## { #id" + " " * n + ".x", 4_000, id="spaces inside a list"),
    # The shapes reported with the issue (never slow here, kept so that they stay so).
    pytest.param(lambda n: "#" + " " * n + "x", 20_000, id="spaces after the hash"),
    pytest.param(lambda n: "## " + " " * n + "{", 20_000, id="spaces before an opening brace"),
    pytest.param(lambda n: "## x" + " #" * n + "y", 10_000, id="hashes and spaces"),
]


@pytest.mark.parametrize(("heading", "size"), HEADINGS)
def test_reading_a_hostile_heading_is_linear(heading: Callable[[int], str], size: int) -> None:
    assert_linear(read_project, lambda n: site_with(heading(n)), size)


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(lambda n: "<!--\n" * n + "## After", id="comments never closed"),
        pytest.param(lambda n: "<!-- x -->\n" * n + "## After", id="comments closed"),
        pytest.param(lambda n: "```\n" * n + "## After", id="fences"),
        pytest.param(lambda n: "x\n---\n\n" * n, id="setext headings"),
    ],
)
def test_scanning_many_candidate_lines_is_linear(body: Callable[[int], str]) -> None:
    assert_linear(scan_headings, body, 2_000)


# -- excerpts ------------------------------------------------------------------------------

WORDS = "word " * 70

ANSWERS = [
    # 20,000 spaces on a paragraph's second line took 4 s: the table rule's pattern allowed
    # spaces on both sides of a pipe.
    pytest.param(lambda n: "Para\n" + " " * n + "x", 2_000, id="spaces on a second line"),
    pytest.param(lambda n: "Para\n-" + " " * n + "x", 2_000, id="a dash then spaces"),
    # 4,000 backticks took 1 s, 8,000 took 7 s: a code span's opening run tried every length.
    pytest.param(lambda n: "x` " + "`" * n + " " + WORDS, 500, id="a run of backticks"),
    # 80,000 lines took 76 s: a label could run over lines, to the end of the text.
    pytest.param(lambda n: "[a\n" * n, 500, id="labels never closed"),
    pytest.param(lambda n: "[a]: b (x\n" * n, 500, id="titles never closed"),
    pytest.param(lambda n: '[a]: b "x\n' * n, 500, id="quoted titles never closed"),
    # Lines added one by one to the paragraph's string: 80,000 took 1.4 s.
    pytest.param(lambda n: "Para\n" + "[a]: b\n" * n, 10_000, id="a paragraph of many lines"),
    # New cases (comments and raw HTML were not looked at before): they must stay linear.
    pytest.param(lambda n: "Para <!--\n" + "x\n" * n, 10_000, id="a comment never closed"),
    pytest.param(lambda n: "Para " + "<!-- x -->" * n, 2_000, id="many comments"),
    pytest.param(lambda n: "Para " + "<b>" * n, 2_000, id="many open tags"),
    pytest.param(lambda n: "Para " + "<b>" * n + "</i>" * n, 2_000, id="many stray end tags"),
    pytest.param(lambda n: "Para " + "<b" * n, 2_000, id="many broken tags"),
    pytest.param(lambda n: "Para " + "`a``" * n, 2_000, id="many runs of backticks"),
    pytest.param(lambda n: "Para " + '<a x="' * n, 2_000, id="many quoted values"),
    # The shapes reported with the issue (never slow here, kept so that they stay so).
    pytest.param(lambda n: "Para\n|" + "-" * n, 20_000, id="a long table rule"),
    pytest.param(lambda n: "Para\n" + "| --- " * n, 5_000, id="a long table rule of cells"),
    pytest.param(lambda n: "Para\n" + "-|" * n, 10_000, id="a long rule of dashes and pipes"),
    pytest.param(lambda n: "[a]: b\n" * n, 4_000, id="many link definitions"),
]


def excerpt_with_references(answer: str) -> str:
    """What a listing makes of an answer: its excerpt, with the write-up's link definitions."""
    return excerpt(answer, 60, refs=references(answer))


@pytest.mark.parametrize(("answer", "size"), ANSWERS)
def test_an_excerpt_of_a_hostile_answer_is_linear(answer: Callable[[int], str], size: int) -> None:
    assert_linear(excerpt_with_references, answer, size)


# -- did you mean --------------------------------------------------------------------------

SLUG_WORDS = (
    "radio producer public station editor magazine city book publishing music studio film "
    "post house managing writer designer archive museum theatre nurse chef data"
).split()


def slugs(count: int) -> list[str]:
    """`count` write-up slugs like a site's: a date, then a few words."""
    rng = random.Random(count)
    made: dict[str, None] = {}
    while len(made) < count:
        date = f"20{rng.randint(10, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        made[date + "-" + "-".join(rng.sample(SLUG_WORDS, rng.randint(2, 4)))] = None
    return list(made)


def misspelt(slug: str) -> str:
    """`slug` with one letter dropped from its middle."""
    middle = len(slug) // 2
    return slug[:middle] + slug[middle + 1 :]


def suggest_for_each(names: list[str]) -> list[str | None]:
    """A suggestion for each name misspelt, among all the names: what `check` does for a
    site whose every write-up misspells its `referred_by`."""
    deadline = time.perf_counter() + HANG
    found = []
    for name in names:
        found.append(closest(misspelt(name), names))
        assert time.perf_counter() < deadline, f"{len(names)} suggestions took {HANG} s: a hang"
    return found


def test_did_you_mean_is_linear_in_the_number_of_mistakes_and_names() -> None:
    # 2,000 write-ups misspelling their `referred_by` took 109 s to check: each misspelt slug
    # was compared in full with every other slug (2,400 would take minutes). A look-up's own
    # cost grows a little with the names, until it reaches its bound (a few thousand of its
    # pieces' occurrences counted): half of quadratic is allowed.
    ratio = growth(suggest_for_each, slugs, 300)
    assert ratio < 32, f"{FACTOR} times the names and mistakes took {ratio:.0f} times as long"


def test_did_you_mean_still_finds_the_slug_among_thousands() -> None:
    names = slugs(3_000)
    assert suggest_for_each(names) == names


def test_did_you_mean_among_many_agrees_with_comparing_every_name() -> None:
    """Among many names only a few are compared in full; on typos of one to three letters,
    the suggestion is the one comparing every name gives, nearly always (near ties aside)."""
    names = slugs(1_000)
    rng = random.Random(7)
    agree = 0
    for _ in range(40):
        typo = list(rng.choice(names))
        for _ in range(rng.randint(1, 3)):
            typo[rng.randrange(len(typo))] = rng.choice("abcdefghijklmnopqrstuvwxyz-")
        word = "".join(typo)
        everyone = difflib.get_close_matches(word, names, n=1, cutoff=0.6)
        agree += closest(word, names) == (everyone[0] if everyone else None)
    assert agree >= 38


# -- headings, through Python-Markdown as the plugin hands them over -------------------------


def rendered(text: str) -> str:
    """A write-up's body as the build renders it, after the plugin has calmed its headings."""
    import markdown

    from mkdocs_interviews.safe_text import calm_headings

    return markdown.markdown(calm_headings(text), extensions=["attr_list", "md_in_html", "toc"])


@pytest.mark.parametrize(
    ("make", "size"),
    [
        # 200,000 spaces took 30 s to build: Python-Markdown's attribute lists on the heading.
        pytest.param(lambda n: "## x" + " " * n + "}\n", 2_000, id="spaces in a heading"),
        pytest.param(lambda n: "## {" + " " * n + "x\n", 2_000, id="spaces after a brace"),
    ],
)
def test_a_heading_of_spaces_builds_in_linear_time(make, size) -> None:
    assert_linear(rendered, make, size)


def test_calming_headings_changes_only_long_runs_in_headings() -> None:
    from mkdocs_interviews.safe_text import LONG_SPACES, calm_headings

    runs = LONG_SPACES * 2
    text = f"## Long{runs}heading\n\nA paragraph{runs}kept.\n\n```\n# code{runs}kept\n```\n"
    calmed = calm_headings(text)
    assert calmed.splitlines()[0] == "## Long heading"
    assert f"paragraph{runs}kept" in calmed and f"# code{runs}kept" in calmed
    assert calm_headings("## A   normal heading\n") == "## A   normal heading\n"
