"""Every check rule tolerates any request and any mix of facts: no rule ever raises."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from automl_sdk.check._aws import Failure
from automl_sdk.check._context import CheckContext
from automl_sdk.check._facts import MISSING, Channel, Resources, Sample
from automl_sdk.check._gather import plan_channels
from automl_sdk.lint._context import LintContext
from automl_sdk.lint._registry import check_rules
from tests.support.requests import tabular_v1_request, tabular_v2_request

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=6),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)
ANSWER: st.SearchStrategy[Any] = st.sampled_from(
    [MISSING, Failure("x:Y", "AccessDenied"), None, {}, "us-east-1", "eu-west-1"]
)
SAMPLE = st.builds(
    Sample,
    uri=st.just("s3://b/k"),
    size=st.none() | st.integers(0, 2**40),
    missing=st.booleans(),
    raw_kind=st.sampled_from([None, "gzip", "Parquet", "text", "PNG", "empty", "binary"]),
    data_kind=st.sampled_from([None, "corrupt gzip", "Parquet", "text", "JPEG"]),
    whole=st.booleans(),
    values=st.none() | st.just({"date": frozenset({"1", "2"})}),
)


def _mutated(request: dict[str, Any], path: list[str], value: Any) -> dict[str, Any]:
    target = request
    for key in path[:-1]:
        target = target.setdefault(key, {}) if isinstance(target.get(key), dict) else {}
    target[path[-1]] = value
    return request


@settings(max_examples=150, deadline=None)
@given(
    st.booleans(),
    st.sampled_from(
        [
            ["RoleArn"],
            ["OutputDataConfig", "KmsKeyId"],
            ["SecurityConfig", "VpcConfig"],
            ["AutoMLProblemTypeConfig", "TabularJobConfig", "TargetAttributeName"],
            ["ModelDeployConfig"],
        ]
    ),
    JSON,
    st.lists(SAMPLE, max_size=3),
    ANSWER,
    ANSWER,
)
def test_no_check_rule_raises(
    v1: bool, path: list[str], value: Any, samples: list[Sample], role: Any, region: Any
) -> None:
    request = _mutated(tabular_v1_request() if v1 else tabular_v2_request(), path, value)
    operation = "CreateAutoMLJob" if v1 else "CreateAutoMLJobV2"
    channels: list[Channel] = plan_channels(LintContext(request, operation))
    for channel in channels:
        channel.samples = list(samples)
        channel.objects = [(sample.uri, sample.size) for sample in samples]
    resources = Resources(region="us-east-1", role=role, buckets={"b": region}, endpoint=role)
    resources.subnets = resources.security_groups = role
    ctx = CheckContext(request, operation, data=channels, resources=resources, scan=False)
    for rule in check_rules():
        list(rule.check(ctx))
