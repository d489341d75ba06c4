"""The command line: `python -m mkdocs_interviews check | new | generate | coverage |
import-asks | notify`.

Every command reads the site's mkdocs.yml (the docs folder and the plugin's options) and
works over the same core as the plugin; but `notify`, which reads a built site.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from .config import InterviewsConfig
from .model import Field, Question
from .problems import github_annotation
from .project import Options, Project, check_content, read_project, unknown_introducer
from .render import SiteTemplateError
from .site_files import SiteFiles, read_site_files
from .writeups import check_field, check_questions

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from .build import SiteSettings

# The pages' machinery (Jinja, feeds) is imported by the commands that use it, so that
# `check`, run on every save by editors, starts fast.

PLUGIN_NAME = "interviews"


class UsageError(Exception):
    """The command cannot run: a missing or broken mkdocs.yml, say."""


@dataclass(frozen=True)
class Site:
    """What the commands need from mkdocs.yml, loaded by MkDocs itself."""

    config_file: Path
    docs_dir: Path
    options: Options
    plugin: InterviewsConfig
    mkdocs: MkDocsConfig
    """The whole configuration, as MkDocs loaded it."""

    def files(self) -> SiteFiles:
        """The catalogs and write-ups of the site, from MkDocs' own list of its files."""
        from mkdocs.structure.files import get_files

        return read_site_files(get_files(self.mkdocs), self.options)

    def read(self, files: SiteFiles | None = None) -> Project:
        """The content, read from `files` (by default, the site's)."""
        files = files or self.files()
        project = read_project(files.sources, self.options, files.held_back)
        if files.problems:
            problems = (*files.problems, *project.problems)
            project = dataclasses.replace(project, problems=problems)
        return project

    def settings(self) -> SiteSettings:
        """What the build needs from mkdocs.yml, as the plugin takes it."""
        from .config import site_settings
        from .question_form import QuestionFormError

        try:
            return site_settings(self.mkdocs, self.plugin)
        except QuestionFormError as error:
            raise UsageError(f"{self.config_file}: {error}") from error


def load_site(config_file: Path, *, pages: bool = True) -> Site:
    """The docs folder, the site's settings and the plugin's options from an mkdocs.yml.

    MkDocs' own loader reads it (`INHERIT`, `!ENV`, `exclude_docs`, every option checked), and
    the plugin checks its options as in a build, so the commands and the build agree. With
    `pages` false, the settings only the pages need (the ask link) are not checked.
    """
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, PluginError

    if not config_file.is_file():
        raise UsageError(f"{config_file}: cannot read the site's configuration (no such file)")
    messages = _Messages()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(messages)
    try:
        config = load_config(str(config_file))
        plugin = config.plugins.get(PLUGIN_NAME)
        if plugin is None:
            raise UsageError(
                f"{config_file}: the '{PLUGIN_NAME}' plugin is not enabled (add "
                f"'- {PLUGIN_NAME}' under 'plugins:')"
            )
        if pages:  # the plugin's own checks of the settings that the pages need (ask link)
            plugin.on_config(config)
    except (Abort, ConfigurationError, PluginError) as error:
        # MkDocs logs each problem, then raises a summary ("Aborted with 1 error!").
        found = "; ".join(messages.lines) or str(error)
        raise UsageError(f"{config_file}: {found}") from error
    finally:
        logger.removeHandler(messages)
    plugin_config = plugin.config
    assert isinstance(plugin_config, InterviewsConfig)
    return Site(
        config_file=config_file,
        docs_dir=Path(config.docs_dir),
        options=plugin_config.options(),
        plugin=plugin_config,
        mkdocs=config,
    )


