from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.token_inspection_rules_item_result import (
    TokenInspectionRulesItemResult,
    check_token_inspection_rules_item_result,
)
from ..models.token_inspection_rules_item_rule import (
    TokenInspectionRulesItemRule,
    check_token_inspection_rules_item_rule,
)

T = TypeVar("T", bound="TokenInspectionRulesItem")


@_attrs_define
class TokenInspectionRulesItem:
    """
    Attributes:
        rule (TokenInspectionRulesItemRule):
        result (TokenInspectionRulesItemResult):
        detail (str): Why, in a sentence.
    """

    rule: TokenInspectionRulesItemRule
    result: TokenInspectionRulesItemResult
    detail: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        rule: str = self.rule

        result: str = self.result

        detail = self.detail

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "rule": rule,
                "result": result,
                "detail": detail,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rule = check_token_inspection_rules_item_rule(d.pop("rule"))

        result = check_token_inspection_rules_item_result(d.pop("result"))

        detail = d.pop("detail")

        token_inspection_rules_item = cls(
            rule=rule,
            result=result,
            detail=detail,
        )

        token_inspection_rules_item.additional_properties = d
        return token_inspection_rules_item

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
