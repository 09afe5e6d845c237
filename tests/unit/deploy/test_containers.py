"""The container and response-key rules of automl_sdk.deploy, as pure functions."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from automl_sdk.deploy import (
    RESPONSE_KEYS,
    candidate_containers,
    processing_unit,
    with_response_keys,
)
from automl_sdk.errors import DeployError
from tests.support.deploy import (
    candidate,
    ensembling_containers,
    hpo_classification_containers,
    hpo_regression_containers,
    image_definitions,
)

INPUT, OUTPUT, SUPPORTED = (
    "SAGEMAKER_INFERENCE_INPUT",
    "SAGEMAKER_INFERENCE_OUTPUT",
    "SAGEMAKER_INFERENCE_SUPPORTED",
)


@pytest.mark.parametrize(
    ("instance_type", "unit"),
    [
        ("ml.g4dn.xlarge", "GPU"),
        ("ml.g5.2xlarge", "GPU"),
        ("ml.p3.2xlarge", "GPU"),
        ("ml.p4d.24xlarge", "GPU"),
        ("ml.m5.large", "CPU"),
        ("ml.c5.xlarge", "CPU"),
        ("ml.inf2.xlarge", "CPU"),
        (None, "CPU"),
    ],
)
def test_processing_unit_by_instance_family(instance_type: str | None, unit: str) -> None:
    assert processing_unit(instance_type) == unit


def _environments(containers: list[dict[str, Any]]) -> list[dict[str, str]]:
    return [dict(container.get("Environment", {})) for container in containers]


def test_hpo_classification_chains_output_and_input_through_three_containers() -> None:
    containers = hpo_classification_containers()
    result = with_response_keys(
        containers,
        ["predicted_label", "probability", "labels"],
        candidate_name="c",
        job_name="j",
    )
    first, second, third = _environments(result)
    assert first == containers[0]["Environment"]  # no SUPPORTED: left alone, chain reset
    assert second[OUTPUT] == "predicted_label,probability"  # it cannot produce labels
    assert INPUT not in second  # no earlier container declared keys
    assert third[OUTPUT] == "predicted_label,probability,labels"
    assert third[INPUT] == "predicted_label,probability"


def test_keys_keep_the_order_requested() -> None:
    result = with_response_keys(
        ensembling_containers(),
        ["probabilities", "predicted_label"],
        candidate_name="c",
        job_name="j",
    )
    assert result[0]["Environment"][OUTPUT] == "probabilities,predicted_label"
    assert INPUT not in result[0]["Environment"]


def test_a_container_without_supported_keys_resets_the_chain() -> None:
    chain = hpo_classification_containers()
    middle = copy.deepcopy(chain[0])
    containers = [chain[1], middle, chain[2]]
    result = with_response_keys(containers, ["probability"], candidate_name="c", job_name="j")
    assert result[0]["Environment"][OUTPUT] == "probability"
    assert result[1] == middle
    assert result[2]["Environment"][OUTPUT] == "probability"
    assert result[2]["Environment"][INPUT] == "predicted_label"  # the candidate's own, untouched


def test_no_keys_leaves_the_containers_as_they_are() -> None:
    containers = hpo_classification_containers()
    assert with_response_keys(containers, None, candidate_name="c", job_name="j") == containers
    assert with_response_keys(containers, [], candidate_name="c", job_name="j") == containers


def test_the_candidate_is_not_changed() -> None:
    containers = hpo_classification_containers()
    before = copy.deepcopy(containers)
    with_response_keys(containers, ["labels"], candidate_name="c", job_name="j")
    assert containers == before


def test_unsupported_key_is_refused_with_the_supported_ones() -> None:
    with pytest.raises(DeployError) as caught:
        with_response_keys(
            hpo_classification_containers(),
            ["predicted_label", "confidence"],
            candidate_name="churn-xgb-1",
            job_name="churn",
        )
    assert caught.value.message == (
        "inference response keys confidence are not supported by candidate 'churn-xgb-1' of "
        "AutoML job 'churn' (got predicted_label, confidence; expected some of "
        "predicted_label, probability, labels, probabilities)"
    )
    assert caught.value.job_name == "churn"


def test_regression_candidates_refuse_response_keys() -> None:
    with pytest.raises(DeployError) as caught:
        with_response_keys(
            hpo_regression_containers(), ["predicted_label"], candidate_name="r", job_name="price"
        )
    assert caught.value.message == (
        "candidate 'r' of AutoML job 'price' does not support choosing inference response keys "
        "(got predicted_label; its last container sets no SAGEMAKER_INFERENCE_SUPPORTED); "
        "deploy it without inference response keys"
    )


def test_repeated_keys_are_refused() -> None:
    with pytest.raises(DeployError, match=r"repeat labels \(got labels, probability, labels;"):
        with_response_keys(
            ensembling_containers(),
            ["labels", "probability", "labels"],
            candidate_name="c",
            job_name="j",
        )


def test_a_string_of_keys_is_not_taken_letter_by_letter() -> None:
    with pytest.raises(TypeError) as caught:
        with_response_keys(
            ensembling_containers(), "predicted_label,probability", candidate_name="c", job_name="j"
        )
    assert str(caught.value) == (
        "inference_response_keys must be a list of keys, not a string (got "
        "'predicted_label,probability'; expected e.g. ['predicted_label', 'probability'])"
    )


def test_gpu_instance_takes_the_gpu_definition() -> None:
    found = candidate("img", definitions=image_definitions())
    assert candidate_containers(found, "ml.g4dn.xlarge", job_name="j") == image_definitions()["GPU"]
    assert candidate_containers(found, "ml.m5.large", job_name="j") == image_definitions()["CPU"]
    assert candidate_containers(found, None, job_name="j") == image_definitions()["CPU"]


def test_missing_definition_is_a_clear_error() -> None:
    found = candidate("img", definitions={"CPU": image_definitions()["CPU"]})
    with pytest.raises(DeployError) as caught:
        candidate_containers(found, "ml.p3.2xlarge", job_name="pets")
    assert caught.value.message == (
        "candidate 'img' of AutoML job 'pets' has no GPU inference containers for instance type "
        "ml.p3.2xlarge (got definitions for CPU; expected GPU); choose an instance type of a "
        "family it has containers for"
    )


def test_definitions_win_over_inference_containers() -> None:
    found = candidate("txt", containers=ensembling_containers(), definitions=image_definitions())
    assert candidate_containers(found, "ml.m5.large", job_name="j") == image_definitions()["CPU"]


def test_tabular_containers_are_copied_whatever_the_instance() -> None:
    found = candidate("c", containers=hpo_regression_containers())
    assert (
        candidate_containers(found, "ml.g4dn.xlarge", job_name="j") == hpo_regression_containers()
    )


# -- the chain rule over any containers ------------------------------------------------------

key_subsets = st.lists(st.sampled_from(RESPONSE_KEYS), unique=True)
chains = st.lists(st.one_of(st.none(), key_subsets), min_size=1, max_size=5)


@st.composite
def containers_and_keys(draw: st.DrawFn) -> tuple[list[dict[str, Any]], list[str]]:
    declared = draw(chains)
    last = draw(key_subsets.filter(bool))
    declared[-1] = last
    containers = []
    for index, keys in enumerate(declared):
        environment = {"OTHER": str(index)}
        if keys is not None:
            environment[SUPPORTED] = ",".join(keys)
        containers.append(
            {"Image": f"i{index}", "ModelDataUrl": "s3://b/m", "Environment": environment}
        )
    requested = draw(st.lists(st.sampled_from(last), unique=True, min_size=1))
    return containers, requested


@given(containers_and_keys())
def test_chain_rule(case: tuple[list[dict[str, Any]], list[str]]) -> None:
    containers, requested = case
    result = with_response_keys(containers, requested, candidate_name="c", job_name="j")
    previous: list[str] | None = None
    for before, after in zip(containers, result, strict=True):
        environment = after["Environment"]
        assert environment["OTHER"] == before["Environment"]["OTHER"]
        if SUPPORTED not in before["Environment"]:
            assert after == before
            previous = None
            continue
        supported = before["Environment"][SUPPORTED].split(",")
        expected = [key for key in requested if key in supported]
        assert environment[OUTPUT] == ",".join(expected)
        if previous is None:
            assert INPUT not in environment
        else:
            assert environment[INPUT] == ",".join(previous)
        previous = expected
    assert result[-1]["Environment"][OUTPUT] == ",".join(requested)
