from typing import Literal

TokenInspectionRulesItemResult = Literal["fail", "pass", "unchecked"]

TOKEN_INSPECTION_RULES_ITEM_RESULT_VALUES: set[TokenInspectionRulesItemResult] = {
    "fail",
    "pass",
    "unchecked",
}


def check_token_inspection_rules_item_result(value: str) -> TokenInspectionRulesItemResult:
    if value in TOKEN_INSPECTION_RULES_ITEM_RESULT_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {TOKEN_INSPECTION_RULES_ITEM_RESULT_VALUES!r}")
