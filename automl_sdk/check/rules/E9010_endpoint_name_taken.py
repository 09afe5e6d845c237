"""E9010: ModelDeployConfig.EndpointName is already the name of an endpoint."""

from __future__ import annotations

from collections.abc import Iterator

from automl_sdk.check._context import CheckContext, endpoint_member
from automl_sdk.check._gather import ENDPOINT
from automl_sdk.check._rule import API_V1_PAGE, ENDPOINT_PAGE, CheckRule


class EndpointNameTaken(CheckRule):
    """The job would deploy to an endpoint name that is in use."""

    id = "E9010"
    short_description = "Endpoint name is already taken"
    description = (
        "With ModelDeployConfig.EndpointName (and AutoGenerateEndpointName false) the job "
        "creates an endpoint of that name when it ends; endpoint names are unique per account "
        "and region, so an existing endpoint makes the deployment fail after all the training."
    )
    source = (
        '"Specifies the endpoint name to use for a one-click Autopilot model deployment if the '
        f'endpoint name is not generated automatically." (EndpointName, {API_V1_PAGE}); '
        f"endpoint names are unique within an account and region ({ENDPOINT_PAGE})"
    )
    tags = ("resources", "sagemaker", "deploy")
    reads = frozenset({ENDPOINT})

    def inspect(self, ctx: CheckContext) -> Iterator[tuple[str, str]]:
        """Report an endpoint name SageMaker already has."""
        member = endpoint_member(ctx)
        endpoint = ctx.resources.endpoint
        if member is not None and isinstance(endpoint, dict):
            yield (
                member[0],
                f"endpoint name is already taken (got {member[1]!r}, an endpoint with status "
                f"{endpoint.get('EndpointStatus')!r}; expected a name no endpoint in "
                f"{ctx.resources.region} has); choose another EndpointName or delete the endpoint",
            )
