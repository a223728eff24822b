from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.generate_jwt_request_locale import GenerateJWTRequestLocale, check_generate_jwt_request_locale
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.email_request import EmailRequest
    from ..models.exor_live_go_payload import ExorLiveGoPayload
    from ..models.exor_live_main_payload import ExorLiveMainPayload
    from ..models.generic_payload import GenericPayload


T = TypeVar("T", bound="GenerateJWTRequest")


@_attrs_define
class GenerateJWTRequest:
    """The generateJWT request. `payload` is required, and a profile key in `profileKey` or in the
    `Profile-Key` header. Fields not listed here are refused with `422`; the Ayrshare-style fields
    `privateKey`, `base64` and `domain` are refused with an explanation (the broker holds the keys, and
    the relying party's domain is part of the profile).

        Attributes:
            payload (ExorLiveGoPayload | ExorLiveMainPayload | GenericPayload): The claims about the user, as a JSON object;
                they appear at the top level of the token. Which
                fields are required depends on the profile's payload kind, checked after the profile is found:
                see `ExorLiveMainPayload` (`exorlive-main`), `ExorLiveGoPayload` (`exorlive-go`) and
                `GenericPayload` (`generic`, any object). For every kind: at most 8 KiB as compact JSON, and none
                of the names `iss`, `aud`, `exp`, `nbf`, `iat`, `nonce`, `jti`, `sub` (the broker sets those) or
                `redirect`, `azp`, `acr`, `amr`, `auth_time`, `scope`, `sid`, `cnf`, `client_id`, `typ` (a relying
                party may act on them; `redirect` belongs at the top level).
            profile_key (str | Unset): Which profile to sign for (it starts with `pk_`). Required here or as the `Profile-
                Key` header.
                Sending your API key (`tbk_…`) here is refused with `400 api_key_as_profile_key`.
            expire_in (int | str | Unset): How long, in minutes, the URL should work (1 to 2880, i.e. 48 hours; default 5):
                a whole number (`5`, not
                `5.0` or `"5"`), or a duration as a string: `"90m"`, `"48h"`, `"2d"`. The token itself never lives longer
                than the profile allows (at most 5 minutes); the response's `expiresIn` says what was granted.
            expires_in (int | str | Unset): How long, in minutes, the URL should work (1 to 2880, i.e. 48 hours; default 5):
                a whole number (`5`, not
                `5.0` or `"5"`), or a duration as a string: `"90m"`, `"48h"`, `"2d"`. The token itself never lives longer
                than the profile allows (at most 5 minutes); the response's `expiresIn` says what was granted.
            verify (bool | Unset): `true` to have the broker check the new token against its published JWKS with the relying
                party's rules before returning it. Only JSON `true`/`false` are accepted. If the check fails the
                answer is `503 verification_failed` and no token is returned.
                 Default: False.
            redirect (str | Unset): An http(s) URL the relying party may send the user to after signing in; it becomes the
                `redirect` claim. Its origin (scheme, host and port) must be one of the profile's allowed
                origins, otherwise `422 redirect_not_allowed`.
            email (EmailRequest | Unset): Mail the `url` (always a launch link when `email` is given; it waits for a click,
                since mail scanners
                open links) to a member. Needs the scope `links:email`, and `links:long` when `expireIn` outlives the
                token. The mail (text and HTML) carries the link, its expiry in words and as a date, and what you
                give here, nothing from the payload. If the mail server refuses or is down, the answer is
                `502 email_failed` and the link made for it is revoked. Invalid addresses are `422` before anything
                is made. Values may not contain line breaks or other control characters. The mail is From your
                account's display name on the broker's address (`Tatooine Physio <no-reply@broker.example>`).
            include_token (bool | Unset): With `email`, the answer leaves out `token` (your tool wanted a mail, not the
                member's live token,
                and Bubble logs what it receives) unless this is `true`. Without `email`, `token` is always there.
                 Default: False.
            replaces (str | Unset): The `linkId` of an earlier link of yours (any state) that the new one replaces: the new
                link is made
                and the old one revoked in one transaction, so re-sending an invitation leaves exactly one working
                link. The answer's `url` is then always a launch link. Needs the scope `links:admin`. An unknown id,
                or another account's, is `404 link_not_found` and nothing is made.
            qr (bool | Unset): `true` adds `qrSvg`, an SVG QR code of the launch link, for a screen in front of the member:
                they scan
                it and go on on their phone. The `url` is then always a launch link that waits for a tap. Not with
                `email` (`422`: a QR code is for someone in front of you). The QR code is made for each answer and
                never stored.
                 Default: False.
            locale (GenerateJWTRequestLocale | Unset): The language of the launch link's pages, mail and QR code title: `nb`
                (Norwegian bokmål), `nn`
                (nynorsk) or `en`.
                Kept with the link. Default: the profile's locale; without one, pages follow the browser's
                `Accept-Language` and mails are in English.
    """

    payload: ExorLiveGoPayload | ExorLiveMainPayload | GenericPayload
    profile_key: str | Unset = UNSET
    expire_in: int | str | Unset = UNSET
    expires_in: int | str | Unset = UNSET
    verify: bool | Unset = False
    redirect: str | Unset = UNSET
    email: EmailRequest | Unset = UNSET
    include_token: bool | Unset = False
    replaces: str | Unset = UNSET
    qr: bool | Unset = False
    locale: GenerateJWTRequestLocale | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.exor_live_go_payload import ExorLiveGoPayload  # noqa: PLC0415
        from ..models.exor_live_main_payload import ExorLiveMainPayload  # noqa: PLC0415

        payload: dict[str, Any]
        if isinstance(self.payload, ExorLiveMainPayload):
            payload = self.payload.to_dict()
        elif isinstance(self.payload, ExorLiveGoPayload):
            payload = self.payload.to_dict()
        else:
            payload = self.payload.to_dict()

        profile_key = self.profile_key

        expire_in: int | str | Unset
        if isinstance(self.expire_in, Unset):
            expire_in = UNSET
        else:
            expire_in = self.expire_in

        expires_in: int | str | Unset
        if isinstance(self.expires_in, Unset):
            expires_in = UNSET
        else:
            expires_in = self.expires_in

        verify = self.verify

        redirect = self.redirect

        email: dict[str, Any] | Unset = UNSET
        if not isinstance(self.email, Unset):
            email = self.email.to_dict()

        include_token = self.include_token

        replaces = self.replaces

        qr = self.qr

        locale: str | Unset = UNSET
        if not isinstance(self.locale, Unset):
            locale = self.locale

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "payload": payload,
            }
        )
        if profile_key is not UNSET:
            field_dict["profileKey"] = profile_key
        if expire_in is not UNSET:
            field_dict["expireIn"] = expire_in
        if expires_in is not UNSET:
            field_dict["expiresIn"] = expires_in
        if verify is not UNSET:
            field_dict["verify"] = verify
        if redirect is not UNSET:
            field_dict["redirect"] = redirect
        if email is not UNSET:
            field_dict["email"] = email
        if include_token is not UNSET:
            field_dict["includeToken"] = include_token
        if replaces is not UNSET:
            field_dict["replaces"] = replaces
        if qr is not UNSET:
            field_dict["qr"] = qr
        if locale is not UNSET:
            field_dict["locale"] = locale

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.email_request import EmailRequest  # noqa: PLC0415
        from ..models.exor_live_go_payload import ExorLiveGoPayload  # noqa: PLC0415
        from ..models.exor_live_main_payload import ExorLiveMainPayload  # noqa: PLC0415
        from ..models.generic_payload import GenericPayload  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_payload(data: object) -> ExorLiveGoPayload | ExorLiveMainPayload | GenericPayload:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                payload_type_0 = ExorLiveMainPayload.from_dict(data)

                return payload_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                payload_type_1 = ExorLiveGoPayload.from_dict(data)

                return payload_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            payload_type_2 = GenericPayload.from_dict(data)

            return payload_type_2

        payload = _parse_payload(d.pop("payload"))

        profile_key = d.pop("profileKey", UNSET)

        def _parse_expire_in(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        expire_in = _parse_expire_in(d.pop("expireIn", UNSET))

        def _parse_expires_in(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        expires_in = _parse_expires_in(d.pop("expiresIn", UNSET))

        verify = d.pop("verify", UNSET)

        redirect = d.pop("redirect", UNSET)

        _email = d.pop("email", UNSET)
        email: EmailRequest | Unset
        if isinstance(_email, Unset):
            email = UNSET
        else:
            email = EmailRequest.from_dict(_email)

        include_token = d.pop("includeToken", UNSET)

        replaces = d.pop("replaces", UNSET)

        qr = d.pop("qr", UNSET)

        _locale = d.pop("locale", UNSET)
        locale: GenerateJWTRequestLocale | Unset
        if isinstance(_locale, Unset):
            locale = UNSET
        else:
            locale = check_generate_jwt_request_locale(_locale)

        generate_jwt_request = cls(
            payload=payload,
            profile_key=profile_key,
            expire_in=expire_in,
            expires_in=expires_in,
            verify=verify,
            redirect=redirect,
            email=email,
            include_token=include_token,
            replaces=replaces,
            qr=qr,
            locale=locale,
        )

        return generate_jwt_request
