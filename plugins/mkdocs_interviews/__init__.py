"""Informational-interview Q&A sites: write-ups, fields, questions and the ask-a-question link.

The core (everything but `plugin` and `config`) has no MkDocs import: the MkDocs plugin,
the command line and the tests all use it directly.
"""

from .catalogs import FieldCatalog, QuestionCatalog, read_fields, read_questions
from .model import Answer, Field, Question, WriteUp, normalize, slugify
from .problems import Problem
from .project import Checked, Options, Project, check_content, read_project, read_sources
from .writeups import Document, read_writeup

__all__ = [
    "Answer",
    "Checked",
    "Document",
    "Field",
    "FieldCatalog",
    "Options",
    "Problem",
    "Project",
    "Question",
    "QuestionCatalog",
    "WriteUp",
    "check_content",
    "normalize",
    "read_fields",
    "read_project",
    "read_questions",
    "read_sources",
    "read_writeup",
    "slugify",
]
