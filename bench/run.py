"""The benchmark: the build with the plugin against the floor, in the same run.

    python bench/run.py                      # N = 1,000 and 5,000, three rounds each
    python bench/run.py --sizes 500 --rounds 1 --blog

For each N it builds, alternating round by round, (a) the synthetic site with the plugin,
(b) the floor: the same write-ups and the same generated pages, written out as plain Markdown
by `generate` and built without the plugin, and (c) the write-ups alone, without the plugin
or any generated page (what any site of these write-ups costs). It prints the median wall
time, the peak memory and the size of each, the ratio a/b, the plugin's own time (reading,
cataloguing, rendering), the time of `check`, and, with --blog, the same corpus built with
Material's blog plugin.
Figures from one run are compared with each other only: these machines are shared and noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import make_corpus  # noqa: E402

MEASURE = """\
import resource, runpy, sys, time
sys.argv = ["mkdocs", *sys.argv[1:]]
start = time.perf_counter()
try:
    runpy.run_module("mkdocs", run_name="__main__")
except SystemExit as exit:
    code = exit.code or 0
else:
    code = 0
print("MEASURE", time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
      code, file=sys.stderr)
"""


def build(root: Path, config: str = "mkdocs.yml") -> tuple[float, float]:
    """Build a site; its wall time (s) and peak memory (MB)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1750000000"}
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, "build", "-q", "-f", config],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
    )
    line = [line for line in result.stderr.splitlines() if line.startswith("MEASURE")]
    if result.returncode or not line or line[-1].split()[3] != "0":
        raise SystemExit(f"build failed in {root}:\n{result.stderr[-3000:]}")
    _, wall, rss, _ = line[-1].split()
    return float(wall), int(rss) / 1024


def size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def without_plugin(root: Path) -> dict[str, Any]:
    """The site's mkdocs.yml with `docs` for its docs folder and without the plugin."""
    config: dict[str, Any] = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = "docs"
    config["plugins"] = [p for p in config["plugins"] if p != "interviews"]
    return config


