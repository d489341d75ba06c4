"""The command line: `python -m mkdocs_interviews check`, over the same core as the plugin."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from .config import InterviewsConfig
from .project import Options, read_project, read_sources

PLUGIN_NAME = "interviews"


class UsageError(Exception):
    """The command cannot run: a missing or broken mkdocs.yml, say."""


@dataclass(frozen=True)
class Site:
    """What the commands need from mkdocs.yml."""

    docs_dir: Path
    options: Options


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running anything: `!ENV`, `!relative` and `!!python/name:`
    tags, which MkDocs resolves, read as plain values here."""


def _any_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> object:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_ConfigLoader.add_multi_constructor("!", _any_tag)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _any_tag)


def load_site(config_file: Path) -> Site:
    """The docs folder and the `interviews` plugin's options from an mkdocs.yml.

    The file is read as YAML rather than through MkDocs, so that checking content needs no
    theme or other plugin installed, and works for builders that read mkdocs.yml too.
    """
    try:
        text = config_file.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise UsageError(
            f"{config_file}: cannot read the site's configuration ({error.strerror})"
        ) from error
    try:
        config = yaml.load(text, Loader=_ConfigLoader) or {}
    except yaml.YAMLError as error:
        raise UsageError(f"{config_file}: not valid YAML ({error})") from error
    if not isinstance(config, dict):
        raise UsageError(f"{config_file}: must be a mapping of MkDocs settings")
    plugin_options: dict[str, object] | None = None
    plugins = config.get("plugins")
    entries = list(plugins.items()) if isinstance(plugins, dict) else plugins or []
    for entry in entries:
        if isinstance(entry, tuple):
            name, value = entry
        elif isinstance(entry, dict) and len(entry) == 1:
            name, value = next(iter(entry.items()))
        else:
            name, value = entry, None
        if name == PLUGIN_NAME:
            plugin_options = value if isinstance(value, dict) else {}
    if plugin_options is None:
        raise UsageError(
            f"{config_file}: the '{PLUGIN_NAME}' plugin is not enabled (add '- {PLUGIN_NAME}' "
            "under 'plugins:')"
        )
    # The plugin's own Config class checks the options, so both agree on every rule.
    plugin_config = InterviewsConfig(config_file_path=str(config_file))
    plugin_config.load_dict(plugin_options)
    failed, _warnings = plugin_config.validate()
    if failed:
        key, problem = failed[0]
        raise UsageError(f"{config_file}: plugin '{PLUGIN_NAME}', option '{key}': {problem}")
    docs_dir = config.get("docs_dir", "docs")
    return Site(config_file.parent / str(docs_dir), plugin_config.options())


def check(site: Site, output_format: str) -> int:
    """Validate all content; print every problem; 1 when there are problems, else 0."""
    project = read_project(read_sources(site.docs_dir, site.options), site.options)
    problems = project.problems
    if output_format == "json":
        print(json.dumps([problem.to_dict() for problem in problems], indent=2, ensure_ascii=False))
    else:
        for problem in problems:
            print(problem)
        files = len({problem.file for problem in problems})
        count = len(project.documents)
        if problems:
            print(
                f"{_plural(len(problems), 'problem')} in {_plural(files, 'file')} "
                f"({count} write-ups checked)",
                file=sys.stderr,
            )
        else:
            print(f"No problems: {_plural(count, 'write-up')} checked.", file=sys.stderr)
    return 1 if problems else 0


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m mkdocs_interviews",
        description="Tools for informational-interview sites built with the 'interviews' "
        "MkDocs plugin.",
    )
    parser.add_argument(
        "-f",
        "--config",
        type=Path,
        default=Path("mkdocs.yml"),
        help="the site's configuration (default: mkdocs.yml in the current folder)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check_parser = commands.add_parser(
        "check",
        help="check every write-up and catalog without building; exit 1 on any problem",
        description="Check every write-up and catalog without building the site. Prints every "
        "problem, file first; exits 1 when there is any, 0 otherwise.",
    )
    check_parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (one problem a line) or json (a list of objects: file, line, key, message, "
        "severity)",
    )
    check_parser.add_argument(
        "-f", "--config", type=Path, default=argparse.SUPPRESS, help="as above"
    )
    args = parser.parse_args(argv)
    try:
        site = load_site(args.config)
        return check(site, args.format)
    except UsageError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
