"""`python -m mkdocs_interviews check`: every problem printed, the exit status, JSON output."""

from __future__ import annotations

import json

from conftest import run, writeup
from mkdocs_interviews.cli import main

BAD = writeup(field="Publshing", extra="feild: x\n")


def test_check_passes_a_valid_site(make_site) -> None:
    site = make_site({"interviews/editor.md": writeup()})
    result = site.check()
    assert result.returncode == 0
    assert result.stdout == ""
    assert result.stderr.strip() == "No problems: 1 write-up checked."


def test_check_prints_every_problem_and_fails(make_site) -> None:
    site = make_site(
        {
            "interviews/bad.md": BAD,
            "interviews/empty.md": "",
            "interviews/good.md": writeup(),
        }
    )
    result = site.check()
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "interviews/bad.md:3: field 'Publshing' is not in fields.yml (did you mean 'Publishing'?)",
        "interviews/bad.md:7: unknown key 'feild' (did you mean 'field'?)",
        "interviews/empty.md: the file is empty (start it with front matter: title, field, role, "
        "date and questions between two '---' lines)",
    ]
    assert result.stderr.strip() == "3 problems in 2 files (3 write-ups checked)"


def test_check_json(make_site) -> None:
    site = make_site({"interviews/bad.md": BAD})
    result = site.check("--format", "json")
    assert result.returncode == 1
    assert json.loads(result.stdout) == [
        {
            "file": "interviews/bad.md",
            "line": 3,
            "key": "field",
            "message": "field 'Publshing' is not in fields.yml (did you mean 'Publishing'?)",
            "severity": "error",
        },
        {
            "file": "interviews/bad.md",
            "line": 7,
            "key": "feild",
            "message": "unknown key 'feild' (did you mean 'field'?)",
            "severity": "warning",
        },
    ]


def test_check_json_is_an_empty_list_when_all_is_well(make_site) -> None:
    site = make_site({"interviews/editor.md": writeup()})
    result = site.check("--format", "json")
    assert (result.returncode, json.loads(result.stdout)) == (0, [])


def test_check_reads_another_config_and_plugin_options(make_site, tmp_path) -> None:
    site = make_site(
        {"people/editor.md": writeup(field="Nowhere")},
        mkdocs_yml=(
            "site_name: x\nrepo_url: https://github.com/example/x\ndocs_dir: content\n"
            "plugins:\n  - interviews:\n"
            "      interviews_dir: people\n"
        ),
    )
    (site.root / "mkdocs.yml").rename(site.root / "other.yml")
    result = run(
        ["-m", "mkdocs_interviews", "check", "--config", str(site.root / "other.yml")],
        cwd=tmp_path,
    )
    assert result.returncode == 1
    assert result.stdout.startswith("people/editor.md:3: field 'Nowhere' is not in fields.yml")


def test_check_needs_the_plugin_enabled(make_site) -> None:
    site = make_site(mkdocs_yml="site_name: x\ndocs_dir: content\nplugins: [search]\n")
    result = site.check()
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "error: mkdocs.yml: the 'interviews' plugin is not enabled (add '- interviews' under "
        "'plugins:')"
    )


def test_check_reports_a_broken_plugin_option(make_site) -> None:
    site = make_site(
        mkdocs_yml="site_name: x\ndocs_dir: content\nplugins:\n  - interviews:\n"
        "      interviews_dir: 42\n"
    )
    result = site.check()
    assert result.returncode == 2
    assert result.stderr.startswith(
        "error: mkdocs.yml: Config value 'plugins': Plugin 'interviews' option 'interviews_dir':"
    )


def test_check_without_mkdocs_yml(tmp_path) -> None:
    result = run(["-m", "mkdocs_interviews", "check"], cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("error: mkdocs.yml: cannot read the site's configuration")


def test_check_reads_the_configuration_as_mkdocs_does(make_site, monkeypatch, capsys) -> None:
    # INHERIT and !ENV mean to check what they mean to the build.
    site = make_site({"people/editor.md": writeup(field="Nowhere")})
    (site.root / "base.yml").write_text(
        "site_name: Base\nrepo_url: https://github.com/example/x\n"
        "plugins:\n  - interviews:\n      interviews_dir: !ENV [WRITEUPS_DIR, interviews]\n",
        encoding="utf-8",
    )
    (site.root / "mkdocs.yml").write_text(
        "INHERIT: base.yml\ndocs_dir: content\n", encoding="utf-8"
    )
    monkeypatch.setenv("WRITEUPS_DIR", "people")
    assert main(["--config", str(site.root / "mkdocs.yml"), "check"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("people/editor.md:3: field 'Nowhere' is not in fields.yml")


def test_coverage_needs_no_ask_link(make_site, capsys) -> None:
    site = make_site(
        {"interviews/editor.md": writeup()},
        mkdocs_yml="site_name: x\ndocs_dir: content\nplugins:\n  - interviews\n",
    )
    config = str(site.root / "mkdocs.yml")
    assert main(["--config", config, "coverage"]) == 0
    assert "Book publishing" in capsys.readouterr().out
    # The build (and so check) refuses a site whose ask links would go nowhere.
    assert main(["--config", config, "check"]) == 2
    assert "repo_url" in capsys.readouterr().err
