"""The plugin's options, as written under `plugins: - interviews:` in mkdocs.yml."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError

from .project import Options

if TYPE_CHECKING:
    import markdown
    from mkdocs.config.defaults import MkDocsConfig

    from .build import SiteSettings


class _Positive(c.Type[int]):
    """A whole number, 1 or more."""

    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value: object) -> int:
        number = super().run_validation(value)
        if number < 1:
            raise ValidationError(f"must be 1 or more, not {number}")
        return number


class _ContentPath(c.Type[str]):
    """A path inside `docs_dir`, relative to it: the plugin reads nothing outside the site."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        path = super().run_validation(value)
        parts = path.replace("\\", "/").strip("/").split("/")
        if path.startswith(("/", "\\")) or ":" in parts[0] or ".." in parts or not path.strip("/ "):
            raise ValidationError(
                f"must be a path inside docs_dir, relative to it (like 'interviews' or "
                f"'fields.yml'), not '{path}'"
            )
        return path


class InterviewsConfig(Config):
    """Options of the `interviews` plugin; paths of content are relative to `docs_dir`."""

    interviews_dir = _ContentPath(default="interviews")
    """The folder of write-ups: one Markdown file per interview, its slug is its file name."""

    fields_file = _ContentPath(default="fields.yml")
    """The catalog of fields (a YAML list); read by the plugin, not published."""

    questions_file = _ContentPath(default="questions.yml")
    """The catalog of canonical questions (a YAML list); read by the plugin, not published."""

    asks_file = _ContentPath(default="asks.yml")
    """Readers' questions waiting for an answer (a YAML list, optional); not published."""

    ask_url = c.Optional(c.Type(str))
    """Where readers send a question: a URL with `{field}` and `{question}` placeholders,
    filled URL-encoded. Left out, the repository's issue form (`repo_url` +
    `/issues/new?template=ask.yml&field={field}&question={question}`)."""

    ask_email = c.Optional(c.Type(str))
    """An e-mail address readers may send a question to, without a GitHub account: every
    ask link is then offered as a `mailto:` link too, with the field and the question in its
    subject and body. E-mails are not published."""

    answers_per_field = _Positive(default=3)
    """How many answers per field a question page shows before "All N answers"."""

    excerpt_words = _Positive(default=60)
    """How many words of an answer's first paragraph an excerpt keeps."""

    search = c.Choice(("pagefind", "theme"), default="pagefind")
    """The readers' search. `pagefind` (the default): the plugin indexes the built site's
    write-ups with Pagefind (their fields and questions as filters) and puts its own search
    dialog in Material's header; a reader's first query fetches a few hundred kB at any size.
    Leave Material's `search` plugin out of `plugins` then. `theme`: the plugin leaves search
    to the theme (Material's `search` plugin, if listed), whose index every reader fetches
    whole."""

    templates_dir = c.Optional(c.Dir(exists=True))
    """A folder of templates overriding the plugin's own (`field.md.j2`...), relative to
    mkdocs.yml."""

    def options(self) -> Options:
        """The same options as the core's plain data."""
        return Options(
            interviews_dir=self.interviews_dir.strip("/"),
            fields_file=self.fields_file.strip("/"),
            questions_file=self.questions_file.strip("/"),
            asks_file=self.asks_file.strip("/"),
        )


def site_settings(
    config: MkDocsConfig, plugin: InterviewsConfig, *, preview: bool = False
) -> SiteSettings:
    """What the build needs from a loaded mkdocs.yml and the plugin's options; a `preview`
    for `mkdocs serve` (see `SiteSettings.preview`).

    Raises QuestionFormError when no question form can be named (no `ask_url`, no `repo_url`),
    or `ask_email` is not an address.
    """
    # Here, not at the top: `check` imports this module, and starts faster without Jinja.
    from .build import SiteSettings
    from .headings import HeadingStyle
    from .question_form import QuestionForm

    templates = plugin.templates_dir
    return SiteSettings(
        site_name=config.site_name,
        question_form=QuestionForm.from_config(plugin.ask_url, config.repo_url, plugin.ask_email),
        site_url=config.site_url or None,
        site_description=config.site_description or None,
        directory_urls=config.use_directory_urls,
        answers_per_field=plugin.answers_per_field,
        excerpt_words=plugin.excerpt_words,
        templates_dir=Path(templates) if templates else None,
        headings=HeadingStyle.from_toc(config.mdx_configs.get("toc", {})),
        preview=preview,
        search_marks=plugin.search == "pagefind",
    )


def site_markdown(config: MkDocsConfig) -> markdown.Markdown:
    """Python-Markdown with the site's own extensions (not the plugin's decoration), for an
    answer's excerpt that no conversion of its write-up gave."""
    import markdown

    from .decoration import DecorationExtension

    extensions = [e for e in config.markdown_extensions if not isinstance(e, DecorationExtension)]
    return markdown.Markdown(extensions=extensions, extension_configs=config.mdx_configs)