class _Messages(logging.Handler):
    """Collects the errors MkDocs logs while it loads a configuration."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


# -- check --------------------------------------------------------------------------------


def check(site: Site, output_format: str, jobs: int | None = None) -> int:
    """Validate all content; print every problem; 1 when there are problems, else 0.

    `jobs` processes read the write-ups of a large site (default: one per CPU available).
    """
    content = site.files()
    checked = check_content(
        content.sources,
        site.options,
        jobs or available_cpus(),
        directory_urls=site.mkdocs.use_directory_urls,
    )
    problems = (*content.problems, *checked.problems)
    if output_format == "json":
        print(json.dumps([problem.to_dict() for problem in problems], indent=2, ensure_ascii=False))
    else:
        from_root = _docs_dir_from_repository_root(site)
        for problem in problems:
            if output_format == "github":
                print(github_annotation(problem, f"{from_root}{problem.file}"))
            else:
                print(problem)
        files = len({problem.file for problem in problems})
        count = checked.writeups
        if problems:
            print(
                f"{_plural(len(problems), 'problem')} in {_plural(files, 'file')} "
                f"({_plural(count, 'write-up')} checked)",
                file=sys.stderr,
            )
        else:
            print(f"No problems: {_plural(count, 'write-up')} checked.", file=sys.stderr)
    return 1 if problems else 0


def _docs_dir_from_repository_root(site: Site) -> str:
    """The docs folder's path from the repository's root, with a final `/` (`content/`), for
    GitHub's annotations.

    The root is the nearest folder above mkdocs.yml that holds `.git` (a folder, or the file of
    a worktree); without one, mkdocs.yml's own folder.
    """
    config_dir = site.config_file.resolve().parent
    root = next((d for d in (config_dir, *config_dir.parents) if (d / ".git").exists()), None)
    docs_dir = site.docs_dir.resolve()
    try:
        relative = docs_dir.relative_to(root or config_dir)
    except ValueError:  # a docs folder outside the repository: its path as given
        return f"{site.docs_dir.as_posix().rstrip('/')}/"
    return "" if relative == Path() else f"{relative.as_posix()}/"


def available_cpus() -> int:
    """The CPUs this process may run on (fewer than the machine's, in a container or CI job)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _positive(text: str) -> int:
    number = int(text)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {number}")
    return number


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


# -- new ----------------------------------------------------------------------------------


def new(site: Site, args: argparse.Namespace, prompt: Callable[[str], str] | None) -> int:
    """Scaffold a write-up from the flags, asking for what is missing when `prompt` is given.

    Each choice is checked as soon as it is given or typed: a wrong flag is reported naming
    the flag, a wrong answer is asked for again at once.
    """
    project = site.read()
    if not project.fields.loaded or not project.questions.loaded:
        return _unreadable_catalogs(site, project)
    choices = _Choices.from_flags(args)
    missing = choices.missing()
    if missing and prompt is None:
        flags = ", ".join(f"--{name}" for name in missing)
        print(f"error: missing {flags} (or run 'new' in a terminal to be asked)", file=sys.stderr)
        return 2
    try:
        chosen = _Gathering(site, project, prompt, ask_optional=bool(missing)).gather(choices)
    except _Stop as stop:
        return stop.status
    from .scaffold import scaffold

    made = scaffold(
        interviews_dir=site.options.interviews_dir,
        title=chosen.title,
        fields=chosen.fields,
        role=chosen.role,
        date=chosen.date,
        questions=chosen.questions,
        summary=chosen.summary,
        interviewee=chosen.interviewee,
        referred_by=chosen.referred_by,
        draft=chosen.draft,
    )
    return _write_new(site.docs_dir / made.path, made.path, made.text)


def _unreadable_catalogs(site: Site, project: Project) -> int:
    """Print the problems of the catalogs (those of the fields first); 1, as `new` cannot
    check the choices without them."""
    options = site.options
    problems = [p for p in project.problems if p.file in options.fields_file]
    problems += [p for p in project.problems if p.file in options.questions_file]
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1


@dataclass
class _Choices:
    """What `new` is given as flags, each as typed (None when left out)."""

    field: str | None
    """The field names, separated by commas."""
    role: str | None
    title: str | None
    questions: str | None
    """The question ids (or wordings), separated by commas."""
    theme: str | None
    date: str | None
    """None for today."""
    interviewee: str | None
    summary: str | None
    referred_by: str | None
    draft: bool

    @classmethod
    def from_flags(cls, args: argparse.Namespace) -> _Choices:
        """The choices the command line gives."""

        def joined(values: Sequence[str] | None) -> str | None:
            return ", ".join(_split(values)) or None

        return cls(
            field=joined(args.field),
            role=args.role,
            title=args.title,
            questions=joined(args.questions),
            theme=args.theme,
            date=args.date,
            interviewee=args.interviewee,
            summary=args.summary,
            referred_by=args.referred_by,
            draft=args.draft,
        )

    def missing(self) -> list[str]:
        """The names of the flags left out, in the order the error lists them."""
        missing = [name for name in ("field", "role", "title") if not getattr(self, name)]
        if not self.questions and not self.theme:
            missing.append("questions")
        return missing


@dataclass(frozen=True)
class _Chosen:
    """The choices a write-up is scaffolded from, checked against the catalogs."""

    title: str
    role: str
    date: datetime.date
    fields: list[Field]
    questions: list[Question]
    interviewee: str | None = None
    summary: str | None = None
    referred_by: str | None = None
    draft: bool = False


class _Stop(Exception):
    """`new` stops with this exit status: without a prompt, nothing wrong can be asked again."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


T = TypeVar("T")

_Check = Callable[[str], tuple[T | None, list[str]]]
"""Checks a choice as typed: its value (None when left empty) and what is wrong with it."""

NEW_FILE = "the new write-up"
"""What the checks of `new` call the file they check (their messages name no file)."""


class _Gathering:
    """Checks each of `new`'s choices as soon as it is given: a wrong flag is reported naming
    the flag, and asked for again when there is a prompt; without one, every wrong flag is
    reported before `new` stops."""

    def __init__(
        self,
        site: Site,
        project: Project,
        prompt: Callable[[str], str] | None,
        *,
        ask_optional: bool,
    ) -> None:
        self.project = project
        self.questions_file = site.options.questions_file
        self.prompt = prompt
        self.ask_optional = ask_optional and prompt is not None
        """Whether to ask for the keys a write-up may leave out (when asking for others)."""
        self.today = datetime.date.today()
        self.wrong = False
        """Whether a flag was wrong (without a prompt, `new` stops once all are checked)."""

    def gather(self, given: _Choices) -> _Chosen:
        """The checked choices (raises _Stop when a flag is wrong and cannot be asked again)."""
        today = self.today.isoformat()
        date = self._choice("date", given.date or today, f"Date [{today}]: ", self._date)
        fields = self._choice("field", given.field, _field_prompt(self.project), self._fields)
        role = self._choice("role", given.role, _ROLE_PROMPT, _required("role"))
        title = self._choice("title", given.title, _TITLE_PROMPT, _required("title"))
        questions = self._questions(given)
        interviewee = self._optional("interviewee", given.interviewee, _INTERVIEWEE_PROMPT)
        summary = self._optional("summary", given.summary, _SUMMARY_PROMPT)
        referred_by = self._optional(
            "referred-by", given.referred_by, _REFERRED_BY_PROMPT, self._introducer
        )
        if self.wrong:
            raise _Stop(1)
        assert date and fields and role and title and questions  # each asked until valid
        return _Chosen(
            title, role, date, fields, questions, interviewee, summary, referred_by, given.draft
        )

    def _choice(
        self,
        flag: str,
        text: str | None,
        prompt: str,
        check: _Check[T],
        again: _Check[T] | None = None,
    ) -> T | None:
        """The value of a choice: from its flag when given, else typed at `prompt` (and
        checked by `again`, when given), asked again while it is wrong; None after reporting
        a wrong flag without a prompt."""
        typed = text is None
        while True:
            if text is None:
                assert self.prompt is not None  # a choice left out is asked (see `new`)
                text = self.prompt(prompt)
            value, wrong = (again or check)(text.strip()) if typed else check(text.strip())
            if not wrong:
                return value
            where = "" if typed else f"--{flag}: "
            for message in wrong:
                print(f"error: {where}{message}", file=sys.stderr)
            if self.prompt is None:
                self.wrong = True
                return None
            text, typed = None, True

    def _optional(
        self, flag: str, text: str | None, prompt: str, check: _Check[str] | None = None
    ) -> str | None:
        """A key a write-up may leave out: from its flag, or typed when `new` asks for the
        others (Enter leaves it out)."""
        if text is None and not self.ask_optional:
            return None
        return self._choice(flag, text, prompt, check or _text)

    def _questions(self, given: _Choices) -> list[Question] | None:
        """The questions of `--questions`, then those of `--theme`; typed, ids or a theme."""
        prompt = _questions_prompt(self.project)
        themed: list[Question] = []
        if given.theme:
            again = self._question_list  # asked again, ids will do as well as a theme
            themed = self._choice("theme", given.theme, prompt, self._theme, again) or []
            if given.questions is None:
                return themed or None
        listed = self._choice("questions", given.questions, prompt, self._question_list)
        if listed is None:
            return None
        return listed + [q for q in themed if q not in listed]

    def _date(self, text: str) -> tuple[datetime.date | None, list[str]]:
        date = _date(text, self.today)
        if date is None:
            return None, [f"{text!r} is not a date like 2025-04-02 (year-month-day)"]
        return date, []

    def _fields(self, text: str) -> tuple[list[Field] | None, list[str]]:
        names = _split([text])
        # One field is given as a write-up gives it: a name, not a list.
        value: object = names[0] if len(names) == 1 else names
        found, problems = check_field(NEW_FILE, value, self.project.fields)
        return found, [p.message for p in problems]

    def _question_list(self, text: str) -> tuple[list[Question] | None, list[str]]:
        themed = _theme(self.project, text)
        if themed is not None:  # typed, a theme stands for its questions
            return themed, []
        found, problems = check_questions(NEW_FILE, _split([text]), self.project.questions)
        return found, [p.message for p in problems]

    def _theme(self, text: str) -> tuple[list[Question] | None, list[str]]:
        themed = _theme(self.project, text)
        if themed is not None:
            return themed, []
        themes = sorted({q.theme for q in self.project.questions.questions if q.theme})
        return None, [
            f"{text!r} is not a theme of {self.questions_file} (the themes: {'; '.join(themes)})"
        ]

    def _introducer(self, text: str) -> tuple[str | None, list[str]]:
        if not text:
            return None, []
        slugs = {doc.slug for doc in self.project.documents}
        return (text, []) if text in slugs else (None, [unknown_introducer(text, slugs)])


def _required(key: str) -> _Check[str]:
    """The check of a key that needs a value: any text but none."""

    def check(text: str) -> tuple[str | None, list[str]]:
        return (text, []) if text else (None, [f"'{key}' is empty (give it a value)"])

    return check


def _text(text: str) -> tuple[str | None, list[str]]:
    """An optional text: none when left empty."""
    return text or None, []


_ROLE_PROMPT = "Role (the interviewee's job, e.g. Managing editor, city magazine): "
_TITLE_PROMPT = "Title (a headline for the interview): "
_INTERVIEWEE_PROMPT = "Interviewee (their name, or anonymous; Enter to leave out): "
_SUMMARY_PROMPT = "Summary (one sentence for listings; Enter to leave out): "
_REFERRED_BY_PROMPT = (
    "Introduced by (the file name, without '.md', of the write-up whose interviewee "
    "introduced them; Enter for none): "
)


def _write_new(target: Path, shown: str, text: str) -> int:
    """Write a new write-up, never over a file: 0 when written, 1 when the file exists, 2
    when it cannot be written."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # "x": a file made since the check, or a folder of that name, is never overwritten.
        with target.open("x", encoding="utf-8") as file:
            file.write(text)
    except FileExistsError as error:
        if error.filename != str(target):  # a file where the folder should be
            return _cannot_write(Path(error.filename or target.parent), error)
        print(
            f"error: {shown}: already exists (edit that file, or give another --title)",
            file=sys.stderr,
        )
        return 1
    except OSError as error:
        return _cannot_write(target, error)
    print(_from_here(target))
    return 0


def _from_here(path: Path) -> Path:
    """`path` relative to the current folder when inside it, as the author would type it."""
    try:
        return path.relative_to(Path.cwd()) if path.is_absolute() else path
    except ValueError:
        return path


def _cannot_write(path: Path, error: OSError) -> int:
    print(
        f"error: {_from_here(path)}: cannot write the new write-up there ({error.strerror}; "
        "check that the folder can be written and the free space, or give a shorter --title)",
        file=sys.stderr,
    )
    return 2


def _split(values: Sequence[str] | None) -> list[str]:
    """Question ids given as `--questions a,b --questions c`."""
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


def _date(value: str | None, today: datetime.date) -> datetime.date | None:
    if not value:
        return today
    try:
        return datetime.date.fromisoformat(value.strip())
    except ValueError:
        return None


def _theme(project: Project, name: str) -> list[Question] | None:
    wanted = " ".join(name.casefold().split())
    found = [
        q
        for q in project.questions.questions
        if not q.retired and q.theme and " ".join(q.theme.casefold().split()) == wanted
    ]
    return found or None


def _field_prompt(project: Project) -> str:
    names = ", ".join(f.name for f in project.fields.fields)
    return f"Field ({names}): "


def _questions_prompt(project: Project) -> str:
    themes = list(dict.fromkeys(q.theme for q in project.questions.questions if q.theme))
    return (
        "Questions (ids separated by commas, like getting-started, typical-day; or a theme: "
        f"{'; '.join(themes)}): "
    )


# -- generate, coverage -------------------------------------------------------------------


def generate_command(site: Site, out_dir: Path) -> int:
    """Write the built docs folder for builders that run no plugins.

    A folder that is not generate's to write, a file that cannot be written and a site's
    template that cannot be used are a UsageError (exit status 2), with nothing deleted.
    """
    from .build import SiteBuild
    from .config import site_markdown
    from .generate import THEME_FOLDER, OutputFolderError, generate, own_files
    from .render import SiteTemplateError

    project_dir = site.config_file.parent
    try:
        # Before anything else, so that a refused folder costs no reading and no rendering.
        own_files(out_dir, docs_dir=site.docs_dir, project_dir=project_dir)
        content = site.files()
        project = site.read(content)
        for problem in project.problems:
            print(problem, file=sys.stderr)
        result = generate(
            site.docs_dir,
            out_dir,
            project_dir=project_dir,
            build=SiteBuild(project, site.settings(), site_markdown(site.mkdocs)),
            options=site.options,
            files=content.published,
        )
    except (OutputFolderError, SiteTemplateError) as error:
        raise UsageError(str(error)) from error
    for problem in result.problems:
        print(problem, file=sys.stderr)
    for path in result.kept:
        print(f"{path}: a file of the site is used instead of the generated one", file=sys.stderr)
    print(f"Wrote {_plural(len(result.written), 'file')} to {out_dir}.")
    print(
        f"Add {out_dir} to .gitignore: it is made anew on each run. To build it without the "
        f"plugin, use docs_dir: {out_dir}, no '{PLUGIN_NAME}' plugin, markdown_extensions "
        "attr_list and md_in_html, extra_css: [assets/stylesheets/interviews.css], and "
        f"theme: custom_dir: {out_dir}/{THEME_FOLDER} (the template of the pages' head)."
    )
    if not site.mkdocs.site_url:
        print(f"{site.config_file}: no site_url, so no feeds were made.", file=sys.stderr)
    return 1 if project.problems or result.problems else 0


def coverage_command(site: Site, output_format: str) -> int:
    """Print the field x question matrix and the readers' questions still waiting."""
    from .build import index_of
    from .coverage import coverage, render_csv, render_text

    # The index alone, without the pages: coverage needs no ask link (nor templates).
    matrix = coverage(index_of(site.read()))
    print(render_csv(matrix) if output_format == "csv" else render_text(matrix), end="")
    return 0


def import_asks_command(site: Site, args: argparse.Namespace) -> int:
    """Add the ask form's new issues to asks.yml and bring the readers of the others up to
    date; print what was done, and each issue's problem on stderr. 1 when the input or
    asks.yml cannot be read (nothing is written then), else 0."""
    from .ask_import import Form, FormError, InputError, import_asks, read_form, read_issues
    from .catalogs import read_fields, read_questions

    form_file: Path = args.form or site.config_file.parent / ".github/ISSUE_TEMPLATE/ask.yml"
    try:
        form = read_form(form_file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        print(
            f"{form_file}: no ask form; reading the sections 'Field' and 'Your question'",
            file=sys.stderr,
        )
        form = Form()
    except (OSError, UnicodeDecodeError, FormError) as error:
        raise UsageError(f"{form_file}: {error} (or name the form with --form)") from error
    options, docs = site.options, site.docs_dir
    fields, _ = read_fields(options.fields_file, _read_bytes(docs / options.fields_file))
    questions, _ = read_questions(
        options.questions_file, _read_bytes(docs / options.questions_file)
    )
    asks_path = docs / options.asks_file
    data = _read_bytes(asks_path)
    try:
        text = data.decode("utf-8-sig") if data is not None else None
        source = (
            sys.stdin.buffer.read().decode("utf-8-sig")
            if args.file == "-"
            else Path(args.file).read_text("utf-8-sig")
        )
        issues = read_issues(source)
        result = import_asks(text, issues, form, fields, questions, options.asks_file, args.label)
    except (OSError, UnicodeDecodeError, InputError) as error:
        print(f"error: {args.file}: {error}", file=sys.stderr)
        return 1
    for problem in result.problems:
        print(problem, file=sys.stderr)
    if args.dry_run:
        _print_diff(text or "", result.text, options.asks_file)
    elif result.text != (text or ""):
        asks_path.write_text(result.text, encoding="utf-8", newline="")
    print(result.summary(options.asks_file, args.dry_run))
    return 0


def _read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _print_diff(before: str, after: str, name: str) -> None:
    """The change an import would make, as a unified diff."""
    import difflib

    diff = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), name, name
    )
    print("".join(diff), end="")


