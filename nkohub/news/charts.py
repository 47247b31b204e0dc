"""The media-activity chart: grouped bars drawn as SVG on the server (no JavaScript, no library).

`bar_chart(months)` returns the geometry; `news/_activity_chart.html` draws it. Each month has three
bars (news published, taken into work, publications in media) scaled to the largest value, with a few
round ticks on the vertical axis; the table under the chart carries the same figures for screen readers.
"""

from dataclasses import dataclass, field

from nkohub.news.selectors import MonthActivity

WIDTH = 720
HEIGHT = 260
LEFT = 36  # room for the axis labels
BOTTOM = 28  # room for the months
TOP = 10
SERIES = (
    ("published", "#2f6f9f"),
    ("picked_up", "#e0a526"),
    ("in_media", "#3f8f5a"),
)


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    value: int
    colour: str


@dataclass
class Tick:
    y: float
    value: int


@dataclass
class Group:
    label_x: float
    month: object
    bars: list[Bar] = field(default_factory=list)


@dataclass
class Chart:
    width: int
    height: int
    left: int
    baseline: float
    groups: list[Group]
    ticks: list[Tick]
    empty: bool


def _step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000):
        if top / step <= 5:
            return step
    return 20_000


def bar_chart(months: list[MonthActivity]) -> Chart:
    top = max([getattr(m, name) for m in months for name, _c in SERIES] + [0])
    step = _step(max(top, 1))
    scale_top = max(step, -(-top // step) * step)
    plot_height = HEIGHT - BOTTOM - TOP
    baseline = float(HEIGHT - BOTTOM)
    slot = (WIDTH - LEFT) / max(len(months), 1)
    bar_width = slot * 0.8 / len(SERIES)
    groups = []
    for index, month in enumerate(months):
        x0 = LEFT + index * slot + slot * 0.1
        group = Group(label_x=round(LEFT + index * slot + slot / 2, 1), month=month.month)
        for number, (name, colour) in enumerate(SERIES):
            value = getattr(month, name)
            height = plot_height * value / scale_top
            group.bars.append(
                Bar(
                    x=round(x0 + number * bar_width, 1),
                    y=round(baseline - height, 1),
                    width=round(bar_width - 1, 1),
                    height=round(height, 1),
                    value=value,
                    colour=colour,
                )
            )
        groups.append(group)
    ticks = [
        Tick(y=round(baseline - plot_height * value / scale_top, 1), value=value)
        for value in range(0, scale_top + 1, step)
    ]
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        baseline=baseline,
        groups=groups,
        ticks=ticks,
        empty=top == 0,
    )


def legend() -> list[tuple[str, str]]:
    return [(name, colour) for name, colour in SERIES]
