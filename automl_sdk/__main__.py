"""``python -m automl_sdk`` runs the CLI."""

import sys

from automl_sdk.cli import main

if __name__ == "__main__":
    sys.exit(main())
