"""The other bases the plugin is tested on, each in its own environment (`nox`).

- `properdocs`: the tests that build sites for real (`BUILDS`) run with ProperDocs, the
  maintained fork of MkDocs, instead of MkDocs: their in-process builds with ProperDocs' own
  loader and build, its modules standing in for MkDocs' as on its command line (the plugin's
  `mkdocs.*` imports included), and their command-line runs with `python -m properdocs`.
- `zensical`: the folder `generate` writes, built with Zensical (which runs no MkDocs
  plugins) from the shipped plugin-less configuration, mkdocs.generated.yml: every page type
  and link (tests/test_builders_without_plugins.py).
- `lowest`: the whole suite (but the browser tests) with the lowest versions of the runtime
  dependencies that pyproject.toml allows (tests/lowest-requirements.txt).

The default environment (`.venv`, the README's test command) is MkDocs 1.6.1 with the newest
versions allowed.
"""

from __future__ import annotations

import nox

nox.options.sessions = ["properdocs", "zensical", "lowest"]
nox.options.default_venv_backend = "venv"
nox.options.error_on_missing_interpreters = True

BUILDS = [
    "tests/test_build.py",
    "tests/test_sample_site.py",
    "tests/test_reader_pages.py",
    "tests/test_publishing.py",
    "tests/test_network_and_asks.py",
    "tests/test_authoring.py",
    "tests/test_control_characters.py",
    "tests/test_generate_pages.py",
    "tests/test_hostile.py",
    "tests/test_listings_stay_whole.py",
    "tests/test_mistakes.py",
    "tests/test_readme.py",
    "tests/test_search.py",
    "tests/test_silent_changes.py",
]
"""The tests that build sites for real, but three that build some: test_fuzz.py and
test_properties.py (minutes of generated cases), and test_kept_back.py, which runs `check` in
process, where it would read ProperDocs' modules in place of the MkDocs it runs with."""

ENV = {"NO_MKDOCS_2_WARNING": "1"}


@nox.session
def properdocs(session: nox.Session) -> None:
    """The real builds, with ProperDocs."""
    session.install("properdocs>=1.6", "-e", ".[test]")
    session.run("python", "-m", "properdocs", "--version")
    session.run(
        "python", "-m", "pytest", "-q", "-p", "no:cacheprovider", *BUILDS,
        env={**ENV, "INTERVIEWS_BUILDER": "properdocs"},
    )  # fmt: skip


ZENSICAL = "zensical==0.0.73"
"""The newest Zensical that installs from the registry (later releases need a `zensical-ui`
package that it does not serve)."""


@nox.session
def zensical(session: nox.Session) -> None:
    """The generated folder, built with Zensical."""
    session.install(ZENSICAL, "-e", ".[test]")
    session.run("zensical", "--version")
    session.run(
        "python", "-m", "pytest", "-q", "-p", "no:cacheprovider",
        "tests/test_builders_without_plugins.py",
        env={**ENV, "INTERVIEWS_BUILDER": "zensical"},
    )  # fmt: skip


@nox.session
def lowest(session: nox.Session) -> None:
    """The whole suite but the browser tests, with the lowest versions allowed."""
    session.install("-e", ".[test]", "-c", "tests/lowest-requirements.txt")
    session.run("python", "-m", "pip", "freeze")
    session.run(
        "python", "-m", "pytest", "-q", "-p", "no:cacheprovider", "--ignore=tests/browser",
        env=ENV,
    )  # fmt: skip
