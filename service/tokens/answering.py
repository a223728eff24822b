"""generateJWT from a parsed request to the answer the client gets: idempotency around minting, and the audit
of the outcome the client actually got."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from service.apikeys.caller import Caller
from service.links.qr import qr_svg
from service.tokens import idempotency
from service.tokens.idempotency import Idempotency
from service.tokens.minting import Generated, Minter


@dataclasses.dataclass(frozen=True)
class Answer:
    body: dict[str, Any]
    replayed: bool
    profile_id: int | None


def answer(
    minter: Minter,
    keys: Idempotency,
    caller: Caller,
    body: Mapping[str, Any],
    profile_key: str | None,
    idempotency_key: str | None,
    request_id: str,
) -> Answer:
    """Mint (or replay) and confirm; a request that minted but cannot answer revokes what it made."""
    made: list[Generated] = []

    def generate() -> dict[str, Any]:
        generated = minter.generate(caller, body, profile_key, request_id)
        made.append(generated)
        return generated.response

    try:
        if idempotency_key is None:
            result, replayed = generate(), False
        else:
            fingerprint = idempotency.fingerprint(body, profile_key)
            result, replayed = keys.run(caller.tenant_id, idempotency_key, fingerprint, generate)
    except BaseException:
        # Minted, but the answer was not stored and will not be given (the database failed, say).
        for generated in made:
            minter.undo(generated)
        raise
    for generated in made:
        minter.confirm(generated)
    if body.get("qr") is True and "linkId" in result:
        # Titled in the link's language. A replay made nothing, so it may ask the database (after `confirm`, a
        # fresh answer must not: a failure then would leave an audited, usable link that nobody got).
        locale = made[0].link_locale if made else minter.link_locale(caller.tenant_id, result["linkId"])
        result = with_qr_code(result, locale)
    return Answer(result, replayed, made[0].profile.id if made else None)


def with_qr_code(result: dict[str, Any], locale: str | None) -> dict[str, Any]:
    """The answer with `qrSvg` after `linkId`, titled in `locale`: made for each answer (a replay too), never stored."""
    answered: dict[str, Any] = {}
    for name, value in result.items():
        answered[name] = value
        if name == "linkId":
            answered["qrSvg"] = qr_svg(result["url"], locale)
    return answered
