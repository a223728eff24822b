"""GET /api/v1/test-inbox: the mails a tenant's test API keys asked for in the last 24 hours (never sent)."""

from __future__ import annotations

from flask import Blueprint, Response, current_app

from service.apikeys.admission import admit
from service.errors import TestKeyRequired
from service.web.responses import no_store_json
from service.wiring import services

bp = Blueprint("test_inbox", __name__, url_prefix="/api/v1")


@bp.get("/test-inbox")
def test_inbox() -> Response:
    svc = services(current_app)
    caller = admit(svc)
    if not caller.test:
        raise TestKeyRequired("The test inbox answers test API keys (tbk_test_…) only: live keys' mails really go out.")
    return no_store_json({"messages": svc.test_inbox.messages(caller.tenant_id)})
