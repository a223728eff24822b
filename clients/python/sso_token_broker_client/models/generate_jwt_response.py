from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.generate_jwt_response_alg import GenerateJWTResponseAlg, check_generate_jwt_response_alg
from ..models.generate_jwt_response_delivery import GenerateJWTResponseDelivery, check_generate_jwt_response_delivery
from ..types import UNSET, Unset

T = TypeVar("T", bound="GenerateJWTResponse")


@_attrs_define
class GenerateJWTResponse:
    """
    Attributes:
        url (None | str): The URL to open (e.g. with Bubble's *Open an external website*): the relying party's URL with
            the
            token in its query (`query` profiles), the URL the relying party answered (`exchange`), or a
            launch link on the broker (`form` profiles, and any profile when `expireIn` outlives the token,
            with `email`, `qr` or `replaces`).
        expires_at (datetime.datetime): When `url` stops working (UTC); for a launch link, `expireIn` after the request.
        token_expires_at (datetime.datetime): When the token expires (its `exp` claim, UTC).
        expires_in (str): How long `url` works, in minutes (`"30m"`) or, if not whole minutes, seconds (`"90s"`).
        kid (str): The id of the signing key (its RFC 7638 thumbprint), as in the token header and the JWKS.
        alg (GenerateJWTResponseAlg): The signature algorithm, as in the token header.
        profile (str): The name of the profile the token was made for.
        request_id (str): The id of this request, equal to the `X-Request-Id` response header.
        token (str | Unset): The signed JWT (compact JWS). A live credential for up to 5 minutes; do not log or store
            it. Left
            out when the request had `email` without `includeToken: true`.
        link_id (str | Unset): Present exactly when `url` is a launch link: its public id (it opens nothing), for
            `GET /api/v1/links/{linkId}`, `replaces` and revocation.
        qr_svg (str | Unset): Present when the request had `qr`; an SVG document of a QR code of `url`. Its `<title>`
            ("Sign-in
            link") is in the link's language (`locale`, else the profile's; English without either).
        verified (bool | Unset): Present, and `true`, only when the request asked for `verify`.
        email_sent (bool | Unset): Present when the request asked for `email`: `true` when the mail server accepted the
            mail; `false` for
            a test key (`tbk_test_…`), whose mail is never sent but kept in the test inbox (`delivery:
            test-inbox`, read it with `GET /api/v1/test-inbox`). A mail the server refused is `502 email_failed`,
            never `false`.
        delivery (GenerateJWTResponseDelivery | Unset): Present when the request asked for `email`: where the mail went.
            `email`, sent to the member (live
            keys); `test-inbox`, kept for `GET /api/v1/test-inbox` (test keys).
    """

    url: None | str
    expires_at: datetime.datetime
    token_expires_at: datetime.datetime
    expires_in: str
    kid: str
    alg: GenerateJWTResponseAlg
    profile: str
    request_id: str
    token: str | Unset = UNSET
    link_id: str | Unset = UNSET
    qr_svg: str | Unset = UNSET
    verified: bool | Unset = UNSET
    email_sent: bool | Unset = UNSET
    delivery: GenerateJWTResponseDelivery | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        url: None | str
        url = self.url

        expires_at = self.expires_at.isoformat()

        token_expires_at = self.token_expires_at.isoformat()

        expires_in = self.expires_in

        kid = self.kid

        alg: str = self.alg

        profile = self.profile

        request_id = self.request_id

        token = self.token

        link_id = self.link_id

        qr_svg = self.qr_svg

        verified = self.verified

        email_sent = self.email_sent

        delivery: str | Unset = UNSET
        if not isinstance(self.delivery, Unset):
            delivery = self.delivery

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "url": url,
                "expiresAt": expires_at,
                "tokenExpiresAt": token_expires_at,
                "expiresIn": expires_in,
                "kid": kid,
                "alg": alg,
                "profile": profile,
                "requestId": request_id,
            }
        )
        if token is not UNSET:
            field_dict["token"] = token
        if link_id is not UNSET:
            field_dict["linkId"] = link_id
        if qr_svg is not UNSET:
            field_dict["qrSvg"] = qr_svg
        if verified is not UNSET:
            field_dict["verified"] = verified
        if email_sent is not UNSET:
            field_dict["emailSent"] = email_sent
        if delivery is not UNSET:
            field_dict["delivery"] = delivery

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        url = _parse_url(d.pop("url"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expiresAt"))

        token_expires_at = datetime.datetime.fromisoformat(d.pop("tokenExpiresAt"))

        expires_in = d.pop("expiresIn")

        kid = d.pop("kid")

        alg = check_generate_jwt_response_alg(d.pop("alg"))

        profile = d.pop("profile")

        request_id = d.pop("requestId")

        token = d.pop("token", UNSET)

        link_id = d.pop("linkId", UNSET)

        qr_svg = d.pop("qrSvg", UNSET)

        verified = d.pop("verified", UNSET)

        email_sent = d.pop("emailSent", UNSET)

        _delivery = d.pop("delivery", UNSET)
        delivery: GenerateJWTResponseDelivery | Unset
        if isinstance(_delivery, Unset):
            delivery = UNSET
        else:
            delivery = check_generate_jwt_response_delivery(_delivery)

        generate_jwt_response = cls(
            url=url,
            expires_at=expires_at,
            token_expires_at=token_expires_at,
            expires_in=expires_in,
            kid=kid,
            alg=alg,
            profile=profile,
            request_id=request_id,
            token=token,
            link_id=link_id,
            qr_svg=qr_svg,
            verified=verified,
            email_sent=email_sent,
            delivery=delivery,
        )

        return generate_jwt_response
