from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.ec_public_jwk import EcPublicJwk
    from ..models.rsa_public_jwk import RsaPublicJwk


T = TypeVar("T", bound="Jwks")


@_attrs_define
class Jwks:
    """A JSON Web Key Set (RFC 7517) with public keys only; never empty.

    Attributes:
        keys (list[EcPublicJwk | RsaPublicJwk]):
    """

    keys: list[EcPublicJwk | RsaPublicJwk]

    def to_dict(self) -> dict[str, Any]:
        from ..models.ec_public_jwk import EcPublicJwk  # noqa: PLC0415

        keys = []
        for keys_item_data in self.keys:
            keys_item: dict[str, Any]
            if isinstance(keys_item_data, EcPublicJwk):
                keys_item = keys_item_data.to_dict()
            else:
                keys_item = keys_item_data.to_dict()

            keys.append(keys_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "keys": keys,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ec_public_jwk import EcPublicJwk  # noqa: PLC0415
        from ..models.rsa_public_jwk import RsaPublicJwk  # noqa: PLC0415

        d = dict(src_dict)
        keys = []
        _keys = d.pop("keys")
        for keys_item_data in _keys:

            def _parse_keys_item(data: object) -> EcPublicJwk | RsaPublicJwk:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_public_jwk_type_0 = EcPublicJwk.from_dict(data)

                    return componentsschemas_public_jwk_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_public_jwk_type_1 = RsaPublicJwk.from_dict(data)

                return componentsschemas_public_jwk_type_1

            keys_item = _parse_keys_item(keys_item_data)

            keys.append(keys_item)

        jwks = cls(
            keys=keys,
        )

        return jwks
