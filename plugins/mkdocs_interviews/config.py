"""The plugin's options, as written under `plugins: - interviews:` in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from .project import Options


class InterviewsConfig(Config):
    """Options of the `interviews` plugin; every path is relative to `docs_dir`."""

    interviews_dir = c.Type(str, default="interviews")
    """The folder of write-ups: one Markdown file per interview, its slug is its file name."""

    fields_file = c.Type(str, default="fields.yml")
    """The catalog of fields (a YAML list); read by the plugin, not published."""

    questions_file = c.Type(str, default="questions.yml")
    """The catalog of canonical questions (a YAML list); read by the plugin, not published."""

    def options(self) -> Options:
        """The same options as the core's plain data."""
        return Options(
            interviews_dir=self.interviews_dir.strip("/"),
            fields_file=self.fields_file.strip("/"),
            questions_file=self.questions_file.strip("/"),
        )
