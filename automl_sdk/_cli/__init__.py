"""Subcommands of the ``automl-sdk`` CLI, one module per concern (see ``automl_sdk.cli``)."""
