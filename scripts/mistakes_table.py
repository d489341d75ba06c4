"""Write docs/mistakes.md, the table of mistakes and messages, from tests/cases/mistakes.yml.

    .venv/bin/python scripts/mistakes_table.py

tests/test_mistakes.py checks every row, and that the page is up to date.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from mistakes import load, table  # noqa: E402

PAGE = ROOT / "docs" / "mistakes.md"
INTRO = """\
# Mistakes, and what the author sees

Every kind of mistake tried on the plugin, and the exact message `python -m mkdocs_interviews
check` prints for it (`mkdocs build` logs the same messages as warnings, so `--strict` fails).
All of them are made at once in one test site (`tests/test_mistakes.py`): one run reports
every one, and a build without `--strict` still publishes every write-up as a page. The rows
come from `tests/cases/mistakes.yml`; `scripts/mistakes_table.py` writes this page from it.

"""


def page() -> str:
    return INTRO + table(load())


if __name__ == "__main__":
    PAGE.write_text(page(), encoding="utf-8")
    print(PAGE)
