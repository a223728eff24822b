from typing import Literal

GenerateJWTResponseDelivery = Literal["email", "test-inbox"]

GENERATE_JWT_RESPONSE_DELIVERY_VALUES: set[GenerateJWTResponseDelivery] = {
    "email",
    "test-inbox",
}


def check_generate_jwt_response_delivery(value: str) -> GenerateJWTResponseDelivery:
    if value in GENERATE_JWT_RESPONSE_DELIVERY_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {GENERATE_JWT_RESPONSE_DELIVERY_VALUES!r}")
