"""Read the Request/Response Syntax blocks of the AWS pages in ../shared/spec/ as wire dicts.

The pages show placeholders (``'string'``, ``123``, ``'A'|'B'`` alternatives, ``True|False``,
``...`` for floats, ``datetime(2015, 1, 1)``; the API reference uses ``"string"``, ``number``,
``boolean`` and elides the problem-type config as ``{ ... }``). They are replaced by valid values,
and each union that lists all its members is split into one example per member.
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path
from typing import Any

from automl_sdk.shapes.constraints import SHAPES


def _spec_dir() -> Path:
    """``shared/spec`` beside the clone (developer machines, CI), or beside an ancestor of it.

    The nearest ancestor wins, so a copy of the tree made inside the clone (mutation testing runs
    the suite from ``mutants/``) still finds the pages.
    """
    here = Path(__file__).resolve()
    for folder in here.parents[2:]:
        candidate = folder.parent / "shared" / "spec"
        if candidate.is_dir():
            return candidate
    return here.parents[3] / "shared" / "spec"


SPEC_DIR = _spec_dir()

_ELIDED_PROBLEM_CONFIG = '{"TabularJobConfig": {"TargetAttributeName": "label"}}'
_END_MARKERS = (
    "Request Parameters",
    "Parameters:",
    "Response Elements",
    "Response Structure",
    "Returns:",
    "Return type:",
)


def syntax_block(text: str, heading: str) -> str:
    start = text.index(heading) + len(heading)
    ends = [text.find(marker, start) for marker in _END_MARKERS]
    return text[start : min(e for e in ends if e != -1)].strip()


def parse_block(block: str) -> dict[str, Any]:
    """Turn one syntax block (boto3 Python style or API-reference JSON style) into a dict."""
    if block.startswith("{") and '"' in block.split(":", 1)[0]:
        block = block.replace("{ ... }", _ELIDED_PROBLEM_CONFIG)
        block = re.sub(r":\s*number", ": 1", block)
        block = re.sub(r":\s*boolean", ": true", block)
        value: dict[str, Any] = json.loads(block)
        return value
    block = re.sub(r"^response = client\.\w+\(", "dict(", block.strip())
    block = re.sub(r"('[^']*')(\|'[^']*')+", r"\1", block)
    block = block.replace("True|False", "True").replace(": ...", ": 0.5")
    utc = datetime.timezone.utc
    namespace = {"dict": dict, "datetime": lambda y, m, d: datetime.datetime(y, m, d, tzinfo=utc)}
    result: dict[str, Any] = eval(block, {"__builtins__": {}}, namespace)
    return result


def split_unions(value: Any, shape_name: str, pick: int) -> Any:
    """Keep member number ``pick`` (mod the count) of every union that lists several."""
    table = SHAPES[shape_name]
    kind = table["type"]
    if kind == "structure" and isinstance(value, dict):
        items = {k: v for k, v in value.items() if k in table["members"]}
        if table.get("union") and len(items) > 1:
            key = sorted(items)[pick % len(items)]
            items = {key: items[key]}
        return {k: split_unions(v, table["members"][k], pick) for k, v in items.items()} | {
            k: v for k, v in value.items() if k not in table["members"]
        }
    if kind == "list" and isinstance(value, list):
        return [split_unions(v, table["member"], pick) for v in value]
    if kind == "map" and isinstance(value, dict):
        return {k: split_unions(v, table["value"], pick) for k, v in value.items()}
    return value


def union_width(value: Any, shape_name: str) -> int:
    """The largest number of members listed by any union inside ``value``."""
    table = SHAPES[shape_name]
    widths = [1]
    if table["type"] == "structure" and isinstance(value, dict):
        if table.get("union"):
            widths.append(len(value))
        widths += [
            union_width(v, table["members"][k]) for k, v in value.items() if k in table["members"]
        ]
    elif table["type"] == "list" and isinstance(value, list):
        widths += [union_width(v, table["member"]) for v in value]
    elif table["type"] == "map" and isinstance(value, dict):
        widths += [union_width(v, table["value"]) for v in value.values()]
    return max(widths)


# (spec file prefix, heading, shape name)
BLOCKS = [
    ("000", "Request Syntax", "CreateAutoMLJobV2Request"),
    ("000", "Response Syntax", "CreateAutoMLJobV2Response"),
    ("001", "Request Syntax", "CreateAutoMLJobRequest"),
    ("001", "Response Syntax", "CreateAutoMLJobResponse"),
    ("002", "Request Syntax", "DescribeAutoMLJobV2Request"),
    ("002", "Response Syntax", "DescribeAutoMLJobV2Response"),
]


def examples() -> list[tuple[str, str, dict[str, Any]]]:
    """(id, shape name, wire dict) for every syntax block, one per union member."""
    found = []
    for prefix, heading, shape in BLOCKS:
        (path,) = SPEC_DIR.glob(f"{prefix}_*.txt")
        example = parse_block(syntax_block(path.read_text(encoding="utf-8"), heading))
        for pick in range(union_width(example, shape)):
            case_id = f"{prefix}-{heading.split()[0].lower()}-{shape}-{pick}"
            found.append((case_id, shape, split_unions(example, shape, pick)))
    return found


def cli_man_page_request() -> dict[str, Any]:
    """A CreateAutoMLJob request assembled from the AWS CLI man page's per-option JSON Syntax."""
    (path,) = SPEC_DIR.glob("003_*.txt")
    text = path.read_text(encoding="utf-8")
    members = SHAPES["CreateAutoMLJobRequest"]["members"]
    by_option = {_option_name(member): member for member in members}
    request: dict[str, Any] = {
        "AutoMLJobName": "spec-cli-example",
        "RoleArn": "arn:aws:iam::123456789012:role/AutoMLRole",
        "ProblemType": "BinaryClassification",
    }
    sections = re.split(r"^       --([a-z-]+) \(\w+\)", text, flags=re.M)
    for option, section in zip(sections[1::2], sections[2::2], strict=True):
        block = re.search(r"JSON Syntax:\n(.*?)\n\n", section, re.S)
        if option in by_option and block:
            request[by_option[option]] = _parse_cli_json(block.group(1))
    return request


def _option_name(member: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "-", member).lower()


def _parse_cli_json(block: str) -> Any:
    block = "\n".join(line for line in block.splitlines() if line.strip() != "...")
    block = block.replace(", ...]", "]")
    block = re.sub(r'("[^"]*")(\|"[^"]*")+', r"\1", block)
    block = block.replace("true|false", "true")
    block = re.sub(r":\s*integer", ": 10", block)
    block = re.sub(r":\s*(float|double)", ": 0.2", block)
    return json.loads(block)


def newer_page_leaf_keys() -> set[str]:
    """The member names quoted in the newer create_auto_ml_job page (004), whose syntax block
    lost its brackets and top-level lines in the copy we have, so it cannot be parsed whole."""
    (path,) = SPEC_DIR.glob("004_*.txt")
    block = syntax_block(path.read_text(encoding="utf-8"), "Request Syntax")
    return set(re.findall(r"'(\w+)':", block))