# -- the parser ---------------------------------------------------------------------------


_CONFIG_HELP = "the site's configuration (default: mkdocs.yml in the current folder)"


def parser() -> argparse.ArgumentParser:
    """The command line: the option every command takes, then each command and its own."""
    main_parser = argparse.ArgumentParser(
        prog="python -m mkdocs_interviews",
        description="Tools for informational-interview sites built with the 'interviews' "
        "MkDocs plugin.",
    )
    main_parser.add_argument(
        "-f", "--config", type=Path, default=Path("mkdocs.yml"), help=_CONFIG_HELP
    )
    commands = main_parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_check(commands)
    _add_new(commands)
    _add_generate(commands)
    _add_coverage(commands)
    _add_import_asks(commands)
    _add_notify(commands)
    return main_parser


def _command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str, help_text: str
) -> argparse.ArgumentParser:
    """A command's parser, which takes -f/--config after the command's name too."""
    sub = commands.add_parser(name, help=help_text, description=help_text)
    # No default here: it would replace a -f given before the command's name.
    sub.add_argument("-f", "--config", type=Path, default=argparse.SUPPRESS, help=_CONFIG_HELP)
    return sub


def _add_check(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The `check` command and its options."""
    check_parser = _command(
        commands,
        "check",
        "Check every write-up and catalog without building the site; print every problem, "
        "file first; exit 1 when there is any.",
    )
    check_parser.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="text (one problem a line), json (a list of objects: file, line, key, message, "
        "severity) or github (GitHub Actions annotations, one a line, with the files' paths "
        "from the repository's root)",
    )
    check_parser.add_argument(
        "--jobs",
        type=_positive,
        default=None,
        help="processes that read the write-ups of a large site (default: one per CPU; 1 reads "
        "them in turn)",
    )


def _add_new(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The `new` command and its options, each of which it asks for when left out."""
    new_parser = _command(
        commands,
        "new",
        "Scaffold a write-up: front matter and a '##' heading per question, in the catalog's "
        "wording; asks for what the flags leave out when run in a terminal.",
    )
    new_parser.add_argument(
        "--field",
        action="append",
        help="a field name, slug or alias from the catalog (repeat for more; the first is "
        "the primary field)",
    )
    new_parser.add_argument("--role", help="the interviewee's job")
    new_parser.add_argument("--title", help="a headline for the interview")
    new_parser.add_argument(
        "--questions",
        action="append",
        help="question ids, separated by commas (repeatable)",
    )
    new_parser.add_argument("--theme", help="every question of a theme of the catalog")
    new_parser.add_argument("--date", help="the interview's date, YYYY-MM-DD (default: today)")
    new_parser.add_argument("--interviewee", help="their name, or anonymous (optional)")
    new_parser.add_argument("--summary", help="one sentence for listings (optional)")
    new_parser.add_argument(
        "--referred-by",
        metavar="SLUG",
        help="the write-up whose interviewee introduced them: its file name without '.md' "
        "(optional)",
    )
    new_parser.add_argument(
        "--draft",
        action="store_true",
        help="mark it a draft: shown by 'mkdocs serve', left out of 'mkdocs build'",
    )


def _add_generate(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The `generate` command and its folder."""
    generate_parser = _command(
        commands,
        "generate",
        "Write the site's docs folder as the plugin builds it (write-ups decorated, generated "
        "pages, stylesheet, data, feeds), for builders that run no MkDocs plugins.",
    )
    generate_parser.add_argument(
        "dir",
        type=Path,
        help="a new or empty folder, or one generate made before (what it wrote there is replaced)",
    )


def _add_coverage(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The `coverage` command and its format."""
    coverage_parser = _command(
        commands,
        "coverage",
        "Show which field has answered which question (fields with the most gaps first), and "
        "the readers' questions still waiting.",
    )
    coverage_parser.add_argument("--format", choices=("text", "csv"), default="text")


def _add_import_asks(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The `import-asks` command, its input and options."""
    import_parser = _command(
        commands,
        "import-asks",
        "Add the readers' questions of the ask form's issues to asks.yml (new issues appended, "
        "the readers of those already there updated; the author's edits and comments kept).",
    )
    import_parser.add_argument(
        "file",
        nargs="?",
        default="-",
        help="the JSON of 'gh issue list --json number,title,body,createdAt,reactionGroups,"
        "state,url', or a webhook event's payload; '-' (the default) reads it from stdin",
    )
    import_parser.add_argument(
        "--label",
        help="read only issues with this label, where the input gives labels (default: the "
        "form's first label)",
    )
    import_parser.add_argument(
        "--form",
        type=Path,
        help="the ask form (default: .github/ISSUE_TEMPLATE/ask.yml beside mkdocs.yml)",
    )
    import_parser.add_argument(
        "--dry-run", action="store_true", help="print the change to asks.yml; write nothing"
    )


def _add_notify(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The `notify` command: the built site, the previous deployment's asks, the modes."""
    help_text = (
        "After a deployment, comment on the issue of each newly answered ask with the "
        "answer's address, and close it (never twice: a marker in the comment); runs 'gh'."
    )
    # Not `_command`: notify reads the built site, not mkdocs.yml.
    notify_parser = commands.add_parser("notify", help=help_text, description=help_text)
    notify_parser.add_argument(
        "site_dir", type=Path, metavar="SITE_DIR", help="the built site (with api/asks.json)"
    )
    notify_parser.add_argument(
        "--previous",
        type=Path,
        metavar="FILE",
        help="the previous deployment's api/asks.json (missing, empty or not JSON: nothing "
        "was answered before)",
    )
    notify_parser.add_argument("--repo", help="OWNER/NAME of the issues (default: gh's own)")
    notify_parser.add_argument(
        "--dry-run",
        action="store_true",
        help="print the decisions as JSON; read the issues with gh, write none",
    )
    notify_parser.add_argument(
        "--no-gh",
        action="store_true",
        help="print the decisions from the two files alone, without running gh",
    )


def notify_command(args: argparse.Namespace) -> int:
    """`notify`: it needs the built site only, not mkdocs.yml."""
    from .notify import REPO, Gh, NotifyError, Run, notify

    if args.repo is not None and not REPO.match(args.repo):
        raise UsageError(f"--repo: {args.repo!r} is not OWNER/NAME")
    run = Run(args.site_dir, args.previous, dry_run=args.dry_run, no_gh=args.no_gh)
    try:
        return notify(run, Gh(args.repo))
    except NotifyError as error:
        raise UsageError(str(error)) from error


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        if args.command == "notify":
            return notify_command(args)
        site = load_site(args.config, pages=args.command not in ("coverage", "import-asks"))
        if args.command == "check":
            return check(site, args.format, args.jobs)
        if args.command == "new":
            prompt = input if sys.stdin.isatty() else None
            return new(site, args, prompt)
        if args.command == "generate":
            return generate_command(site, args.dir)
        if args.command == "import-asks":
            return import_asks_command(site, args)
        return coverage_command(site, args.format)
    except (UsageError, SiteTemplateError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except (KeyboardInterrupt, EOFError):
        print("", file=sys.stderr)
        return 130
