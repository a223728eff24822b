"""The console's Token inspector: a pasted JWT checked against every relying-party rule, each with its sentence.

The checks are the API's inspector's (service/tokens/inspector.py, POST /api/v1/tokens/inspect): the same
function, against the broker's published keys (the chosen profile's keyset, and its iss and aud, or the
default keyset). The token comes in the POST body only (never an address), is shown back only in the answer's
page, and is not kept, logged or audited: the audit row says only that a token was inspected, for which
profile, and whether it passed.
"""

from __future__ import annotations

import json

from flask import current_app, g, url_for
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response as BaseResponse
from wtforms import SelectChoice, SelectField, TextAreaField
from wtforms.validators import InputRequired, Length

from service.console import auditing, web
from service.locales import N_
from service.profiles.models import Profile
from service.profiles.rules import display_name
from service.tokens import inspector as checks
from service.tokens.verifier import Expectations
from service.wiring import services

bp = web.bp
web.nav_item("inspector", "console.inspector", N_("Token inspector"), 70)

# A JWT the broker signs is about 1 kB; a partner's own may carry more claims. Longer is no token of ours.
MAX_TOKEN_CHARS = 16 * 1024
RULE_LABELS = {
    "format": N_("Format"),
    "alg": N_("Algorithm (alg)"),
    "typ": N_("Type (typ)"),
    "header": N_("Header members"),
    "kid": N_("Key id (kid)"),
    "signature": N_("Signature"),
    "iss": N_("Issuer (iss)"),
    "aud": N_("Audience (aud)"),
    "iat": N_("Issued at (iat)"),
    "nbf": N_("Not before (nbf)"),
    "exp": N_("Expiry (exp)"),
    "lifetime": N_("Lifetime"),
    "nonce": N_("Nonce"),
}
RESULT_LABELS = {checks.PASS: N_("Pass"), checks.FAIL: N_("Fail"), checks.UNCHECKED: N_("Not checked")}
_TOO_LARGE = (
    N_("That is too much text"),
    N_("A token is a few thousand characters at most. Paste only the token (eyJ….eyJ….…) and try again."),
)
web.too_large_texts("console.inspect_token", _TOO_LARGE)


class InspectorForm(FlaskForm):  # type: ignore[misc]  # Flask-WTF ships no type information
    token = TextAreaField(
        N_("Token"),
        validators=[
            InputRequired(N_("Paste the token (eyJ….eyJ….…).")),
            Length(max=MAX_TOKEN_CHARS, message=N_("That is longer than any token. Paste only the token.")),
        ],
        render_kw={"spellcheck": "false", "autocapitalize": "none", "autocomplete": "off", "rows": 6},
    )
    profile = SelectField(N_("Check against the profile"), choices=[], validate_choice=True)


def _form(profiles: list[Profile]) -> InspectorForm:
    form = InspectorForm()
    form.profile.choices = [SelectChoice("", N_("None: the broker's default keys, no iss or aud"))] + [
        SelectChoice(profile.name, f"{display_name(profile)} ({profile.name})") for profile in profiles
    ]
    return form


def _profiles() -> list[Profile]:
    return services(current_app).stores.profiles.list_profiles(web.signed_in().user.tenant_id)


@bp.get("/inspector")
@web.signed_in_required
def inspector() -> BaseResponse:
    return web.page("console/inspector.html", form=_form(_profiles()), report=None, labels=RULE_LABELS)


@bp.post("/inspector")
@web.signed_in_required
def inspect_token() -> BaseResponse:
    svc = services(current_app)
    profiles = _profiles()
    form = _form(profiles)
    if not form.validate_on_submit():
        if "csrf_token" in form.errors:
            return web.message_page(400, web.FORM_EXPIRED, back=url_for("console.inspector"))
        return web.page("console/inspector.html", 422, form=form, report=None, labels=RULE_LABELS)
    profile = next((p for p in profiles if p.name == form.profile.data), None)
    if profile is not None:
        published = svc.publisher.for_keyset(profile.keyset)
        keys = checks.Keys(json.loads(published.body), "profile", profile.keyset.name)
        expect: Expectations | None = Expectations(issuer=profile.issuer, audience=profile.audience)
    else:
        keys = checks.Keys(json.loads(svc.publisher.by_name(None).body), "default")
        expect = None
    report = checks.inspect(form.token.data.strip(), keys, expect, int(svc.clock()))
    user = web.signed_in().user
    outcome = "valid" if report["valid"] else "invalid"
    auditing.record(
        svc.auditor, "console.token.inspected", outcome, user, g.request_id, profile=form.profile.data or ""
    )
    return web.page(
        "console/inspector.html",
        form=form,
        report=report,
        labels=RULE_LABELS,
        results=RESULT_LABELS,
        header=json.dumps(report["header"], indent=2, ensure_ascii=False) if report["header"] is not None else None,
        claims=json.dumps(report["claims"], indent=2, ensure_ascii=False) if report["claims"] is not None else None,
    )
