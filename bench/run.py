"""The benchmark: the build with the plugin against the floor, in the same run.

    python bench/run.py                      # N = 1,000 and 5,000, three rounds each
    python bench/run.py --sizes 500 --rounds 1 --blog

For each N it builds, alternating round by round, (a) the synthetic site with the plugin,
(b) the floor: the same write-ups and the same generated pages, written out as plain Markdown
by `generate` and built without the plugin, and (c) the write-ups alone, without the plugin
or any generated page (what any site of these write-ups costs). It prints the median wall
time, the peak memory and the size of each, the ratio a/b, the plugin's own time (reading,
cataloguing, rendering), the time of `check`, and, with --blog, the same corpus built with
Material's blog plugin. For every variant built it prints, in a table, the peak memory of its
build process (MB of 2**20 bytes) and the size in bytes of its search index (Material's
`search/search_index.json`), each also as a ratio to the floor's.
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

from mkdocs_interviews.generate import THEME_FOLDER

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import make_corpus  # noqa: E402

# Each build runs in a child process of its own, which reports its wall time and its own peak
# memory as it ends. Not `RUSAGE_CHILDREN` (the maximum over every child so far) and not
# `ru_maxrss` from `os.wait4` or from the child itself: on Linux a process's `ru_maxrss` starts
# at its parent's resident size when it is started (the kernel carries the high-water mark
# across exec), so it would never read below the runner's own. `VmHWM` in /proc/self/status
# is the high-water mark of the build's own memory; `ru_maxrss` is the fallback where there is
# no /proc (kilobytes, bytes on macOS).
MEASURE = """\
import resource, runpy, sys, time
def peak():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss if sys.platform == "darwin" else rss * 1024
sys.argv = ["mkdocs", *sys.argv[1:]]
start = time.perf_counter()
try:
    runpy.run_module("mkdocs", run_name="__main__")
except SystemExit as exit:
    code = exit.code or 0
else:
    code = 0
print("MEASURE", time.perf_counter() - start, peak(), code, file=sys.stderr)
"""


def build(root: Path, config: str = "mkdocs.yml") -> tuple[float, float]:
    """Build a site in a process of its own; its wall time (s) and that process's peak memory
    (MB of 2**20 bytes)."""
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
    return float(wall), int(rss) / 2**20


def size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def search_index_size(site: Path) -> int | None:
    """The size in bytes of the built site's search index (Material's), None if it has none."""
    index = site / "search" / "search_index.json"
    return index.stat().st_size if index.is_file() else None


def with_materials_search(root: Path) -> None:
    """The corpus site with Material's search and the plugin's option `search: theme`: every
    variant then has the same search, Material's, and these figures compare with the earlier
    ones. The plugin's own search (Pagefind, run after the build) is measured by search.py."""
    path = root / "mkdocs.yml"
    config: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    config["plugins"] = ["search", {"interviews": {"search": "theme"}}]
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")


def without_plugin(root: Path) -> dict[str, Any]:
    """The site's mkdocs.yml with `docs` for its docs folder and without the plugin."""
    config: dict[str, Any] = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = "docs"
    config["plugins"] = [p for p in config["plugins"] if "interviews" not in str(p)]
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
    # `generate` writes the template of the pages' head there, for the theme's custom_dir.
    config["theme"] = {**config["theme"], "custom_dir": f"docs/{THEME_FOLDER}"}
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


LABELS = {"plugin": "plugin", "floor": "floor", "alone": "write-ups alone", "blog": "blog"}


def print_variants(peak: dict[str, float], index: dict[str, int | None]) -> None:
    """The table of each variant built: its peak memory and its search index, and their ratios
    to the floor's."""
    print(
        f"          {'variant':<16} {'peak memory':>11} {'/ floor':>8} "
        f"{'search index':>19} {'/ floor':>8}"
    )
    for name, mb in peak.items():
        size, floor_size = index[name], index["floor"]
        if size is None:
            shown = f"{'(none)':>19} {'':>8}"
        else:
            ratio = f"{size / floor_size:6.2f} x" if floor_size else f"{'':>8}"
            shown = f"{size:>13,} bytes {ratio}"
        print(f"          {LABELS[name]:<16} {mb:8.0f} MB {mb / peak['floor']:6.2f} x {shown}")


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
        with_materials_search(root)
        floor = floor_site(root)
        alone = alone_site(root)
        blog = blog_site(root) if args.blog and n < (args.single_round_from or n + 1) else None
        times: dict[str, list[float]] = {"plugin": [], "floor": [], "alone": [], "blog": []}
        memory: dict[str, list[float]] = {"plugin": [], "floor": [], "alone": [], "blog": []}
        rounds = args.rounds
        if args.single_round_from is not None and n >= args.single_round_from:
            rounds = 1
        variants = (("plugin", root), ("floor", floor), ("alone", alone), ("blog", blog))
        for round_number in range(rounds):
            for name, folder in variants:
                if folder is None or (name == "blog" and round_number >= args.blog_rounds):
                    continue
                wall, rss = build(folder)
                times[name].append(wall)
                memory[name].append(rss)
        built = {name: folder for name, folder in variants if folder is not None and memory[name]}
        peak = {name: max(memory[name]) for name in built}
        index = {name: search_index_size(folder / "site") for name, folder in built.items()}
        own = plugin_time(root)
        row = {
            "n": n,
            "plugin": statistics.median(times["plugin"]),
            "floor": statistics.median(times["floor"]),
            "alone": statistics.median(times["alone"]),
            "plugin_mb": max(memory["plugin"]),
            "floor_mb": max(memory["floor"]),
            "peak_mb": peak,
            "index_bytes": index,
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
        print_variants(peak, index)
    sizes = sorted(results)
    if len(sizes) > 1:
        small, large = results[sizes[0]], results[sizes[-1]]
        small_index, large_index = small["index_bytes"]["plugin"], large["index_bytes"]["plugin"]
        print(
            f"growth N={sizes[0]} -> {sizes[-1]} ({sizes[-1] / sizes[0]:.0f} x): build "
            f"{large['plugin'] / small['plugin']:.2f} x, floor "
            f"{large['floor'] / small['floor']:.2f} x, peak memory "
            f"{large['plugin_mb'] / small['plugin_mb']:.2f} x"
            + (
                f", search index {large_index / small_index:.2f} x"
                if small_index and large_index
                else ""
            )
        )


if __name__ == "__main__":
    main()
