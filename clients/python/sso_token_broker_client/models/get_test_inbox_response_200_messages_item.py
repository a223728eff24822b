from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="GetTestInboxResponse200MessagesItem")


@_attrs_define
class GetTestInboxResponse200MessagesItem:
    """
    Attributes:
        id (str):
        received_at (datetime.datetime):
        from_ (str): The From header, decoded: the account's display name and the broker's address
            (`Tatooine Physio <no-reply@broker.example>`).
        to (str):
        bcc (list[str]):
        subject (str):
        text (str): The plain-text part.
        html (str): The HTML part.
        url (str): The launch link the mail carries.
    """

    id: str
    received_at: datetime.datetime
    from_: str
    to: str
    bcc: list[str]
    subject: str
    text: str
    html: str
    url: str

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        received_at = self.received_at.isoformat()

        from_ = self.from_

        to = self.to

        bcc = self.bcc

        subject = self.subject

        text = self.text

        html = self.html

        url = self.url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "receivedAt": received_at,
                "from": from_,
                "to": to,
                "bcc": bcc,
                "subject": subject,
                "text": text,
                "html": html,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        received_at = datetime.datetime.fromisoformat(d.pop("receivedAt"))

        from_ = d.pop("from")

        to = d.pop("to")

        bcc = cast(list[str], d.pop("bcc"))

        subject = d.pop("subject")

        text = d.pop("text")

        html = d.pop("html")

        url = d.pop("url")

        get_test_inbox_response_200_messages_item = cls(
            id=id,
            received_at=received_at,
            from_=from_,
            to=to,
            bcc=bcc,
            subject=subject,
            text=text,
            html=html,
            url=url,
        )

        return get_test_inbox_response_200_messages_item
