"""A launch link as a QR code, for a desk screen: the member scans it and goes on on the phone.

Made per answer with segno and never stored: the code carries the link, and so the link's secret.
"""

from __future__ import annotations

import io

from service import locales

# Level M (15 % of the code may be damaged or glared) reads well off a screen; a 43-character secret in an
# https URL fits version 5 or so, large enough to scan from an arm's length.
_ERROR_LEVEL = "m"


def qr_svg(url: str, locale: str | None = None) -> str:
    """A standalone SVG document (no XML declaration, a viewBox instead of a fixed size) of `url`.

    Its `<title>` (what a screen reader says, and a browser's tooltip) is in `locale`: English when None.
    """
    with locales.using(locale):
        # Translators: the title of a sign-in link's QR code, read out by screen readers.
        title = locales.gettext("Sign-in link")
    import segno  # loaded at the first code: most mints ask for none

    code = segno.make(url, error=_ERROR_LEVEL, micro=False)
    out = io.BytesIO()
    code.save(
        out,
        kind="svg",
        xmldecl=False,
        svgns=True,
        omitsize=True,
        svgclass=None,
        lineclass=None,
        light="#fff",  # a white quiet zone: on a dark screen a transparent code would not scan
        title=title,  # segno escapes it
    )
    return out.getvalue().decode()
