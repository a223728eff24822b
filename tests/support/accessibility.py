"""axe-core (4.12, bundled by axe-playwright-python) in Chromium: the WCAG 2.2 AA rules on a page, per locale and size.

`audited_page(browser, locale, viewport)` opens a page whose browser speaks that language (Accept-Language
and navigator.language) at that size; `serious_violations(page)` runs axe-core on what it shows and
returns one line per rule broken with impact serious or critical; `contrast(a, b)` is WCAG's contrast
ratio of two CSS colours, for what axe does not measure (a focus ring). Axe is injected over the DevTools
protocol, which the pages' strict CSP does not govern, so the CSP stays on while axe checks the page.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, Response, ViewportSize

from tests.support.browser import TIMEOUT_MS

# What the browser sends as its language, per broker locale.
BROWSER_LOCALES = {"nb": "nb-NO", "nn": "nn-NO", "en": "en-GB"}
VIEWPORTS: dict[str, ViewportSize] = {
    "390x844": {"width": 390, "height": 844},
    "1280x800": {"width": 1280, "height": 800},
}
SERIOUS = ("serious", "critical")
# WCAG 2.0-2.2 A and AA, plus axe's best practices (their serious findings count too).
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# Set to a folder to keep a full-page screenshot of every audited page (to look at them).
SCREENSHOTS = "A11Y_SCREENSHOTS"

_AXE = Axe()


@contextlib.contextmanager
def audited_page(browser: Browser, locale: str, viewport: str) -> Iterator[Page]:
    """A page in a fresh context whose browser prefers `locale` (nb, nn or en) at `viewport` ("390x844")."""
    context = browser.new_context(locale=BROWSER_LOCALES[locale], viewport=VIEWPORTS[viewport])
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    try:
        yield context.new_page()
    finally:
        context.close()


def serious_violations(page: Page) -> list[str]:
    """axe-core's serious and critical findings on the page as it is now: "rule (impact): help at [targets]"."""
    results = _AXE.run(page, options={"runOnly": {"type": "tag", "values": RULES}, "resultTypes": ["violations"]})
    violations: list[dict[str, Any]] = results.response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[node['target'] for node in v['nodes']]}"
        for v in violations
        if v["impact"] in SERIOUS
    ]


def keep_screenshot(page: Page, name: str) -> None:
    """A full-page screenshot as `<name>.png` in the folder $A11Y_SCREENSHOTS names; nothing when it is unset."""
    folder = os.environ.get(SCREENSHOTS)
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=Path(folder) / f"{name}.png", full_page=True)


def page_checker(
    page: Page, locale: str, viewport: str, statuses: dict[str, int], found: dict[str, list[str]]
) -> Callable[[str, Response | None], None]:
    """check(name, response): the page answered with its expected status in `locale`; its screenshot kept and its
    serious axe-core findings put in `found[name]` (each console page test asserts `found` holds none)."""

    def check(name: str, response: Response | None) -> None:
        assert response is not None, name
        assert response.status == statuses[name], name
        assert page.locator("html").get_attribute("lang") == locale, name
        keep_screenshot(page, f"console-{name}-{locale}-{viewport}")
        found[name] = serious_violations(page)

    return check


def _luminance(css_colour: str) -> float:
    """WCAG's relative luminance of an "rgb(r, g, b)" or "rgba(r, g, b, 1)" colour, as getComputedStyle gives it."""
    found = re.fullmatch(r"rgba?\((\d+), (\d+), (\d+)(?:, 1)?\)", css_colour)
    assert found is not None, f"not an opaque rgb() colour: {css_colour}"
    channels = [int(value) / 255 for value in found.groups()]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """WCAG's contrast ratio of two opaque CSS colours: 1 (the same) to 21 (black on white)."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
