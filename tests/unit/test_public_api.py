"""The curated public API: sorted, complete, importable, and cheap to import."""

from __future__ import annotations

import subprocess
import sys
import types

import pytest

import automl_sdk
from automl_sdk import errors


def test_all_is_unique_and_holds_every_error() -> None:
    assert len(automl_sdk.__all__) == len(set(automl_sdk.__all__))
    assert set(errors.__all__) <= set(automl_sdk.__all__)
    assert "ShapeError" in automl_sdk.__all__


def test_every_public_name_resolves() -> None:
    for name in automl_sdk.__all__:
        assert getattr(automl_sdk, name) is not None, name


def test_public_members_are_exported() -> None:
    # As httpx's test_exported_members: anything of ours reachable from the package is in __all__.
    ours = {
        name
        for name in dir(automl_sdk)
        if not name.startswith("_")
        and not isinstance(getattr(automl_sdk, name), types.ModuleType)  # subpackages
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


IMPORT_ORDERS = [
    pytest.param("import automl_sdk.lint as L\nimport automl_sdk\n", id="package-first"),
    pytest.param(
        "import automl_sdk\nautoml_sdk.lint_request\nimport automl_sdk.lint as L\n",
        id="function-first",
    ),
    pytest.param("from automl_sdk import lint as L\n", id="from-package-import"),
    pytest.param("import automl_sdk\nL = automl_sdk.lint\n", id="attribute-before-import"),
    pytest.param(
        "from automl_sdk import lint_request\nfrom automl_sdk import lint as L\n",
        id="function-then-from-import",
    ),
]


@pytest.mark.parametrize("imports", IMPORT_ORDERS)
def test_automl_sdk_lint_is_the_package_in_every_import_order(imports: str) -> None:
    code = (
        imports + "import sys, types, automl_sdk\n"
        "assert isinstance(L, types.ModuleType) and L is sys.modules['automl_sdk.lint']\n"
        "assert automl_sdk.lint is L\n"
        "assert automl_sdk.lint_request is L.lint_request\n"
        "findings = L.lint_request({'AutoMLJobName': 'x'})\n"
        "assert findings and all(isinstance(f, L.Finding) for f in findings)\n"
        "print(sorted({f.path for f in findings})[:2])\n"
    )
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['AutoMLJobInputDataConfig', 'AutoMLProblemTypeConfig']"


def test_calling_the_lint_module_still_works_and_warns() -> None:
    request = {"AutoMLJobName": "x"}
    with pytest.warns(
        DeprecationWarning, match=r"call automl_sdk\.lint_request\(request, \.\.\.\)"
    ):
        findings = automl_sdk.lint(request, select=["E1003"])  # type: ignore[operator]
    assert findings == automl_sdk.lint_request(request, select=["E1003"])
    assert [f.path for f in findings] == [
        "AutoMLJobInputDataConfig",
        "AutoMLProblemTypeConfig",
        "OutputDataConfig",
        "RoleArn",
    ]


def test_lint_request_is_exported_and_lint_is_not_a_function_name() -> None:
    assert "lint_request" in automl_sdk.__all__
    assert "lint" not in automl_sdk.__all__


def test_the_rule_writing_api_is_public_and_complete() -> None:
    import automl_sdk.lint.rules_api as api

    assert api.__all__ == sorted(api.__all__, key=lambda name: (not name.isupper(), name))
    for name in api.__all__:
        assert getattr(api, name) is not None, name
    assert {"Rule", "LintContext", "Registry", "load_registry", "join", "show"} <= set(api.__all__)
