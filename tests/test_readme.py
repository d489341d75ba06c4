"""The README's commands and examples are the ones that work."""

from __future__ import annotations

import dataclasses
import re
import shlex
import shutil
import textwrap

import yaml
from bs4 import BeautifulSoup

from conftest import MKDOCS_YML, ROOT, run, writeup
from mkdocs_interviews.cli import load_site
from mkdocs_interviews.config import InterviewsConfig
from mkdocs_interviews.project import Project

README = (ROOT / "README.md").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.DOTALL)


def sample_with(path: str, text: str) -> Project:
    """The sample site's content, read as the commands read it, with `text` added at `path`."""
    site = load_site(ROOT / "mkdocs.yml")
    files = site.files()
    return site.read(dataclasses.replace(files, sources={**files.sources, path: text.encode()}))


def test_two_commands_and_ci_runs_the_second() -> None:
    site_command, test_command = blocks("sh")[:2]
    assert "python3 -m venv .venv" in site_command
    assert "mkdocs serve" in site_command
    assert "pytest" in test_command
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command.strip() in ci.splitlines()


def test_writeup_example_is_valid() -> None:
    (example,) = [b for b in blocks("markdown") if b.startswith("---\n")]
    problems = sample_with("interviews/readme-example.md", example).problems
    assert [str(p) for p in problems] == []


def test_plugin_options_example_is_valid() -> None:
    (example,) = [b for b in blocks("yaml") if "interviews_dir" in b]
    options = yaml.safe_load(example)["plugins"][0]["interviews"]
    config = InterviewsConfig()
    config.load_dict(options)
    failed, warnings = config.validate()
    assert (failed, warnings) == ([], [])
    defaults = InterviewsConfig()
    defaults.validate()
    assert options == dict(defaults)  # the README shows the defaults


def test_template_override_example_builds(make_site) -> None:
    (config,) = [b for b in blocks("yaml") if "templates_dir" in b and "ask_url" not in b]
    (template,) = blocks("jinja")
    templates_dir = yaml.safe_load(config)["plugins"][0]["interviews"]["templates_dir"]
    site = make_site(
        {"interviews/editor.md": writeup()},
        mkdocs_yml=MKDOCS_YML.replace("  - interviews\n", config.split("plugins:\n")[1]),
    )
    (site.root / templates_dir).mkdir(parents=True)
    (site.root / templates_dir / "field.md.j2").write_text(template, encoding="utf-8")
    site.build(strict=True)
    page = BeautifulSoup(site.page("fields/book-publishing"), "html.parser")
    # The list the template makes (the trail back up, breadcrumbs, is an `ol` before it).
    items = [li.get_text(" ", strip=True) for li in page.select("article ul li")]
    assert items == ["From intern to editor , 2 April 2025"]
    assert page.select_one("article ul li a")["href"] == "../../interviews/editor/"


def test_shipped_templates_keep_their_line_breaks() -> None:
    # Jinja's trim_blocks eats the newline after a block tag that ends a line of text, which
    # would join Markdown lines; block tags stand on lines of their own. (The HTML templates
    # use it on purpose, to write a paragraph's lines as Python-Markdown writes them.)
    for template in (ROOT / "plugins" / "mkdocs_interviews" / "templates").glob("*.md.j2"):
        for number, line in enumerate(template.read_text(encoding="utf-8").splitlines(), 1):
            if line.rstrip().endswith("%}"):
                assert re.fullmatch(r"\s*\{%[^%]*%\}", line), f"{template.name}:{number}"


def test_asks_example_is_valid() -> None:
    (example,) = [textwrap.dedent(b) for b in blocks("yaml") if "archivist-day" in b]
    problems = [p for p in sample_with("asks.yml", example).problems if p.file == "asks.yml"]
    assert problems == []


def test_new_example_writes_where_the_readme_says(tmp_path) -> None:
    (command,) = [textwrap.dedent(b) for b in blocks("sh") if " new " in b]
    args = shlex.split(command.split("\n#")[0].replace("\\\n", " "))
    written = command.split("\n# ")[1].strip()
    site = tmp_path / "site"
    shutil.copytree(ROOT / "content", site / "content")
    shutil.copy(ROOT / "mkdocs.yml", site / "mkdocs.yml")
    date = written.split("/")[-1][:10]
    result = run([*args[1:], "--date", date], cwd=site)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == written
