"""`python -m mkdocs_interviews`: see `cli`."""

import sys

from .cli import main

sys.exit(main())
