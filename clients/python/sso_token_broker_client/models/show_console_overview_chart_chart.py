from typing import Literal

ShowConsoleOverviewChartChart = Literal["minted", "minted-narrow", "used", "used-narrow"]

SHOW_CONSOLE_OVERVIEW_CHART_CHART_VALUES: set[ShowConsoleOverviewChartChart] = {
    "minted",
    "minted-narrow",
    "used",
    "used-narrow",
}


def check_show_console_overview_chart_chart(value: str) -> ShowConsoleOverviewChartChart:
    if value in SHOW_CONSOLE_OVERVIEW_CHART_CHART_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SHOW_CONSOLE_OVERVIEW_CHART_CHART_VALUES!r}")
