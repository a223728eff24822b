from typing import Literal

TokenInspectionRulesItemRule = Literal[
    "alg", "aud", "exp", "format", "header", "iat", "iss", "kid", "lifetime", "nbf", "nonce", "signature", "typ"
]

TOKEN_INSPECTION_RULES_ITEM_RULE_VALUES: set[TokenInspectionRulesItemRule] = {
    "alg",
    "aud",
    "exp",
    "format",
    "header",
    "iat",
    "iss",
    "kid",
    "lifetime",
    "nbf",
    "nonce",
    "signature",
    "typ",
}


def check_token_inspection_rules_item_rule(value: str) -> TokenInspectionRulesItemRule:
    if value in TOKEN_INSPECTION_RULES_ITEM_RULE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TOKEN_INSPECTION_RULES_ITEM_RULE_VALUES!r}")
