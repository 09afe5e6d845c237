"""The job handle's deploy methods: ``Job.create_model``, ``Job.deploy``, ``Job.transform``.

:class:`automl_sdk.Job` inherits :class:`DeployMethods`, whose methods *are* the functions of
this package (their first parameter is the job handle), so each signature and its documentation
is written once, beside the code it runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from automl_sdk.deploy._endpoint import deploy
from automl_sdk.deploy._model import create_model
from automl_sdk.deploy._transform import transform

if TYPE_CHECKING:
    from automl_sdk.client import AutoMLClient

__all__ = ["DeployMethods", "JobHandle"]


class JobHandle(Protocol):
    """What deploying needs of a job handle: the AutoML job's name and the client."""

    @property
    def name(self) -> str: ...

    @property
    def client(self) -> AutoMLClient: ...


class DeployMethods:
    """``create_model``, ``deploy`` and ``transform`` as methods of a job handle."""

    __slots__ = ()
    create_model = create_model
    deploy = deploy
    transform = transform
