"""The same commit builds byte-identical pages, feeds and sitemap at any date and in any time zone."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import FIXTURES, build_site, needs


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_build_date_and_time_zone_do_not_change_the_output(tmp_path):
    needs("faketime")
    first = build_site(tmp_path / "a", FIXTURES / "events_small", TZ="UTC")
    later = build_site(tmp_path / "b", FIXTURES / "events_small", faketime="2031-12-31 23:30:00", TZ="Asia/Tokyo")
    assert first.returncode == later.returncode == 0, first.output + later.output
    a, b = tree(first.site), tree(later.site)
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []
    assert "sitemap.xml" in a and "feeds/calendar.ics" in a and "ru/feeds/calendar.ics" in a
    assert b"2031" not in a["sitemap.xml"]
