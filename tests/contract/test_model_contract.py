"""The generated shapes and tables equal the installed botocore SageMaker model."""

from __future__ import annotations

import subprocess
import sys
import typing
from pathlib import Path

import attrs
import botocore
import botocore.session
import pytest
from botocore.model import ListShape, MapShape, StringShape, StructureShape

from automl_sdk.shapes import constraints, enums, structures

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import generate_shapes  # noqa: E402

MODEL = botocore.session.get_session().get_service_model("sagemaker")
REACHABLE = generate_shapes.reachable_shapes(MODEL)
STRUCTURES = {
    n: s
    for n, s in REACHABLE.items()
    if isinstance(s, StructureShape) and not s.metadata.get("union")
}
UNIONS = {
    n: s for n, s in REACHABLE.items() if isinstance(s, StructureShape) and s.metadata.get("union")
}
ENUMS = {n: s for n, s in REACHABLE.items() if isinstance(s, StringShape) and s.enum}


def test_sizes_match_the_issue_for_this_botocore() -> None:
    # The AutoML operations alone: (57, 2, 22, 223); the deploy operations (issue 12) add the rest.
    members = sum(len(s.members) for s in [*STRUCTURES.values(), *UNIONS.values()])
    assert (len(STRUCTURES) + len(UNIONS), len(UNIONS), len(ENUMS), members) == (141, 2, 53, 567)


def test_tables_were_generated_from_this_botocore() -> None:
    assert botocore.__version__ == constraints.BOTOCORE_VERSION


@pytest.mark.parametrize("name", sorted(STRUCTURES))
def test_structure_matches_model(name: str) -> None:
    shape = STRUCTURES[name]
    cls = getattr(structures, name)
    fields = {f.metadata["wire"]: f for f in attrs.fields(cls)}
    assert set(fields) == set(shape.members)
    hints = typing.get_type_hints(cls)
    for wire, field in fields.items():
        member = shape.members[wire]
        assert field.name == generate_shapes.attribute_name(wire)
        required = wire in shape.required_members
        assert (field.default is attrs.NOTHING) == required, wire
        hint = hints[field.name]
        inner = hint if required else _strip_none(hint)
        if isinstance(member, StringShape):
            assert inner is str, wire
        elif isinstance(member, ListShape):
            assert typing.get_origin(inner) is tuple, wire
        elif isinstance(member, MapShape):
            assert typing.get_origin(inner) is dict, wire
        elif isinstance(member, StructureShape) and not member.metadata.get("union"):
            assert inner is getattr(structures, member.name), wire


def _strip_none(hint: object) -> object:
    args = tuple(a for a in typing.get_args(hint) if a is not type(None))
    if len(args) == 1:
        return args[0]
    return typing.Union[args]  # noqa: UP007 - rebuilding a runtime union from its args


@pytest.mark.parametrize("name", sorted(UNIONS))
def test_union_membership_matches_model(name: str) -> None:
    alias = getattr(structures, name)
    expected = {getattr(structures, m.name) for m in UNIONS[name].members.values()}
    assert set(typing.get_args(alias)) == expected | {getattr(structures, f"Unknown{name}")}


@pytest.mark.parametrize("name", sorted(ENUMS))
def test_enum_values_match_model(name: str) -> None:
    assert [member.value for member in getattr(enums, name)] == list(ENUMS[name].enum)


def test_constraint_tables_match_model() -> None:
    assert {
        n: generate_shapes.constraint_entry(s) for n, s in REACHABLE.items()
    } == constraints.SHAPES
    for operation, (input_shape, output_shape) in constraints.OPERATIONS.items():
        op = MODEL.operation_model(operation)
        assert input_shape == op.input_shape.name
        assert output_shape == (op.output_shape.name if op.output_shape else None)


def test_generation_is_fresh() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "generate_shapes.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_help_shows_documented_constraints() -> None:
    doc = structures.AutoMLJobCompletionCriteria.__doc__ or ""
    assert "max_candidates: ``MaxCandidates``. The maximum number of times a training job is" in doc
    assert "Value 1 to 750." in doc
    assert "One of (:class:`AutoMLMetricEnum`): ``Accuracy``" in (
        structures.AutoMLJobObjective.__doc__ or ""
    )


def test_members_that_tell_v1_from_v2_match_the_model() -> None:
    from automl_sdk._mapping import V1_ONLY_MEMBERS, V2_ONLY_MEMBERS

    v1 = set(MODEL.shape_for("CreateAutoMLJobRequest").members)
    v2 = set(MODEL.shape_for("CreateAutoMLJobV2Request").members)
    assert v1 - v2 == V1_ONLY_MEMBERS
    assert v2 - v1 == V2_ONLY_MEMBERS


def test_the_v1_describe_view_orders_members_as_the_model_does() -> None:
    from automl_sdk._mapping import V1_RESPONSE_ORDER, parse, shape_at

    for path, order in V1_RESPONSE_ORDER.items():
        shape = shape_at("DescribeAutoMLJobResponse", parse(path))
        assert shape is not None, path
        expected = list(MODEL.shape_for(shape).members)
        if not path:
            expected.append("ResponseMetadata")  # boto3 adds it to every response
        assert list(order) == expected, path


def _pinned(requirements: list[str], name: str) -> str:
    """The exact version ``name==X`` pins in ``requirements``; fails when it is not pinned."""
    import re

    versions = [
        match.group(1)
        for line in requirements
        if (match := re.fullmatch(rf"\s*{name}==([0-9][0-9A-Za-z.]*)\s*(#.*)?", line))
    ]
    assert len(versions) == 1, f"{name} must be pinned exactly once with =="
    return versions[0]


def test_the_generators_formatter_is_pinned_once_everywhere() -> None:
    # The generator formats its output with ruff; a new ruff could reformat it and make
    # `generate_shapes.py --check` fail with no model change, so every install uses one version.
    import importlib.metadata

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10 only
        import tomli as tomllib

    root = Path(__file__).resolve().parents[2]
    constraints_txt = (root / "constraints.txt").read_text().splitlines()
    extras = tomllib.loads((root / "pyproject.toml").read_text())["project"][
        "optional-dependencies"
    ]
    pinned = _pinned(constraints_txt, "ruff")
    assert _pinned(extras["test"], "ruff") == pinned
    assert not any(item.startswith("ruff") for item in extras["dev"])  # dev takes test's
    assert importlib.metadata.version("ruff") == pinned