def floor_site(root: Path) -> Path:
    """The floor: `generate` writes the pages; a config builds them without the plugin."""
    floor = root.parent / (root.name + "-floor")
    shutil.rmtree(floor, ignore_errors=True)
    floor.mkdir()
    subprocess.run(
        [sys.executable, "-m", "mkdocs_interviews", "-f", str(root / "mkdocs.yml"), "generate",
         str(floor / "docs")],
        check=True,
        capture_output=True,
    )  # fmt: skip
    config = without_plugin(root)
    config["markdown_extensions"] = [*config["markdown_extensions"], "md_in_html"]
    config["extra_css"] = ["assets/stylesheets/interviews.css"]
    (floor / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return floor


def alone_site(root: Path) -> Path:
    """The write-ups alone, as they are, without the plugin or any generated page."""
    alone = root.parent / (root.name + "-alone")
    shutil.rmtree(alone, ignore_errors=True)
    shutil.copytree(root / "content" / "interviews", alone / "docs" / "interviews")
    (alone / "docs" / "index.md").write_text("# Benchmark\n", encoding="utf-8")
    config = without_plugin(root)
    config["nav"] = [{"Home": "index.md"}]
    (alone / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return alone


def blog_site(root: Path) -> Path:
    """The same write-ups as posts of Material's blog plugin, fields as categories."""
    blog = root.parent / (root.name + "-blog")
    shutil.rmtree(blog, ignore_errors=True)
    posts = blog / "docs" / "blog" / "posts"
    posts.mkdir(parents=True)
    (blog / "docs" / "index.md").write_text("# Benchmark\n", encoding="utf-8")
    (blog / "docs" / "blog" / "index.md").write_text("# Blog\n", encoding="utf-8")
    for source in sorted((root / "content" / "interviews").glob("*.md")):
        _, front, body = source.read_text(encoding="utf-8").split("---\n", 2)
        meta = yaml.safe_load(front)
        fields = meta["field"] if isinstance(meta["field"], list) else [meta["field"]]
        post = {"title": meta["title"], "date": meta["date"], "categories": fields}
        text = f"---\n{yaml.safe_dump(post, allow_unicode=True)}---\n\n{body}"
        (posts / source.name).write_text(text, encoding="utf-8")
    config = {
        "site_name": "Benchmark",
        "site_url": "https://example.org/bench/",
        "theme": {"name": "material"},
        "plugins": ["search", "blog"],
        "markdown_extensions": ["attr_list", {"toc": {"permalink": True}}],
        "nav": [{"Home": "index.md"}, {"Blog": ["blog/index.md"]}],
    }
    (blog / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return blog


def plugin_time(root: Path, rounds: int = 3) -> dict[str, float]:
    """The plugin's own work, part by part (`own.py`): the median of `rounds` runs."""
    runs = []
    for _ in range(rounds):
        result = subprocess.run(
            [sys.executable, str(HERE / "own.py"), str(root / "mkdocs.yml")],
            capture_output=True,
            text=True,
            check=True,
        )
        runs.append(json.loads(result.stdout))
    return {part: statistics.median(run[part] for run in runs) for part in runs[0]}


def check_time(root: Path, rounds: int = 3) -> float:
    """The median wall time of `python -m mkdocs_interviews check`, start-up included."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "mkdocs_interviews", "check"], cwd=root, capture_output=True
        )
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def writeup_page_size(site: Path) -> float:
    """The mean size of a write-up's HTML page (bytes): it should not grow with N. (The corpus
    of each N is drawn anew, so one given write-up's page is no fair measure.)"""
    sizes = [page.stat().st_size for page in (site / "interviews").glob("*/index.html")]
    return statistics.mean(sizes)


def cpu_model() -> str:
    """The processor's name, from /proc/cpuinfo where there is one."""
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--blog", action="store_true", help="also build with the blog plugin")
    parser.add_argument(
        "--blog-rounds", type=int, default=1, help="rounds of the blog build (it is slow)"
    )
    parser.add_argument(
        "--single-round-from",
        type=int,
        default=None,
        help="one round only, and no blog build, for N at or above this (a 10,000 build takes "
        "minutes)",
    )
    parser.add_argument("--work", type=Path, help="where to write the corpora (default: temp)")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="interviews-bench-"))
    print(
        f"# {platform.platform()}, {os.cpu_count()} CPUs, {cpu_model()}, "
        f"Python {platform.python_version()}, mkdocs {version('mkdocs')}, "
        f"mkdocs-material {version('mkdocs-material')}, {time.strftime('%Y-%m-%d')}"
    )
    results = {}
    for n in args.sizes:
        root = work / f"n{n}"
        shutil.rmtree(root, ignore_errors=True)
        make_corpus(n, root)
        floor = floor_site(root)
        alone = alone_site(root)
        blog = blog_site(root) if args.blog and n < (args.single_round_from or n + 1) else None
        times: dict[str, list[float]] = {"plugin": [], "floor": [], "alone": [], "blog": []}
        memory: dict[str, list[float]] = {"plugin": [], "floor": [], "alone": [], "blog": []}
        rounds = args.rounds
        if args.single_round_from is not None and n >= args.single_round_from:
            rounds = 1
        for round_number in range(rounds):
            variants = (("plugin", root), ("floor", floor), ("alone", alone), ("blog", blog))
            for name, folder in variants:
                if folder is None or (name == "blog" and round_number >= args.blog_rounds):
                    continue
                wall, rss = build(folder)
                times[name].append(wall)
                memory[name].append(rss)
        own = plugin_time(root)
        row = {
            "n": n,
            "plugin": statistics.median(times["plugin"]),
            "floor": statistics.median(times["floor"]),
            "alone": statistics.median(times["alone"]),
            "plugin_mb": max(memory["plugin"]),
            "floor_mb": max(memory["floor"]),
            "plugin_site_mb": size(root / "site") / 1e6,
            "floor_site_mb": size(floor / "site") / 1e6,
            "writeup_kb": writeup_page_size(root / "site") / 1e3,
            "own": own,
            "check": check_time(root),
        }
        if blog is not None:
            row["blog"] = statistics.median(times["blog"])
        results[n] = row
        print(
            f"N={n:>6}  plugin {row['plugin']:7.1f} s  floor {row['floor']:7.1f} s  "
            f"ratio {row['plugin'] / row['floor']:.3f}  "
            f"peak {row['plugin_mb']:.0f} / {row['floor_mb']:.0f} MB  "
            f"site {row['plugin_site_mb']:.0f} / {row['floor_site_mb']:.0f} MB  "
            f"write-up page {row['writeup_kb']:.1f} kB (mean)"
        )
        print(
            f"          write-ups alone {row['alone']:7.1f} s  (the plugin's site "
            f"{row['plugin'] / row['alone']:.2f} x, the floor {row['floor'] / row['alone']:.2f} x)"
            + (
                f"  blog {row['blog']:.1f} s ({row['blog'] / row['plugin']:.2f} x the plugin, "
                f"{row['blog'] / row['alone']:.2f} x the write-ups alone)"
                if blog is not None
                else ""
            )
        )
        print(
            f"          plugin's own {sum(own.values()):.2f} s (read {own['read']:.2f}, index "
            f"{own['index']:.2f}, pages {own['pages']:.2f}, decorate {own['decorate']:.2f})  "
            f"check {row['check']:.2f} s"
        )
    sizes = sorted(results)
    if len(sizes) > 1:
        small, large = results[sizes[0]], results[sizes[-1]]
        print(
            f"growth N={sizes[0]} -> {sizes[-1]} ({sizes[-1] / sizes[0]:.0f} x): build "
            f"{large['plugin'] / small['plugin']:.2f} x, floor "
            f"{large['floor'] / small['floor']:.2f} x, peak memory "
            f"{large['plugin_mb'] / small['plugin_mb']:.2f} x"
        )


if __name__ == "__main__":
    main()
