"""Informational-interview Q&A sites: write-ups, fields, questions and readers' asks.

The core (everything but `plugin`, `config`, `site_files`, `rebuilds` and `cli`) has no
MkDocs import: the MkDocs plugin, the command line and the tests all use it directly.

Glossary (the words the code, the pages and the messages use):

- **write-up**: one interview as the author commits it, `interviews/<slug>.md` (`WriteUp`);
  readers see it as an *interview*. A *document* (`Document`) is any file of the write-ups'
  folder as read, valid or not.
- **field**: an industry of `fields.yml` (`Field`); a write-up's first field is its primary.
- **question**: a canonical question of `questions.yml` (`Question`), known by its id; an
  **answer** (`Answer`) is the `##` section of a write-up that answers one.
- **excerpt**: the start of an answer shown on a listing (a field, question or
  question-by-field page).
- **ask**: a reader's question for a field, an entry of `asks.yml` (`Ask`), queued until a
  write-up answers it (`ReadersQueue`); messages name one as "ask '<id>'". Only this: "to
  ask" in page text is the verb, and `new` asks its questions with a `prompt`.
- **question form**: where a reader sends a question, the repository's issue form or the
  option `ask_url` (`QuestionForm`); every link to it is filled in for a field and maybe a
  question. The page `ask/` says how to use it.
- **introduction**: a write-up's `referred_by` (the one place the word "refer" stays, a
  key of the content format): the interview whose interviewee introduced this one. The
  chains of introductions make `network/` (`Introductions`, the index's part for them).
- **draft**: a write-up kept out of `mkdocs build` (`draft: true`, or MkDocs' `draft_docs`);
  **held back** is the second way.
- **preview**: a build for the author, in `mkdocs serve` (`SiteSettings.preview`): each
  write-up's problems at the top of its page, drafts listed and marked, but in the feeds and
  the open data. With `--dirty`, a **rebuild** makes again only the pages whose
  **fingerprint** (a digest of all that goes into a page) changed (`preview`, `rebuilds`).
- **generated page**: a page the plugin makes (the archive `interviews/` and its years,
  fields, questions, ask, network), in memory for the build, as files for `generate`.
- **archive**: every published interview, newest first: `interviews/` shows the latest and
  the years, `interviews/<year>/` each year's; the home page shows the latest few too.
- **build** (`SiteBuild`): one build of the site, which decides every generated page and
  file and the **shape** of every source page (front matter made safe, a write-up's header,
  anchors, links and footer) and its **head** (`Head`: feed links, Open Graph, JSON-LD). The
  plugin and `generate` both ask it.
- **problem** (`Problem`): one thing wrong in one file, named file first.
- **the readers' search** (`search`): Pagefind's index of the interviews, written beside the
  built pages, with the *filters* `field` and `question`; the plugin's search dialog in the
  theme's header queries it (the option `search: theme` leaves search to the theme).
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
