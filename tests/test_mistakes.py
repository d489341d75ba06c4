"""Every kind of mistake at once (tests/cases/mistakes.yml): one run reports each exactly,
and a build without --strict still publishes every write-up."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import pytest
from mistakes import files_of, load

from conftest import ROOT, catalogs
from mkdocs_interviews import project, read_project, writeups
from mkdocs_interviews.cli import main
from mkdocs_interviews.project import check_content

ENTRIES = load()
TOGETHER = [entry for entry in ENTRIES if not entry.get("separate") and not entry.get("disk")]
ON_DISK = [entry for entry in ENTRIES if entry.get("disk")]


def sources_for(entries: list[dict]) -> dict[str, bytes]:
    sources = {name: text.encode() for name, text in catalogs().items()}
    for entry in entries:
        sources.update(files_of(entry))
    return sources


def test_there_are_enough_kinds_of_mistake() -> None:
    assert len(ENTRIES) >= 25
    paths = [path for entry in ENTRIES for path in entry["files"] if path.startswith("interviews")]
    assert len(paths) == len(set(paths)), "each mistake has files of its own"


@pytest.fixture(scope="module")
def together() -> list[str]:
    return [str(problem) for problem in read_project(sources_for(TOGETHER)).problems]


def test_one_run_reports_every_mistake_and_nothing_else(together: list[str]) -> None:
    expected = [message for entry in TOGETHER for message in entry["messages"]]
    assert Counter(together) == Counter(expected)


@pytest.mark.parametrize("entry", TOGETHER, ids=[entry["mistake"] for entry in TOGETHER])
def test_each_mistake_in_order(entry: dict, together: list[str]) -> None:
    files = set(entry["files"])
    mine = [message for message in together if message.split(":")[0] in files]
    assert mine == entry["messages"]


@pytest.mark.parametrize(
    "entry",
    [entry for entry in ENTRIES if entry.get("separate")],
    ids=[entry["mistake"] for entry in ENTRIES if entry.get("separate")],
)
def test_mistakes_made_on_their_own(entry: dict) -> None:
    problems = [str(problem) for problem in read_project(sources_for([entry])).problems]
    assert problems == entry["messages"]


@pytest.mark.parametrize("entry", ON_DISK, ids=[entry["mistake"] for entry in ON_DISK])
def test_mistakes_of_a_site_on_disk(entry: dict, make_site, capsys) -> None:
    # Names and links that only a folder on disk can have: `check` (which lists the files as
    # MkDocs does) reports each; the build reports the same (tests/test_kept_back.py).
    site = make_site(sources_for([entry]))
    for name in entry.get("latin1_names", []):  # a name saved in another encoding
        path = site.docs / os.fsdecode(name.encode("latin-1"))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"---\ntitle: x\n---\n")
    for link, target in entry.get("links", {}).items():
        (site.docs / link).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, site.docs / link)
    capsys.readouterr()
    assert main(["--config", str(site.root / "mkdocs.yml"), "check"]) == 1
    assert capsys.readouterr().out.splitlines() == entry["messages"]


def test_check_reports_them_all_in_one_run(make_site) -> None:
    site = make_site(sources_for(TOGETHER))
    result = site.check()
    assert result.returncode == 1
    expected = [message for entry in TOGETHER for message in entry["messages"]]
    assert Counter(result.stdout.splitlines()) == Counter(expected)


def _read_and_note_process(*args: object) -> writeups.Document:
    # Runs in whichever process reads the write-up: notes which one, for the tests below.
    with open(os.environ["READERS_FILE"], "a", encoding="utf-8") as file:
        file.write(f"{os.getpid()}\n")
    return writeups.read_writeup(*args)  # type: ignore[arg-type]


@pytest.fixture
def readers(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A file that lists the process that read each write-up; any number of them is parallel."""
    noted = tmp_path / "readers"
    noted.touch()
    monkeypatch.setenv("READERS_FILE", str(noted))
    monkeypatch.setattr(project, "read_writeup", _read_and_note_process)
    monkeypatch.setattr(project, "PARALLEL_FROM", 2)
    return noted


PARALLEL_CHECK = """
import os, pickle, sys
from mkdocs_interviews import project, read_project, writeups

PARENT = os.getpid()

def read_and_note_process(*args):
    if sys.argv[3] == "die" and os.getpid() != PARENT:
        os._exit(1)  # a reader killed, by the system running out of memory say
    with open(sys.argv[2], "a", encoding="utf-8") as file:
        file.write(f"{os.getpid()}\\n")
    return writeups.read_writeup(*args)

project.read_writeup = read_and_note_process
project.PARALLEL_FROM = 2
sources = pickle.loads(open(sys.argv[1], "rb").read())
checked = project.check_content(sources, jobs=2)
assert checked.problems == read_project(sources).problems, "not the same problems"
print(os.getpid(), checked.writeups, len(checked.problems))
"""


def parallel_check(tmp_path: Path, readers_die: bool = False) -> tuple[str, set[str]]:
    """Run check_content(jobs=2) on the mistakes, in a process of its own: this one may have
    threads (a browser, a server) beside which check_content rightly declines to fork.
    The id of that process, and of each process that read a write-up."""
    sources = sources_for(TOGETHER)
    (tmp_path / "sources").write_bytes(pickle.dumps(sources))
    readers = tmp_path / "readers"
    readers.touch()
    result = subprocess.run(
        [sys.executable, "-c", PARALLEL_CHECK, str(tmp_path / "sources"), str(readers),
         "die" if readers_die else "live"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    pid, writeups_checked, problems = result.stdout.split()
    assert int(writeups_checked) == sum(1 for path in sources if path.startswith("interviews/"))
    assert int(problems) == sum(len(entry["messages"]) for entry in TOGETHER)
    return pid, set(readers.read_text().split())


def test_check_in_several_processes_reports_the_same(tmp_path: Path) -> None:
    pid, processes = parallel_check(tmp_path)
    assert pid in processes, "read_project reads in the process that calls it"
    assert len(processes) > 1, "check_content(jobs=2) reads in others"


def test_check_reads_in_turn_when_a_reader_dies(tmp_path: Path) -> None:
    pid, processes = parallel_check(tmp_path, readers_die=True)
    assert processes == {pid}


def test_check_reads_in_turn_beside_other_threads(readers: Path) -> None:
    # A serving process has threads; forking beside them is unsafe, so one process reads.
    done = threading.Event()
    thread = threading.Thread(target=done.wait)
    thread.start()
    try:
        checked = check_content(sources_for(TOGETHER), jobs=2)
    finally:
        done.set()
        thread.join()
    assert len(checked.problems) == sum(len(entry["messages"]) for entry in TOGETHER)
    assert set(readers.read_text().split()) == {str(os.getpid())}


def test_without_strict_every_writeup_is_published(make_site) -> None:
    site = make_site(sources_for(TOGETHER))
    site.build()
    published = site.root / "site" / "interviews"
    for path in (site.docs / "interviews").rglob("*.md"):
        page = published / path.stem / "index.html"
        assert page.is_file(), path
    assert (site.root / "site" / "fields" / "book-publishing" / "index.html").is_file()


def test_the_docs_table_is_up_to_date() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    from mistakes_table import PAGE, page

    assert PAGE.read_text(encoding="utf-8") == page(), "run scripts/mistakes_table.py"
