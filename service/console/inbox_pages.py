"""The console's Test inbox: the mails the account's test profiles "sent" in the last 24 hours, never sent.

The same service as `GET /api/v1/test-inbox` (service/testmode/inbox.py): the mail as it would have gone out,
its plain text and its link, for every role. The recipient is masked in the list, as on the Links page; the
mail's own text is shown as it is (only its plain-text part: the HTML part is never rendered here).
"""

from __future__ import annotations

import datetime as dt

from flask import current_app
from werkzeug.wrappers import Response as BaseResponse

from service import locales
from service.console import web
from service.links.launch_links import mask_address
from service.locales import N_
from service.wiring import services

bp = web.bp
web.nav_item("test-inbox", "console.test_inbox", N_("Test inbox"), 75)


def _when(iso: str) -> str:
    moment = dt.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    return locales.format_datetime(moment, web.locale())


@bp.get("/test-inbox")
@web.signed_in_required
def test_inbox() -> BaseResponse:
    user = web.signed_in().user
    messages = services(current_app).test_inbox.messages(user.tenant_id)
    return web.page("console/test_inbox.html", messages=messages, when=_when, mask=mask_address)
