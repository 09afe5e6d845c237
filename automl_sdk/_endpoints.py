"""Whether an endpoint URL is AWS's own or a custom one (a local server, a proxy).

A custom endpoint given for SageMaker serves every other service too (one moto server does), so
the clients made beside the SageMaker client reuse it; an AWS endpoint is SageMaker's alone and
botocore resolves each other service's own.
"""

from __future__ import annotations

from urllib.parse import urlsplit

_AWS_DOMAINS = ("amazonaws.com", "amazonaws.com.cn")


def is_aws_endpoint(url: str | None) -> bool:
    """True for ``https://api.sagemaker.us-east-1.amazonaws.com`` and the China regions' hosts;
    False for ``http://127.0.0.1:5000`` or any other host (and for no URL)."""
    if not url:
        return False
    host = urlsplit(url).hostname or ""
    return host.endswith(_AWS_DOMAINS)
