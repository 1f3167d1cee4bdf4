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
# Five steps of one blue; text colour chosen per step for a contrast of at least 4.5:1.
STEPS = (
    ("#eef1fb", "#1a2151"),
    ("#c5cdf0", "#1a2151"),
    ("#8c9be0", "#0d1030"),
    ("#3f51b5", "#ffffff"),
    ("#1a237e", "#ffffff"),
)
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
            )
        )
    return tuple(sorted(out, key=lambda t: (t.y, t.x)))


def legend() -> tuple[tuple[str, str], ...]:
    return tuple(STEPS)
