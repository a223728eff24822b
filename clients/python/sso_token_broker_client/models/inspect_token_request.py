from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.inspect_token_request_jwks import InspectTokenRequestJwks


T = TypeVar("T", bound="InspectTokenRequest")


@_attrs_define
class InspectTokenRequest:
    """
    Attributes:
        token (str): The JWT (compact JWS, `eyJ….eyJ….…`).
        profile_key (str | Unset): A profile of your account: its keyset's published JWKS is used (unless you send
            `jwks`), and `iss` and
            `aud` are checked against it.
        jwks (InspectTokenRequestJwks | Unset): A JWKS document to check the signature with, e.g. your own when you sign
            tokens yourself. Public keys
            only: a key with private members is refused. (A URL is refused too: the broker fetches nothing.)
        issuer (str | Unset): The `iss` to expect, without `profileKey` (send `audience` with it).
        audience (str | Unset): The `aud` to expect, without `profileKey` (send `issuer` with it).
    """

    token: str
    profile_key: str | Unset = UNSET
    jwks: InspectTokenRequestJwks | Unset = UNSET
    issuer: str | Unset = UNSET
    audience: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        token = self.token

        profile_key = self.profile_key

        jwks: dict[str, Any] | Unset = UNSET
        if not isinstance(self.jwks, Unset):
            jwks = self.jwks.to_dict()

        issuer = self.issuer

        audience = self.audience

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "token": token,
            }
        )
        if profile_key is not UNSET:
            field_dict["profileKey"] = profile_key
        if jwks is not UNSET:
            field_dict["jwks"] = jwks
        if issuer is not UNSET:
            field_dict["issuer"] = issuer
        if audience is not UNSET:
            field_dict["audience"] = audience

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.inspect_token_request_jwks import InspectTokenRequestJwks  # noqa: PLC0415

        d = dict(src_dict)
        token = d.pop("token")

        profile_key = d.pop("profileKey", UNSET)

        _jwks = d.pop("jwks", UNSET)
        jwks: InspectTokenRequestJwks | Unset
        if isinstance(_jwks, Unset):
            jwks = UNSET
        else:
            jwks = InspectTokenRequestJwks.from_dict(_jwks)

        issuer = d.pop("issuer", UNSET)

        audience = d.pop("audience", UNSET)

        inspect_token_request = cls(
            token=token,
            profile_key=profile_key,
            jwks=jwks,
            issuer=issuer,
            audience=audience,
        )

        return inspect_token_request
