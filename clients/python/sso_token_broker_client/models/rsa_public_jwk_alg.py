from typing import Literal

RsaPublicJwkAlg = Literal["PS256", "RS256"]

RSA_PUBLIC_JWK_ALG_VALUES: set[RsaPublicJwkAlg] = {
    "PS256",
    "RS256",
}


def check_rsa_public_jwk_alg(value: str) -> RsaPublicJwkAlg:
    if value in RSA_PUBLIC_JWK_ALG_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RSA_PUBLIC_JWK_ALG_VALUES!r}")
