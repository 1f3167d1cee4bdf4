"""A tile map of Kazakhstan's 20 regions as inline SVG, coloured by event count.

Tiles sit on a schematic grid that keeps each region's rough place (west to east, north to
south); it is a diagram, not a map. Each tile is a link with an accessible name.
"""

from __future__ import annotations

from dataclasses import dataclass

from .indexes import IndexView

# (column, row): a schematic layout, north at the top.
TILES = {
    "west-kazakhstan": (0, 0), "kostanay": (2, 0), "north-kazakhstan": (3, 0), "pavlodar": (4, 0),
    "atyrau": (0, 1), "aktobe": (1, 1), "ulytau": (2, 1), "akmola": (3, 1), "astana": (4, 1), "abai": (5, 1),
    "east-kazakhstan": (6, 1),
    "mangystau": (0, 2), "kyzylorda": (1, 2), "karaganda": (3, 2), "zhetisu": (5, 2),
    "turkistan": (2, 3), "zhambyl": (3, 3), "almaty-region": (4, 3),
    "shymkent": (2, 4), "almaty-city": (4, 4),
}  # fmt: skip
# Five steps of the flag's sky blue, light to dark; the text colour of each step is chosen for a
# contrast of at least 4.5:1 on its fill (13.6, 10.2, 9.4, 6.1 and 6.5:1).
STEPS = (
    ("#f4f6f7", "#1b2a33"),
    ("#d3eff4", "#0b3a44"),
    ("#8ad8e6", "#062a31"),
    ("#00afca", "#00262e"),
    ("#006778", "#ffffff"),
)
# A tile is 96 units wide and the map about 930 px wide at 1280 px, so a label of about ten letters at
# 15 units is about 19 px tall there. Full names are in each tile's tooltip, its link name and the table.
# Russian calls regions by their centre or name as people say it; the three "Kazakhstan" regions by
# their usual abbreviations (ЗКО, СКО, ВКО; Kazakh БҚО, СҚО, ШҚО).
SHORT = {
    "abai": ("Абай", "Абай", "Abai"),
    "akmola": ("Ақмола", "Акмола", "Akmola"),
    "aktobe": ("Ақтөбе", "Актобе", "Aktobe"),
    "almaty-region": ("Алматы обл.", "Алматин. обл.", "Almaty Region"),
    "atyrau": ("Атырау", "Атырау", "Atyrau"),
    "west-kazakhstan": ("БҚО", "ЗКО", "West Kaz."),
    "zhambyl": ("Жамбыл", "Жамбыл", "Zhambyl"),
    "zhetisu": ("Жетісу", "Жетісу", "Zhetisu"),
    "karaganda": ("Қарағанды", "Караганда", "Karaganda"),
    "kostanay": ("Қостанай", "Костанай", "Kostanay"),
    "kyzylorda": ("Қызылорда", "Кызылорда", "Kyzylorda"),
    "mangystau": ("Маңғыстау", "Мангистау", "Mangystau"),
    "pavlodar": ("Павлодар", "Павлодар", "Pavlodar"),
    "north-kazakhstan": ("СҚО", "СКО", "North Kaz."),
    "turkistan": ("Түркістан", "Туркестан", "Turkistan"),
    "ulytau": ("Ұлытау", "Ұлытау", "Ulytau"),
    "east-kazakhstan": ("ШҚО", "ВКО", "East Kaz."),
    "astana": ("Астана", "Астана", "Astana"),
    "almaty-city": ("Алматы", "Алматы", "Almaty"),
    "shymkent": ("Шымкент", "Шымкент", "Shymkent"),
}
LANGUAGE_INDEX = {"kk": 0, "ru": 1, "en": 2}
SIZE, GAP = 96, 6


@dataclass(frozen=True)
class Tile:
    id: str
    x: int
    y: int
    fill: str
    ink: str
    label: str
    count: int
    href: str
    name: str
    short: tuple[str, ...] = ()  # the tile's label, one or two lines
    # The link's name starts with what the tile shows (WCAG 2.5.3, label in name: "ЗКО 20 ..."), then
    # the full name; `label` ("full name: count") is the tooltip.
    spoken: str = ""


@dataclass(frozen=True)
class LegendStep:
    fill: str
    text: str  # the counts the colour stands for: "0", "1–4", "13–17"


def step(count: int, highest: int) -> int:
    if count == 0 or highest == 0:
        return 0
    return 1 + min(3, (count * 4 - 1) // highest)


def tiles(view: IndexView) -> tuple[Tile, ...]:
    highest = max((e.count for e in view.entries if e.id in TILES), default=0)
    out = []
    for entry in view.entries:
        if entry.id not in TILES:
            continue
        column, line = TILES[entry.id]
        fill, ink = STEPS[step(entry.count, highest)]
        out.append(
            Tile(
                entry.id,
                column * (SIZE + GAP),
                line * (SIZE + GAP),
                fill,
                ink,
                f"{entry.name}: {entry.count_text}",
                entry.count,
                entry.href,
                entry.name,
                short_label(entry.id, view.lang),
                f"{' '.join(short_label(entry.id, view.lang))} {entry.count_text}, {entry.name}",
            )
        )
    return tuple(sorted(out, key=lambda t: (t.y, t.x)))


def short_label(region: str, lang: str) -> tuple[str, ...]:
    """The tile's abbreviation, split in two lines where one would not fit the tile."""
    text = SHORT[region][LANGUAGE_INDEX[lang]]
    return tuple(text.split(" ", 1)) if len(text) > 10 else (text,)


def legend(view: IndexView) -> tuple[LegendStep, ...]:
    """What each colour of the map means, as ranges of counts (only the steps some count can take)."""
    highest = max((e.count for e in view.entries if e.id in TILES), default=0)
    ranges: dict[int, list[int]] = {}
    for count in range(highest + 1):
        ranges.setdefault(step(count, highest), []).append(count)
    out = []
    for index, counts in sorted(ranges.items()):
        low, high = counts[0], counts[-1]
        text = str(low) if low == high else f"{low}–{high}"
        out.append(LegendStep(STEPS[index][0], text))
    return tuple(out)
