"""Secrets Manager for the tests: the moto emulator's credentials and region."""

from __future__ import annotations

import os

REGION = "eu-north-1"


def use_emulator_credentials() -> None:
    """boto3 needs credentials; the emulator accepts any. Called before any client is built."""
    os.environ.update(
        AWS_ACCESS_KEY_ID="test-emulator",
        AWS_SECRET_ACCESS_KEY="test-emulator",
        AWS_REGION=REGION,
        AWS_DEFAULT_REGION=REGION,
    )
    os.environ.pop("AWS_PROFILE", None)
