"""The benchmark's parts work: its corpus follows the contract it promises, and the runner
(the one command BENCHMARKS.md gives) builds every variant and prints its figures.

No figure is asserted: times are for the benchmark to print, never for a test to judge.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import frontmatter
import pytest

from mkdocs_interviews.cli import load_site

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from corpus import FIELDS, make_corpus  # noqa: E402


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    make_corpus(40, root)
    return root


def test_corpus_is_valid_content(corpus: Path) -> None:
    project = load_site(corpus / "mkdocs.yml").read()
    assert project.problems == ()
    assert len(project.writeups) == 40


def test_corpus_has_the_promised_shape(corpus: Path) -> None:
    assert len(FIELDS) >= 25
    assert any("&" in name for name in FIELDS)
    assert any(" " in name for name in FIELDS)
    assert any(not name.isascii() for name in FIELDS)
    for path in sorted((corpus / "content" / "interviews").glob("*.md")):
        post = frontmatter.load(path)
        assert 4 <= len(post["questions"]) <= 8, path.name
        assert post.content.count("\n## ") == len(post["questions"]), path.name
        words = len(post.content.split())
        assert 600 <= words <= 1200, (path.name, words)
    text = "".join(p.read_text(encoding="utf-8") for p in corpus.glob("content/interviews/*"))
    assert "](https://" in text and "\n- " in text and "**" in text


def test_corpus_is_deterministic(corpus: Path, tmp_path: Path) -> None:
    make_corpus(40, tmp_path)
    for path in sorted((corpus / "content").rglob("*")):
        if path.is_file():
            again = tmp_path / path.relative_to(corpus)
            assert again.read_bytes() == path.read_bytes(), path.name


@pytest.fixture(scope="module")
def runner(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """The runner's output on its smallest corpora, every variant built, and where it built."""
    work = tmp_path_factory.mktemp("runner")
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--sizes", "10", "12", "--rounds", "1",
         "--blog", "--work", str(work)],
        capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout, work


def test_runner_builds_every_variant_and_prints_figures(runner: tuple[str, Path]) -> None:
    out, tmp_path = runner
    assert re.search(r"CPUs, .+, Python 3\.\d+.*, mkdocs \d", out)
    for n in (10, 12):
        assert re.search(
            rf"N=\s+{n}\s+plugin\s+[\d.]+ s\s+floor\s+[\d.]+ s\s+ratio [\d.]+\s+peak .* "
            r"write-up page [\d.]+ kB",
            out,
        ), out
    assert re.search(r"plugin's own [\d.]+ s \(read .*\)\s+check [\d.]+ s", out)
    assert re.search(
        r"write-ups alone\s+[\d.]+ s\s+\(the plugin's site [\d.]+ x, the floor [\d.]+ x\)\s+"
        r"blog [\d.]+ s \([\d.]+ x the plugin, [\d.]+ x the write-ups alone\)",
        out,
    ), out
    assert "growth N=10 -> 12" in out
    # Each variant really built its site: the write-ups' pages and the generated pages.
    for site in ("n12/site", "n12-floor/site"):
        assert (tmp_path / site / "interviews" / "w00007" / "index.html").is_file(), site
        assert (tmp_path / site / "questions" / "index.html").is_file(), site
    assert list((tmp_path / "n12-blog" / "site" / "blog").rglob("index.html"))
    alone = tmp_path / "n12-alone" / "site"
    assert (alone / "interviews" / "w00007" / "index.html").is_file()
    assert not (alone / "questions").exists(), "the write-ups alone have no generated page"


def test_runner_prints_each_variants_peak_memory_and_search_index(
    runner: tuple[str, Path],
) -> None:
    out, work = runner
    for n in (10, 12):
        block = out.split(f"N={n:>6}", 1)[1].split("\nN=", 1)[0]
        assert re.search(r"variant\s+peak memory\s+/ floor\s+search index\s+/ floor", block)
        rows = {
            label: (float(peak), int(index.replace(",", "")))
            for label, peak, index in re.findall(
                r"^ +(plugin|floor|write-ups alone|blog) +([\d.]+) MB +[\d.]+ x +([\d,]+) bytes",
                block,
                re.MULTILINE,
            )
        }
        assert set(rows) == {"plugin", "floor", "write-ups alone", "blog"}, block
        for label, (peak, index) in rows.items():
            assert peak > 10, (n, label, peak)  # MB: a Python process building a site
            assert index > 0, (n, label)
        built = work / f"n{n}" / "site" / "search" / "search_index.json"
        assert rows["plugin"][1] == built.stat().st_size
    assert re.search(r"growth N=10 -> 12 .*, search index [\d.]+ x", out)


def test_own_work_is_timed_part_by_part_and_profiled(corpus: Path) -> None:
    own = [sys.executable, str(ROOT / "bench" / "own.py"), str(corpus / "mkdocs.yml")]
    timed = subprocess.run(own, capture_output=True, text=True, check=True)
    parts = json.loads(timed.stdout)
    assert set(parts) == {"read", "index", "pages", "decorate"}
    assert all(seconds > 0 for seconds in parts.values())
    profiled = subprocess.run([*own, "--profile"], capture_output=True, text=True, check=True)
    for part in ("Site.read", "SiteBuild.files", "Renderer.html", "Renderer.decoration"):
        assert part in profiled.stdout, part


def test_check_of_a_large_site_in_several_processes_prints_the_same(tmp_path: Path) -> None:
    # 500 write-ups: enough for `check` to fork its readers (PARALLEL_FROM).
    make_corpus(500, tmp_path)
    interviews = tmp_path / "content" / "interviews"
    for name, old, new in (
        ("w00003.md", "\nfield: ", "\nfield: Not a field "),
        ("w00251.md", "\nrole: ", "\nreferred_by: nobody-here\nrole: "),
        ("w00499.md", "\n## ", "\n### "),
    ):
        path = interviews / name
        path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    outputs = []
    for jobs in ("1", "2"):
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs_interviews", "check", "--jobs", jobs],
            cwd=tmp_path, capture_output=True, text=True,
        )  # fmt: skip
        assert result.returncode == 1, result.stderr
        outputs.append((result.stdout, result.stderr))
    assert outputs[0] == outputs[1]
    stdout, stderr = outputs[0]
    assert stderr.strip().endswith("(500 write-ups checked)")
    for name in ("w00003.md", "w00251.md", "w00499.md"):
        assert f"interviews/{name}:" in stdout, name
    assert "'referred_by' names 'nobody-here'" in stdout
