"""The console's Profiles pages: the account's profiles, and one profile's settings with its integration snippets.

Read-only for every role: profiles are made and changed by the operator's CLI (service/profiles/cli.py). A
profile is found by its name within the signed-in user's account (ProfileStore.find_profile), so another
account's profile is not found.
"""

from __future__ import annotations

from flask import current_app, url_for
from werkzeug.wrappers import Response as BaseResponse

from service.console import snippets, web
from service.locales import N_
from service.profiles.models import Profile
from service.profiles.rules import display_name, time_zone
from service.wiring import services

bp = web.bp
web.nav_item("profiles", "console.profiles", N_("Profiles"), 30)

_NOT_FOUND = (N_("No such profile"), N_("Your account has no profile with that name. Pick one from the list."))
# A profile name is at most 100 characters (profiles.name); anything longer names none.
_MAX_NAME = 100
DELIVERY_LABELS = {
    "exchange": N_("Exchange: the address carries a one-time session id, never the token"),
    "form": N_("Form: a broker page hands the token over in a POST"),
    "query": N_("Query: the token travels in the address"),
}
KIND_LABELS = {
    "exorlive-main": N_("ExorLive Main: organisation, instructor and contact"),
    "exorlive-go": N_("ExorLive Go: organisation and member"),
    "generic": N_("Generic: any fields the relying party reads"),
}


@bp.get("/profiles")
@web.signed_in_required
def profiles() -> BaseResponse:
    user = web.signed_in().user
    rows = services(current_app).stores.profiles.list_profiles(user.tenant_id)
    return web.page("console/profiles.html", profiles=rows, display_name=display_name)


def _profile(name: str) -> Profile | None:
    if len(name) > _MAX_NAME or "\x00" in name:
        return None
    return services(current_app).stores.profiles.find_profile(web.signed_in().user.tenant_id, name)


@bp.get("/profiles/<name>")
@web.signed_in_required
def profile(name: str) -> BaseResponse:
    found = _profile(name)
    if found is None:
        return web.message_page(404, _NOT_FOUND, back=url_for("console.profiles"))
    base = services(current_app).settings.public_base_url
    return web.page(
        "console/profile.html",
        profile=found,
        title=display_name(found),
        zone=time_zone(found),
        delivery_labels=DELIVERY_LABELS,
        kind_labels=KIND_LABELS,
        snippets=snippets.render(found, base),
        bubble=snippets.bubble_fields(found, base),
        api_key_variable=snippets.API_KEY_VARIABLE,
    )
