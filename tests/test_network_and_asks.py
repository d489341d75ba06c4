"""The web of introductions and the readers' question queue, as readers see them in a built site."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from conftest import Site, new_site, writeup

ASKS = """\
- id: editor-day
  question: What do editors do all day?
  field: Book publishing
  asked: 2025-01-10
  status: answered
  answered_in: editor
  matches: typical-day
- id: editor-day-again
  question: What's an editor's day like?
  field: Book publishing
  asked: 2025-02-01
  merged_into: editor-day
- id: radio-skills
  question: Which skills does radio need?
  field: Radio & podcasting
  asked: 2025-03-01
  status: with-network
  matches: skills
- id: music-start
  question: How do producers start out?
  field: Music production
  asked: 2025-04-01
  matches: getting-started
- id: salary
  question: What exactly do you earn?
  field: Music production
  asked: 2025-04-02
  status: declined
"""

WRITEUPS = {
    # A chain: editor -> agent -> designer; producer on their own.
    "interviews/editor.md": writeup(title="The editor", role="Editor", date="2025-04-02"),
    "interviews/agent.md": writeup(
        title="The agent", role="Agent", date="2025-05-02", extra="referred_by: editor\n"
    ),
    "interviews/designer.md": writeup(
        title="The designer", role="Designer", date="2025-06-02", extra="referred_by: agent\n"
    ),
    "interviews/producer.md": writeup(
        title="The producer",
        field="Music production",
        role="Producer",
        date="2025-07-02",
        questions=("typical-day", "skills"),
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    built = new_site(tmp_path_factory.mktemp("network"), {**WRITEUPS, "asks.yml": ASKS})
    built.build(strict=True)
    return built


def article(site: Site, url: str) -> BeautifulSoup:
    return BeautifulSoup(site.page(url), "html.parser").article


def section(page: BeautifulSoup, heading: str) -> list[str]:
    """The text of the list items under an h2, up to the next h2."""
    h2 = next(h for h in page.find_all("h2") if h.get_text(strip=True).rstrip("¶") == heading)
    items = []
    for sibling in h2.find_next_siblings():
        if sibling.name == "h2":
            break
        items += [" ".join(li.get_text(" ", strip=True).split()) for li in sibling.find_all("li")]
    return items


def test_network_page_nests_each_chain_from_its_first_interview(site: Site) -> None:
    page = article(site, "network")
    chain = page.find(id="chain-editor")
    assert chain.get_text(strip=True).rstrip("¶") == "The editor"
    outer = chain.find_next_sibling("ul")
    first = outer.find("li")
    assert first.a.get_text() == "The editor"
    second = first.find("ul").find("li")
    assert second.a.get_text() == "The agent"
    assert "1 introduction from the first" in second.get_text()
    third = second.find("ul").find("li")
    assert third.a.get_text() == "The designer"
    assert "2 introductions from the first" in third.get_text()
    links = [a.get_text() for a in page.select("a[href*='interviews/']")]
    assert sorted(links) == ["The agent", "The designer", "The editor", "The producer"]
    assert section(page, "Met on their own") == ["The producer : Producer, Music production"]


def test_writeups_link_their_chain(site: Site) -> None:
    """To the write-up's own place in its chain on the network page."""
    footer = article(site, "interviews/designer").select_one(".interviews-footer")
    link = footer.find("a", string="The whole chain of introductions")
    assert link["href"] == "../../network/#at-designer"
    place = article(site, "network").find(id="at-designer")
    assert place.name == "li" and place.a.get_text() == "The designer"
    assert place.find_parent("ul").find_previous("h2")["id"] == "chain-editor"
    assert footer.find("a", string="The agent")["href"] == "../agent/"
    alone = article(site, "interviews/producer").select_one(".interviews-footer")
    assert alone.find("a", string="The whole chain of introductions") is None


def test_field_pages_show_waiting_and_answered_questions(site: Site) -> None:
    music = article(site, "fields/music-production")
    assert section(music, "Readers are asking") == [
        "“How do producers start out?” (asked 1 April 2025)"
    ]
    radio = article(site, "fields/radio-podcasting")
    assert section(radio, "Readers are asking") == [
        "“Which skills does radio need?” (asked 1 March 2025; someone in the field has it)"
    ]
    books = article(site, "fields/book-publishing")
    assert section(books, "Recently answered") == [
        "“What do editors do all day?”: answered in The editor"
    ]
    assert not [h for h in books.find_all("h2") if "Readers are asking" in h.get_text()]


def test_ask_page_shows_the_queue_by_field(site: Site) -> None:
    page = article(site, "ask")
    queue = page.find(id="queue")
    fields = [h.get_text(strip=True).rstrip("¶") for h in queue.find_all_next("h3")]
    assert fields == ["Book publishing", "Music production", "Radio & podcasting"]
    items = [" ".join(li.get_text(" ", strip=True).split()) for li in queue.find_all_next("li")]
    assert items == [
        "“What do editors do all day?” (asked 10 January 2025): answered in The editor · asked "
        "again 1 February 2025: “What's an editor's day like?”",
        "“What exactly do you earn?” (asked 2 April 2025): declined",
        "“How do producers start out?” (asked 1 April 2025): waiting",
        "“Which skills does radio need?” (asked 1 March 2025): with someone in the field",
    ]


def test_matrix_marks_cells_readers_are_asking(site: Site) -> None:
    matrix = article(site, "questions/matrix").select_one(".interviews-matrix table")
    columns = [th.get_text(strip=True) for th in matrix.thead.find_all("tr")[-1].find_all("th")]
    rows = {tr.th.get_text(strip=True): tr.find_all("td") for tr in matrix.select("tbody tr")}
    started = rows["Music production"][columns.index("How did you get started in this field?")]
    assert started.a.get_text() == "?"
    assert started.a["aria-label"] == (
        "Music production, How did you get started in this field?: no answer yet, 1 reader "
        "asking, see the queued question"
    )
    assert started.a["href"] == "../../ask/#ask-music-start"
    radio_skills = rows["Radio & podcasting"][
        columns.index("What skills matter most in your work?")
    ]
    assert radio_skills.a.get_text() == "?"
    # An answered ask marks nothing; a plain gap is a '+'.
    books_day = rows["Book publishing"][columns.index("What does a typical day look like?")]
    assert books_day.a.get_text(strip=True) == "3"
    assert rows["Book publishing"][columns.index("Who else should I talk to?")].a.get_text() == "+"


def test_an_answering_writeup_says_so(site: Site) -> None:
    header = article(site, "interviews/editor").select_one(".interviews-meta")
    text = " ".join(header.get_text(" ", strip=True).split())
    assert (
        "This answers a reader's question: “What do editors do all day?” (asked 10 January 2025)"
        in text
    )
    other = article(site, "interviews/agent").select_one(".interviews-meta")
    assert "reader's question" not in other.get_text()
