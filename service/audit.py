"""Audit events: who minted what for which profile and when; subjects only as keyed hashes."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from service.credentials import subject_hash
from service.store import Store

log = logging.getLogger(__name__)


def subject_identifiers(payload: Mapping[str, Any]) -> list[str]:
    """The partner's ids of organisation, employee and contact, where the payload has them."""
    contact = payload.get("contact")
    ids = [payload.get("organizationId"), payload.get("employeeId")]
    if isinstance(contact, Mapping):
        ids.append(contact.get("id"))
    return [str(value) for value in ids if isinstance(value, str | int) and not isinstance(value, bool)]


class Auditor:
    def __init__(self, store: Store, hash_key: str) -> None:
        self._store = store
        self._hash_key = hash_key

    def record(
        self,
        action: str,
        outcome: str,
        *,
        request_id: str,
        tenant_id: int | None,
        api_key_prefix: str | None,
        profile_id: int | None = None,
        kid: str | None = None,
        payload: Mapping[str, Any] | None = None,
        detail: Mapping[str, Any] | None = None,
    ) -> None:
        ids = subject_identifiers(payload) if payload else []
        self._store.record_audit(
            action=action,
            outcome=outcome,
            request_id=request_id,
            tenant_id=tenant_id,
            api_key_prefix=api_key_prefix,
            profile_id=profile_id,
            kid=kid,
            subject_hash=subject_hash(self._hash_key, *ids) if ids else None,
            detail=dict(detail or {}),
        )
