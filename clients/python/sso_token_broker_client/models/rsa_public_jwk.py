from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..models.rsa_public_jwk_alg import RsaPublicJwkAlg, check_rsa_public_jwk_alg

T = TypeVar("T", bound="RsaPublicJwk")


@_attrs_define
class RsaPublicJwk:
    """An RSA public key (at least 2048 bits) for RS256 or PS256.

    Attributes:
        kty (Literal['RSA']):
        n (str):
        e (str):
        kid (str): RFC 7638 thumbprint; the `kid` in the header of tokens this key signs.
        alg (RsaPublicJwkAlg):
        use (Literal['sig']):
    """

    kty: Literal["RSA"]
    n: str
    e: str
    kid: str
    alg: RsaPublicJwkAlg
    use: Literal["sig"]

    def to_dict(self) -> dict[str, Any]:
        kty = self.kty

        n = self.n

        e = self.e

        kid = self.kid

        alg: str = self.alg

        use = self.use

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kty": kty,
                "n": n,
                "e": e,
                "kid": kid,
                "alg": alg,
                "use": use,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kty = cast(Literal["RSA"], d.pop("kty"))
        if kty != "RSA":
            raise ValueError(f"kty must match const 'RSA', got '{kty}'")

        n = d.pop("n")

        e = d.pop("e")

        kid = d.pop("kid")

        alg = check_rsa_public_jwk_alg(d.pop("alg"))

        use = cast(Literal["sig"], d.pop("use"))
        if use != "sig":
            raise ValueError(f"use must match const 'sig', got '{use}'")

        rsa_public_jwk = cls(
            kty=kty,
            n=n,
            e=e,
            kid=kid,
            alg=alg,
            use=use,
        )

        return rsa_public_jwk
