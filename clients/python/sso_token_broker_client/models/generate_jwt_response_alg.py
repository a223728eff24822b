from typing import Literal

GenerateJWTResponseAlg = Literal["ES256", "PS256", "RS256"]

GENERATE_JWT_RESPONSE_ALG_VALUES: set[GenerateJWTResponseAlg] = {
    "ES256",
    "PS256",
    "RS256",
}


def check_generate_jwt_response_alg(value: str) -> GenerateJWTResponseAlg:
    if value in GENERATE_JWT_RESPONSE_ALG_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GENERATE_JWT_RESPONSE_ALG_VALUES!r}")
