"""The Overview's charts: pygal's server-side SVG, with no script (pygal's tooltip script and its config one
are left out), served as an image by the console (service/console/overview_pages.py)."""

from __future__ import annotations

import datetime as dt
import functools
import math
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Any
from xml.etree import ElementTree

from babel.dates import format_date


@functools.cache
def _pygal() -> tuple[ModuleType, Any]:
    """pygal and the charts' style, loaded when the first chart is drawn: a worker that serves only the API and
    the launch pages never holds it."""
    import pygal
    from pygal.style import Style

    # Importing pygal appends a finder for its map plugins to sys.meta_path, of the old kind (no find_spec), which
    # makes every later failed import warn (ImportWarning). The console draws no maps: the finder goes.
    sys.meta_path[:] = [finder for finder in sys.meta_path if not isinstance(finder, pygal.PluginImportFixer)]
    return pygal, Style(**_STYLE)


# On white, every colour keeps 3:1 against the background (WCAG 1.4.11), and the text 7:1 or more.
_STYLE: dict[str, Any] = {
    "background": "#ffffff",
    "plot_background": "#ffffff",
    "foreground": "#1d2330",
    "foreground_strong": "#1d2330",
    "foreground_subtle": "#4a5263",
    "opacity": "1",
    "opacity_hover": "1",
    "font_family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    "title_font_size": 20,
    "label_font_size": 14,
    "major_label_font_size": 14,
    "legend_font_size": 14,
    "no_data_font_size": 20,
    "colors": ("#1f6feb", "#b42318", "#7a5af8", "#067647", "#b54708", "#0e7090", "#c11574", "#4a5263"),
}
BABEL_LOCALES = {"nb": "nb", "nn": "nn", "en": "en_GB"}


def day_label(day: dt.date, locale: str) -> str:
    """A day as the reader's locale writes it in a table: "7. des. 2026", "7 Dec 2026"."""
    return format_date(day, "medium", locale=BABEL_LOCALES.get(locale, "en_GB"))


def daily_chart(
    title: str,
    days: Sequence[dt.date],
    series: Sequence[tuple[str, Sequence[int]]],
    locale: str,
    no_data: str,
    *,
    narrow: bool = False,
) -> bytes:
    """A stacked bar per day (oldest left), one colour per series; `no_data` written when nothing happened.

    `title` names the SVG document (its <title>, for whoever opens the image alone); the page's heading names
    the chart, so none is drawn. The value axis counts in whole numbers. `narrow`: drawn for a phone (400 wide,
    so its text stays readable at 320 px), a label every other week, the legend in one column.
    """
    highest = max((sum(day) for day in zip(*(values for _, values in series), strict=True)), default=0)
    step = max(1, math.ceil(highest / 5))
    pygal, style = _pygal()
    chart = pygal.StackedBar(
        js=[],
        style=style,
        width=400 if narrow else 800,
        height=400 if narrow else 380,
        # Whole numbers (pygal would write 0.2, 0.4, …); none without data, which pygal cannot draw them for.
        y_labels=list(range(0, highest + step, step)) if highest else None,
        show_y_labels=bool(highest),
        show_y_guides=bool(highest),
        truncate_label=-1,
        legend_at_bottom=True,
        legend_at_bottom_columns=1 if narrow else 2,
        truncate_legend=-1,
        show_minor_x_labels=False,
        x_labels_major_every=14 if narrow else 7,
        x_labels_major=None,
        print_values=False,
        include_x_axis=True,
        no_data_text=no_data,
        disable_xml_declaration=True,
    )
    chart.x_labels = [format_date(day, "d MMM", locale=BABEL_LOCALES.get(locale, "en_GB")) for day in days]
    for label, values in series:
        if any(values):
            chart.add(label, list(values))
    tree = chart.render_tree()
    named = ElementTree.Element("title")
    named.text = title
    tree.insert(0, named)
    # pygal adds its config as an inline script even with js=[]: an image needs none.
    for parent in list(tree.iter()):
        for child in list(parent):
            if str(child.tag).endswith("script"):
                parent.remove(child)
    svg: bytes = ElementTree.tostring(tree, encoding="utf-8")
    return svg
