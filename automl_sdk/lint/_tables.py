"""The generated constraint tables (``automl_sdk/shapes/constraints.py``), loaded cheaply.

Importing ``automl_sdk.shapes.constraints`` first runs ``automl_sdk/shapes/__init__.py``, which
builds every attrs shape class (tens of milliseconds). Linting needs only the plain data, so when
the shapes package is not loaded yet the module file is executed on its own (with its bytecode
cache), keeping ``automl-sdk lint`` quick to start. Lint code imports the tables from here.
"""

from __future__ import annotations

import importlib.machinery
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

_REAL_NAME = "automl_sdk.shapes.constraints"
_PRIVATE_NAME = "automl_sdk.lint._constraints_data"


def _load() -> ModuleType:
    if "automl_sdk.shapes" in sys.modules or _REAL_NAME in sys.modules:
        import automl_sdk.shapes.constraints as module

        return module
    path = Path(__file__).resolve().parents[1] / "shapes" / "constraints.py"
    loader = importlib.machinery.SourceFileLoader(_PRIVATE_NAME, str(path))
    module = ModuleType(_PRIVATE_NAME)
    module.__file__ = str(path)
    loader.exec_module(module)
    sys.modules[_PRIVATE_NAME] = module
    return module


_module = sys.modules.get(_PRIVATE_NAME) or _load()

#: Shape name -> constraint table (see ``automl_sdk/shapes/constraints.py``).
SHAPES: dict[str, dict[str, Any]] = _module.SHAPES
#: Operation name -> (input shape, output shape).
OPERATIONS: dict[str, tuple[str, str | None]] = _module.OPERATIONS
