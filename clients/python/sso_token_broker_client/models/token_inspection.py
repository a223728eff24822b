from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.token_inspection_claims_type_0 import TokenInspectionClaimsType0
    from ..models.token_inspection_expected_type_0 import TokenInspectionExpectedType0
    from ..models.token_inspection_header_type_0 import TokenInspectionHeaderType0
    from ..models.token_inspection_keys import TokenInspectionKeys
    from ..models.token_inspection_rules_item import TokenInspectionRulesItem


T = TypeVar("T", bound="TokenInspection")


@_attrs_define
class TokenInspection:
    """
    Attributes:
        valid (bool): True when every rule passed (none failed, none unchecked).
        summary (str): In one sentence; names the first rule that fails.
        header (None | TokenInspectionHeaderType0): The decoded JOSE header (null if it could not be decoded).
        claims (None | TokenInspectionClaimsType0): The decoded claims, also when the signature does not verify (see
            `signatureVerified`).
        signature_verified (bool):
        checked_at (int): The broker's clock (Unix seconds) that `iat` and `exp` were checked against.
        leeway_seconds (int): How much clock difference the time rules allow.
        expected (None | TokenInspectionExpectedType0): The `iss` and `aud` checked against; null when neither a profile
            nor issuer and audience were sent.
        keys (TokenInspectionKeys):
        rules (list[TokenInspectionRulesItem]): Every rule, in the order a relying party checks them.
    """

    valid: bool
    summary: str
    header: None | TokenInspectionHeaderType0
    claims: None | TokenInspectionClaimsType0
    signature_verified: bool
    checked_at: int
    leeway_seconds: int
    expected: None | TokenInspectionExpectedType0
    keys: TokenInspectionKeys
    rules: list[TokenInspectionRulesItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.token_inspection_claims_type_0 import TokenInspectionClaimsType0  # noqa: PLC0415
        from ..models.token_inspection_expected_type_0 import TokenInspectionExpectedType0  # noqa: PLC0415
        from ..models.token_inspection_header_type_0 import TokenInspectionHeaderType0  # noqa: PLC0415

        valid = self.valid

        summary = self.summary

        header: dict[str, Any] | None
        if isinstance(self.header, TokenInspectionHeaderType0):
            header = self.header.to_dict()
        else:
            header = self.header

        claims: dict[str, Any] | None
        if isinstance(self.claims, TokenInspectionClaimsType0):
            claims = self.claims.to_dict()
        else:
            claims = self.claims

        signature_verified = self.signature_verified

        checked_at = self.checked_at

        leeway_seconds = self.leeway_seconds

        expected: dict[str, Any] | None
        if isinstance(self.expected, TokenInspectionExpectedType0):
            expected = self.expected.to_dict()
        else:
            expected = self.expected

        keys = self.keys.to_dict()

        rules = []
        for rules_item_data in self.rules:
            rules_item = rules_item_data.to_dict()
            rules.append(rules_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "valid": valid,
                "summary": summary,
                "header": header,
                "claims": claims,
                "signatureVerified": signature_verified,
                "checkedAt": checked_at,
                "leewaySeconds": leeway_seconds,
                "expected": expected,
                "keys": keys,
                "rules": rules,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.token_inspection_claims_type_0 import TokenInspectionClaimsType0  # noqa: PLC0415
        from ..models.token_inspection_expected_type_0 import TokenInspectionExpectedType0  # noqa: PLC0415
        from ..models.token_inspection_header_type_0 import TokenInspectionHeaderType0  # noqa: PLC0415
        from ..models.token_inspection_keys import TokenInspectionKeys  # noqa: PLC0415
        from ..models.token_inspection_rules_item import TokenInspectionRulesItem  # noqa: PLC0415

        d = dict(src_dict)
        valid = d.pop("valid")

        summary = d.pop("summary")

        def _parse_header(data: object) -> None | TokenInspectionHeaderType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                header_type_0 = TokenInspectionHeaderType0.from_dict(data)

                return header_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TokenInspectionHeaderType0, data)

        header = _parse_header(d.pop("header"))

        def _parse_claims(data: object) -> None | TokenInspectionClaimsType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                claims_type_0 = TokenInspectionClaimsType0.from_dict(data)

                return claims_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TokenInspectionClaimsType0, data)

        claims = _parse_claims(d.pop("claims"))

        signature_verified = d.pop("signatureVerified")

        checked_at = d.pop("checkedAt")

        leeway_seconds = d.pop("leewaySeconds")

        def _parse_expected(data: object) -> None | TokenInspectionExpectedType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                expected_type_0 = TokenInspectionExpectedType0.from_dict(data)

                return expected_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TokenInspectionExpectedType0, data)

        expected = _parse_expected(d.pop("expected"))

        keys = TokenInspectionKeys.from_dict(d.pop("keys"))

        rules = []
        _rules = d.pop("rules")
        for rules_item_data in _rules:
            rules_item = TokenInspectionRulesItem.from_dict(rules_item_data)

            rules.append(rules_item)

        token_inspection = cls(
            valid=valid,
            summary=summary,
            header=header,
            claims=claims,
            signature_verified=signature_verified,
            checked_at=checked_at,
            leeway_seconds=leeway_seconds,
            expected=expected,
            keys=keys,
            rules=rules,
        )

        token_inspection.additional_properties = d
        return token_inspection

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
