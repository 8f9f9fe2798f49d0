"""``python -m cantho_analysis`` is the ``cantho-analysis`` command."""

import sys

from .cli import main

sys.exit(main())
