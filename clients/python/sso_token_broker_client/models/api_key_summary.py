from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.api_key_summary_scopes_item import ApiKeySummaryScopesItem, check_api_key_summary_scopes_item

T = TypeVar("T", bound="ApiKeySummary")


@_attrs_define
class ApiKeySummary:
    """
    Attributes:
        prefix (str): The key's first 12 characters (not enough to use it).
        label (str):
        scopes (list[ApiKeySummaryScopesItem]):
        rate_limit (str):
        created_at (datetime.datetime):
        revoked_at (datetime.datetime | None):
    """

    prefix: str
    label: str
    scopes: list[ApiKeySummaryScopesItem]
    rate_limit: str
    created_at: datetime.datetime
    revoked_at: datetime.datetime | None

    def to_dict(self) -> dict[str, Any]:
        prefix = self.prefix

        label = self.label

        scopes = []
        for scopes_item_data in self.scopes:
            scopes_item: str = scopes_item_data
            scopes.append(scopes_item)

        rate_limit = self.rate_limit

        created_at = self.created_at.isoformat()

        revoked_at: None | str
        if isinstance(self.revoked_at, datetime.datetime):
            revoked_at = self.revoked_at.isoformat()
        else:
            revoked_at = self.revoked_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "prefix": prefix,
                "label": label,
                "scopes": scopes,
                "rateLimit": rate_limit,
                "createdAt": created_at,
                "revokedAt": revoked_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        prefix = d.pop("prefix")

        label = d.pop("label")

        scopes = []
        _scopes = d.pop("scopes")
        for scopes_item_data in _scopes:
            scopes_item = check_api_key_summary_scopes_item(scopes_item_data)

            scopes.append(scopes_item)

        rate_limit = d.pop("rateLimit")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        def _parse_revoked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revoked_at_type_0 = datetime.datetime.fromisoformat(data)

                return revoked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        revoked_at = _parse_revoked_at(d.pop("revokedAt"))

        api_key_summary = cls(
            prefix=prefix,
            label=label,
            scopes=scopes,
            rate_limit=rate_limit,
            created_at=created_at,
            revoked_at=revoked_at,
        )

        return api_key_summary
