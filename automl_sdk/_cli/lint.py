"""``automl-sdk`` subcommands for lint (filled by the lint work)."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add this module's subcommands to the CLI."""
