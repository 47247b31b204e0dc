"""Charts drawn as SVG on the server (no JavaScript, no library): the geometry is computed here and
`analytics/_bar_chart.html` / `_line_chart.html` draw it. Every chart has its table beside it with
the same figures, for screen readers and for people who want the numbers.

Bars are horizontal, a row each: the label above its bar, the value at its end, so long names
(spheres, authorities) fit a 390 px phone when the SVG is scaled to the column's width."""

from dataclasses import dataclass, field
from decimal import Decimal

BAR_WIDTH = 440
ROW_HEIGHT = 44
BAR_THICKNESS = 14
LABEL_ROOM = 18  # the label's line above its bar
VALUE_ROOM = 110  # the value after the longest bar
LINE_WIDTH = 640
LINE_HEIGHT = 240
LEFT = 56
BOTTOM = 30
TOP = 12
COLOURS = ("#2f6f9f", "#e0a526", "#3f8f5a", "#8a4f9e")
MAX_BARS = 20


@dataclass
class Bar:
    label: str
    value_text: str
    y: float
    width: float
    label_y: float
    value_x: float


@dataclass
class BarChart:
    width: int
    height: int
    bars: list[Bar]
    thickness: int = BAR_THICKNESS
    kind: str = "bars"


def bar_chart(rows: list[tuple[str, float | int | Decimal, str]]) -> BarChart | None:
    """(label, value, value as shown) for each bar, the largest MAX_BARS, in the order given."""
    rows = rows[:MAX_BARS]
    if not rows:
        return None
    top = max(float(value) for _label, value, _text in rows) or 1.0
    room = BAR_WIDTH - VALUE_ROOM
    bars = []
    for index, (label, value, text) in enumerate(rows):
        y = index * ROW_HEIGHT + LABEL_ROOM + 4
        width = max(float(value) / top * room, 1.0 if float(value) else 0.0)
        bars.append(
            Bar(
                label=label if len(label) <= 52 else label[:50] + "…",
                value_text=text,
                y=y,
                width=round(width, 1),
                label_y=y - 6,
                value_x=round(width + 6, 1),
            )
        )
    return BarChart(width=BAR_WIDTH, height=len(rows) * ROW_HEIGHT + 8, bars=bars)


@dataclass
class Point:
    x: float
    y: float
    value: float


@dataclass
class Line:
    name: str
    colour: str
    points: list[Point]

    @property
    def path(self) -> str:
        return " ".join(f"{p.x},{p.y}" for p in self.points)


@dataclass
class Tick:
    y: float
    value: str


@dataclass
class XLabel:
    x: float
    text: str


@dataclass
class LineChart:
    width: int
    height: int
    left: int
    right: int
    baseline: float
    lines: list[Line]
    ticks: list[Tick]
    labels: list[XLabel] = field(default_factory=list)
    kind: str = "line"


def _step(top: float) -> float:
    step = 1.0
    while top / step > 5:
        for factor in (2, 2.5, 2):
            step *= factor
            if top / step <= 5:
                break
    return step


def _tick_text(value: float) -> str:
    return f"{int(value):,}".replace(",", "\u00a0") if value == int(value) else f"{value:g}"


def line_chart(labels: list[str], series: list[tuple[str, list[float | int]]]) -> LineChart | None:
    """One line per series over the same labels (months, years), scaled to the largest value."""
    if not labels or not series:
        return None
    top = max((float(v) for _name, values in series for v in values), default=0.0)
    step = _step(top) if top else 1.0
    ceiling = step * max(1, -(-top // step)) if top else 1.0
    plot_height = LINE_HEIGHT - TOP - BOTTOM
    baseline = LINE_HEIGHT - BOTTOM
    right = LINE_WIDTH - 12
    gap = (right - LEFT) / max(len(labels) - 1, 1)

    def y_of(value: float) -> float:
        return round(baseline - value / ceiling * plot_height, 1)

    lines = [
        Line(
            name=name,
            colour=COLOURS[index % len(COLOURS)],
            points=[
                Point(x=round(LEFT + i * gap, 1), y=y_of(float(value)), value=float(value))
                for i, value in enumerate(values)
            ],
        )
        for index, (name, values) in enumerate(series)
    ]
    ticks = []
    value = 0.0
    while value <= ceiling + 1e-9:
        ticks.append(Tick(y=y_of(value), value=_tick_text(value)))
        value += step
    every = max(1, -(-len(labels) // 12))
    x_labels = [
        XLabel(x=round(LEFT + i * gap, 1), text=text)
        for i, text in enumerate(labels)
        if i % every == 0
    ]
    return LineChart(
        width=LINE_WIDTH,
        height=LINE_HEIGHT,
        left=LEFT,
        right=right,
        baseline=baseline,
        lines=lines,
        ticks=ticks,
        labels=x_labels,
    )
