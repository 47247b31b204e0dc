"""Demo pictures are drawn once per machine: a second fresh set-up reads them from the cache directory."""

from pathlib import Path

import pytest

from nkohub.core import demo_images


def test_a_logo_drawn_once_is_read_from_the_cache_the_next_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    drawn: list[tuple[str, int, int]] = []

    def draw(name: str, seed: int, size: int) -> bytes:
        drawn.append((name, seed, size))
        return f"{name}-{seed}-{size}".encode()

    monkeypatch.setattr(demo_images, "_draw_logo", draw)

    first = demo_images.logo_png("Добрые соседи", 7, size=64)
    again = demo_images.logo_png("Добрые соседи", 7, size=64)
    other = demo_images.logo_png("Добрые соседи", 8, size=64)

    assert (first, again, other) == (
        "Добрые соседи-7-64".encode(),
        first,
        "Добрые соседи-8-64".encode(),
    )
    assert drawn == [("Добрые соседи", 7, 64), ("Добрые соседи", 8, 64)]
    assert len(list((tmp_path / "nkohub" / "demo-images").iterdir())) == 2


def test_without_a_writable_cache_the_picture_is_still_drawn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    monkeypatch.setattr(demo_images, "_draw_cover", lambda seed, width, height: b"cover")

    assert demo_images.cover_jpeg(3, width=32, height=18) == b"cover"
