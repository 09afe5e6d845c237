"""The curated public API: sorted, complete, importable, and cheap to import."""

from __future__ import annotations

import subprocess
import sys

import automl_sdk
from automl_sdk import errors


def test_all_is_sorted_and_unique() -> None:
    assert automl_sdk.__all__ == sorted(set(automl_sdk.__all__))


def test_every_public_name_resolves() -> None:
    for name in automl_sdk.__all__:
        assert getattr(automl_sdk, name) is not None, name


def test_public_members_are_exported() -> None:
    # As httpx's test_exported_members: anything of ours reachable from the package is in __all__.
    ours = {
        name
        for name in dir(automl_sdk)
        if not name.startswith("_")
        and getattr(getattr(automl_sdk, name), "__module__", "").startswith("automl_sdk")
    }
    assert ours - set(automl_sdk.__all__) == set()


def test_every_exception_is_exported() -> None:
    assert set(errors.__all__) <= set(automl_sdk.__all__)


def test_importing_the_package_does_not_import_boto3_or_botocore() -> None:
    code = "import sys, automl_sdk, automl_sdk.shapes, automl_sdk._serde; print(sorted(m for m in sys.modules if m.split('.')[0] in ('boto3', 'botocore')))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_lint_is_callable_whichever_was_imported_first() -> None:
    # Importing the automl_sdk.lint package binds it as the package attribute `lint`.
    code = (
        "import automl_sdk.lint, automl_sdk\n"
        "from automl_sdk import lint\n"
        "from automl_sdk.lint import Finding\n"
        "findings = lint({'AutoMLJobName': 'x'}) + automl_sdk.lint({'AutoMLJobName': 'x'})\n"
        "assert findings and all(isinstance(f, Finding) for f in findings)\n"
        "print(sorted({f.path for f in findings})[:2])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "['AutoMLJobInputDataConfig', 'AutoMLProblemTypeConfig']"
