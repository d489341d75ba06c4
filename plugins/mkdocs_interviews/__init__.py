"""Informational-interview Q&A sites: write-ups, fields, questions and the ask-a-question link.

The core (everything but `plugin`, `config`, `site_files` and `cli`) has no MkDocs import:
the MkDocs plugin, the command line and the tests all use it directly.

Glossary (the words the code, the pages and the messages use):

- **write-up**: one interview as the author commits it, `interviews/<slug>.md` (`WriteUp`);
  readers see it as an *interview*. A *document* (`Document`) is any file of the write-ups'
  folder as read, valid or not.
- **field**: an industry of `fields.yml` (`Field`); a write-up's first field is its primary.
- **question**: a canonical question of `questions.yml` (`Question`), known by its id; an
  **answer** (`Answer`) is the `##` section of a write-up that answers one.
- **excerpt**: the start of an answer shown on a listing (a field, question or
  question-by-field page).
- **ask link**: where a reader sends a question (`AskLink`, the option `ask_url`); a
  **reader's question** is an entry of `asks.yml` (`Ask`), queued until a write-up answers it.
- **introduction**: a write-up's `referred_by`, the interview whose interviewee introduced
  this one; the chains of introductions make `network/`.
- **draft**: a write-up kept out of `mkdocs build` (`draft: true`, or MkDocs' `draft_docs`);
  **held back** is the second way.
- **generated page**: a page the plugin makes (fields, questions, ask, network), in memory for
  the build, as files for `generate`.
- **problem** (`Problem`): one thing wrong in one file, named file first.
"""

from .catalogs import FieldCatalog, QuestionCatalog, read_fields, read_questions
from .model import Answer, Field, Question, WriteUp, normalize, slugify
from .problems import Problem
from .project import Checked, Options, Project, check_content, read_project
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
    "read_writeup",
    "slugify",
]
