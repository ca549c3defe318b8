"""Bar charts as inline SVG, drawn at build from the numbers in the YAML.

No JavaScript and no chart library: a few rectangles and text elements. Every number is written
as text in the SVG, so it prints, zooms and survives high-contrast modes; the page also shows
the same numbers as a table for screen readers and for copying.
"""
from __future__ import annotations

from html import escape

from .model import Chart

WIDTH = 640
BAR_AREA = 480          # the longest bar (the chart's maximum) is this wide
ROW_HEIGHT = 52
LABEL_SIZE = 15
BAR_HEIGHT = 20


def format_value(value: float, unit: str) -> str:
    """61 -> '61 %' for percentages; Danish decimal comma where there are decimals."""
    number = f"{value:g}".replace(".", ",")
    return f"{number} %" if unit == "procent" else number


def bar_chart_svg(chart: Chart) -> str:
    height = ROW_HEIGHT * len(chart.bars) + 8
    title_id = f"{chart.id}-titel"
    rows = "".join(_bar_row(chart, index, bar) for index, bar in enumerate(chart.bars))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="mg-chart__svg" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-labelledby="{title_id}">'
        f'<title id="{title_id}">{escape(chart.title)}</title>'
        f'<line class="mg-chart__axis" x1="1" y1="0" x2="1" y2="{height}"/>'
        f"{rows}</svg>"
    )


def _bar_row(chart: Chart, index: int, bar) -> str:
    top = index * ROW_HEIGHT
    length = max(BAR_AREA * bar.value / chart.maximum, 2)  # a zero still shows a sliver
    bar_top = top + LABEL_SIZE + 10
    value_y = bar_top + BAR_HEIGHT - 5
    return (
        f'<text class="mg-chart__label" x="6" y="{top + LABEL_SIZE + 2}">{escape(bar.label)}</text>'
        f'<rect class="mg-chart__bar" x="1" y="{bar_top}" width="{length:.1f}" height="{BAR_HEIGHT}"/>'
        f'<text class="mg-chart__value" x="{length + 8:.1f}" y="{value_y}">{format_value(bar.value, chart.unit)}</text>'
    )
