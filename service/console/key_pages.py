"""The console's Keys page: the keysets the account's profiles sign with, each published key's stage and age,
and when the next promotion is allowed.

Read-only for every role: operators rotate with the CLI (`keysets rotate|promote`). The numbers are
`rotation.status`'s, the one the CLI's `keysets status` prints, read from Secrets Manager on the broker's
clock; the secret's name and version ids (the operator's business) are not shown.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError
from flask import current_app
from werkzeug.wrappers import Response as BaseResponse

from service import locales
from service.console import web
from service.errors import RotationRefused
from service.keys import rotation
from service.keys.jwks import keyset_ref
from service.locales import N_
from service.profiles.rules import display_name
from service.wiring import services

bp = web.bp
web.nav_item("keys", "console.keys", N_("Keys"), 60)
log = logging.getLogger(__name__)

STAGE_LABELS = {
    rotation.PENDING_STAGE: N_("Published, not signing yet"),
    rotation.CURRENT_STAGE: N_("Signing"),
    rotation.PREVIOUS_STAGE: N_("Retired, still published"),
}
_STAGE_ORDER = (rotation.CURRENT_STAGE, rotation.PENDING_STAGE, rotation.PREVIOUS_STAGE)


@dataclasses.dataclass(frozen=True)
class StageView:
    stage: str
    kid: str | None
    age: str  # "3 days and 2 hours"


@dataclasses.dataclass(frozen=True)
class KeysetView:
    name: str
    alg: str
    readable: bool
    profiles: list[str] = dataclasses.field(default_factory=list)  # display names of the profiles it signs for
    stages: list[StageView] = dataclasses.field(default_factory=list)
    pending: bool = False
    allowed_now: bool = False
    allowed_in: str = ""
    allowed_at: str = ""
    publish_window: str = ""
    retire_window: str = ""


def _view(name: str, alg: str, profiles: list[str], status: dict[str, Any], now: float, language: str) -> KeysetView:
    def words(seconds: int) -> str:
        return locales.format_duration(max(0, seconds), language)

    stages = [
        StageView(stage, status["stages"][stage]["kid"], words(status["stages"][stage]["ageSeconds"]))
        for stage in _STAGE_ORDER
        if stage in status["stages"]
    ]
    promote = status["promote"]
    wait = int(promote.get("allowedInSeconds", 0))
    at = dt.datetime.fromtimestamp(now + wait, dt.UTC)
    return KeysetView(
        name=name,
        alg=alg,
        readable=True,
        profiles=profiles,
        stages=stages,
        pending=bool(promote["pending"]),
        allowed_now=bool(promote.get("allowed")),
        allowed_in=words(wait),
        allowed_at=locales.format_datetime(at, language),
        publish_window=words(status["windows"]["publishSeconds"]),
        retire_window=words(status["windows"]["retireSeconds"]),
    )


@bp.get("/keys")
@web.signed_in_required
def keys() -> BaseResponse:
    svc = services(current_app)
    user = web.signed_in().user
    windows = rotation.RotationWindows.from_settings(svc.settings)
    now = float(svc.clock())
    language = web.locale()
    profiles = svc.stores.profiles.list_profiles(user.tenant_id)
    keysets = {profile.keyset.id: profile.keyset for profile in profiles}
    names = {id: sorted({display_name(p) for p in profiles if p.keyset.id == id}) for id in keysets}
    views = []
    for keyset in sorted(keysets.values(), key=lambda k: k.name):
        try:
            status = rotation.status(svc.secrets_client, keyset_ref(keyset), now, windows)
        except (RotationRefused, BotoCoreError, ClientError) as error:
            log.warning("keyset status unreadable", extra={"keyset": keyset.name, "reason": type(error).__name__})
            views.append(KeysetView(keyset.name, keyset.alg, readable=False, profiles=names[keyset.id]))
            continue
        views.append(_view(keyset.name, keyset.alg, names[keyset.id], status, now, language))
    return web.page("console/keys.html", keysets=views, stage_labels=STAGE_LABELS)
