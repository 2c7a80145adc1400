"""`python -m decision_aid`: see decision_aid/cli.py."""

import sys

from .cli import main

sys.exit(main())
