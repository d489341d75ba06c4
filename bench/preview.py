"""The preview at scale: how long an author waits, after saving a write-up, to see the change
in `mkdocs serve`, with the plugin's `--dirty` rebuilds and with whole ones (issue 18).

    python bench/corpus.py 1000 /tmp/corpus-1000
    python bench/preview.py /tmp/corpus-1000 --edits 5

starts `mkdocs serve --livereload` on the corpus (on a free loopback port), `--dirty` and
not, one after the other and again (`--rounds`), and each time saves one write-up several
times (`--edits`, a new sentence at the end of an answer, a different write-up each time)
and times from the save to the moment the served page holds the sentence (polled every 50
ms). It prints each wait, and the medians with their ratio: the `--dirty` rebuild's wait
against the whole one's. The serve command is the README's; nothing else should run on the
machine meanwhile (both kinds are measured in the same run, alternating, so a busy machine
slows both).
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

POLL = 0.05
TIMEOUT = 900.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, text: str, since: float) -> float:
    """Seconds from `since` until the page at `url` holds `text`."""
    while time.monotonic() - since < TIMEOUT:
        page = fetch(url)
        if page is not None and text in page:
            return time.monotonic() - since
        time.sleep(POLL)
    raise TimeoutError(f"{url} never showed {text!r}")


def serve(corpus: Path, port: int, dirty: bool) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"]
    if dirty:
        command.append("--dirty")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.Popen(
        command,
        cwd=corpus,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def writeup_url(base: str, path: Path) -> str:
    return f"{base}interviews/{path.stem}/"


def measure(corpus: Path, dirty: bool, edits: int, first: int, mount: str) -> list[float]:
    """The waits of `edits` saves in one serve of the corpus."""
    port = free_port()
    base = f"http://127.0.0.1:{port}{mount}"
    files = sorted((corpus / "content" / "interviews").rglob("*.md"))
    process = serve(corpus, port, dirty)
    try:
        wait_for(base, "</html>", time.monotonic())  # the first, whole build
        time.sleep(2)  # the watcher is set up after the first build
        waits = []
        for number in range(edits):
            path = files[(first + number * 37) % len(files)]
            mark = f"Saved at {time.time_ns()}."
            text = path.read_text(encoding="utf-8").rstrip("\n")
            since = time.monotonic()
            path.write_text(f"{text}\n\n{mark}\n", encoding="utf-8")
            waits.append(wait_for(writeup_url(base, path), mark, since))
            time.sleep(1)  # let the server settle before the next save
        return waits
    finally:
        os.killpg(process.pid, signal.SIGINT)
        process.wait(timeout=60)


def mount_path(corpus: Path) -> str:
    """Where serve mounts the site: the path of its `site_url`."""
    for line in (corpus / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith("site_url:"):
            url = line.split(":", 1)[1].strip()
            path = "/" + url.split("://", 1)[-1].partition("/")[2]
            return path if path.endswith("/") else path + "/"
    return "/"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="a folder made by bench/corpus.py")
    parser.add_argument("--edits", type=int, default=5, help="saves per serve")
    parser.add_argument("--rounds", type=int, default=1, help="serves of each kind")
    args = parser.parse_args()
    mount = mount_path(args.corpus)
    waits: dict[bool, list[float]] = {True: [], False: []}
    for round_ in range(args.rounds):
        for dirty in (False, True):
            found = measure(args.corpus, dirty, args.edits, round_ * 101, mount)
            waits[dirty].extend(found)
            kind = "--dirty" if dirty else "whole  "
            print(f"round {round_ + 1} {kind}: " + " ".join(f"{w:.2f}" for w in found), flush=True)
    dirty, whole = statistics.median(waits[True]), statistics.median(waits[False])
    print(f"median wait: --dirty {dirty:.2f} s, whole {whole:.2f} s, ratio {dirty / whole:.2f}")


if __name__ == "__main__":
    main()
