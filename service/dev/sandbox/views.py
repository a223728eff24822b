"""The sandbox's routes: the three ExorLive-style entry points, the one-time session page and errors."""

from __future__ import annotations

from flask import Blueprint, Flask, Response, abort, current_app, jsonify, redirect, render_template, request
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response as BaseResponse  # what flask.redirect returns

from service.dev.sandbox.relying_party import RelyingParty
from service.dev.sandbox.sessions import SessionGone, SessionNotFound
from service.errors import TokenRejected

EXTENSION_KEY = "sandbox_rp"
bp = Blueprint("sandbox", __name__)

# No scripts at all: the pages are plain HTML with one inline style sheet. Framing stays allowed,
# because ExorLive's frontend-only flow may show the answer in an iframe or web control.
_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
_SECURITY_HEADERS = {
    # Session pages name people and session URLs are one-time: nothing may be stored or leaked onwards.
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": _CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
}
# The exchange endpoint is called by a server and answers JSON; every other route answers a person.
_JSON_ENDPOINTS = frozenset({"sandbox.exchange", "sandbox.healthz"})


def relying_party() -> RelyingParty:
    return current_app.extensions[EXTENSION_KEY]  # type: ignore[no-any-return]


def _for_partner(name: str) -> RelyingParty:
    rp = relying_party()
    if name != rp.settings.partner:
        abort(404)
    return rp


@bp.post("/partner/<name>/url")
def exchange(name: str) -> Response:
    """ExorLive "preferred": the JWT as a text/plain body; answers the URL to open."""
    rp = _for_partner(name)
    if request.mimetype != "text/plain":
        abort(415, "Send the JWT as the request body with Content-Type: text/plain.")
    user = rp.accept(request.get_data(as_text=True).strip(), via="exchange")
    return jsonify(url=rp.session_url(user))


@bp.post("/partner/<name>/payload")
def form_post(name: str) -> str:
    """ExorLive "frontend-only": a form POST with the field `payload`; answers the page to show."""
    rp = _for_partner(name)
    if request.mimetype != "application/x-www-form-urlencoded":
        abort(415, "Send a form (application/x-www-form-urlencoded) with the field 'payload'.")
    return render_template("session.html", user=rp.accept(request.form.get("payload", ""), via="form"))


@bp.get("/partner/<name>/landing")
def landing(name: str) -> BaseResponse:
    """Query mode: the JWT in `?jwt=`; a 303 to a session URL takes it out of the address bar."""
    rp = _for_partner(name)
    user = rp.accept(request.args.get("jwt", ""), via="query")
    return redirect(rp.session_url(user), code=303)


@bp.get("/session/<session_id>")
def session_page(session_id: str) -> str:
    """The signed-in page, once."""
    return render_template("session.html", user=relying_party().sessions.take(session_id))


@bp.get("/healthz")
def healthz() -> Response:
    return jsonify(status="ok")


def _rejected(error: TokenRejected) -> tuple[Response | str, int]:
    if request.endpoint in _JSON_ENDPOINTS:
        return jsonify(error=error.rule, detail=error.detail), 401
    return render_template("rejected.html", rule=error.rule, detail=error.detail), 401


def _session_not_found(_error: SessionNotFound) -> tuple[str, int]:
    return render_template("message.html", title="Session not found", text="This session URL is not known."), 404


def _session_gone(_error: SessionGone) -> tuple[str, int]:
    text = "This session URL was already used or has expired. Session URLs work once; start again from the partner."
    return render_template("message.html", title="Session gone", text=text), 410


def _http_error(error: HTTPException) -> tuple[Response | str, int]:
    status = error.code or 500
    if request.endpoint in _JSON_ENDPOINTS:
        return jsonify(error=error.name.lower().replace(" ", "_"), detail=error.description), status
    return render_template("message.html", title=f"{status} {error.name}", text=error.description), status


def _security_headers(response: Response) -> Response:
    response.headers.update(_SECURITY_HEADERS)
    return response


def init_app(app: Flask) -> None:
    """Routes, error pages and the security headers every response carries."""
    app.register_blueprint(bp)
    app.register_error_handler(TokenRejected, _rejected)
    app.register_error_handler(SessionNotFound, _session_not_found)
    app.register_error_handler(SessionGone, _session_gone)
    app.register_error_handler(HTTPException, _http_error)
    app.after_request(_security_headers)
