"""Pictures for demo data, drawn at load time with Pillow (no binary files in the repository):
emblem-like logos with an organisation's initials and landscape covers for projects.

The same seed always draws the same picture, so the demo loaders stay idempotent. A drawn picture is
kept in the user's cache directory (~/.cache/nkohub/demo-images, named by its arguments, this module's
source, Pillow's version and the fonts found), so a second fresh set-up of the demo does not draw again.
"""

import functools
import hashlib
import io
import math
import os
import random
from collections.abc import Callable
from pathlib import Path

import PIL
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from nkohub.core.images import initials

# Muted, accessible colours (white text on them is at least 4.5:1).
PALETTES = [
    ("#1d4e89", "#f2b134", "#e8eef8"),
    ("#1e6b3a", "#f4d35e", "#e6f2ea"),
    ("#8a2d3b", "#f6c28b", "#f8ecee"),
    ("#4b3b8f", "#9fd3c7", "#efecf8"),
    ("#0f5e6e", "#f29e4c", "#e4f1f3"),
    ("#6b4226", "#c9d99e", "#f3ede8"),
]
FONT_NAMES = ("DejaVuSans-Bold.ttf", "DejaVuSans.ttf", "LiberationSans-Bold.ttf")


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for name in FONT_NAMES:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def _has_cyrillic_font() -> bool:
    font = _font(20)
    return isinstance(font, ImageFont.FreeTypeFont) and "DejaVu" in (font.getname()[0] or "")


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


@functools.cache
def _version() -> str:
    """What decides how a picture is drawn besides its arguments."""
    source = Path(__file__).read_bytes()
    return f"{hashlib.sha256(source).hexdigest()} {PIL.__version__} {_has_cyrillic_font()}"


def _cached(kind: str, draw: Callable[[], bytes], *arguments: object) -> bytes:
    """The picture `draw` makes, from the cache directory when an earlier run drew it."""
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    directory = cache / "nkohub" / "demo-images"
    digest = hashlib.sha256(repr((kind, arguments, _version())).encode()).hexdigest()[:32]
    path = directory / f"{kind}-{digest}"
    try:
        return path.read_bytes()
    except OSError:
        pass
    picture = draw()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        partial = directory / f"{path.name}.{os.getpid()}.tmp"
        partial.write_bytes(picture)
        partial.replace(path)
    except OSError:
        pass  # no cache directory: draw again next time
    return picture


def logo_png(name: str, seed: int, size: int = 512) -> bytes:
    """A round emblem with the organisation's initials on a transparent background."""
    return _cached("logo", lambda: _draw_logo(name, seed, size), name, seed, size)


def _draw_logo(name: str, seed: int, size: int) -> bytes:
    rng = random.Random(seed)  # noqa: S311 — pictures, not secrets
    main, accent, _light = PALETTES[seed % len(PALETTES)]
    scale = 4  # drawn larger, then reduced: smooth edges
    big = size * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    margin = big // 16
    draw.ellipse((margin, margin, big - margin, big - margin), fill=main)
    ring = big // 9
    draw.ellipse(
        (margin + ring, margin + ring, big - margin - ring, big - margin - ring),
        outline=accent,
        width=big // 60,
    )
    # an accent: a leaf, a roof or a sun above the letters
    shape = rng.choice(("leaf", "roof", "sun"))
    cx, top = big // 2, int(big * 0.25)
    if shape == "roof":
        draw.polygon(
            [(cx - big // 7, top + big // 9), (cx, top), (cx + big // 7, top + big // 9)],
            fill=accent,
        )
    elif shape == "sun":
        draw.ellipse((cx - big // 18, top, cx + big // 18, top + big // 9), fill=accent)
    else:
        draw.chord((cx - big // 8, top, cx + big // 8, top + big // 5), 180, 360, fill=accent)
    if _has_cyrillic_font():
        letters = initials(name)
        font = _font(int(big * (0.27 if len(letters) < 3 else 0.2)))
        box = draw.textbbox((0, 0), letters, font=font)
        width, height = box[2] - box[0], box[3] - box[1]
        draw.text(
            ((big - width) / 2 - box[0], big * 0.56 - height / 2 - box[1]),
            letters,
            font=font,
            fill="#ffffff",
        )
    else:  # no font with Cyrillic letters here: a plain emblem
        draw.ellipse(
            (cx - big // 6, big // 2 - big // 10, cx + big // 6, big // 2 + big // 5),
            fill="#ffffff",
        )
    return _png(image.resize((size, size), Image.Resampling.LANCZOS))


def _mix(a: str, b: str, t: float) -> tuple[int, int, int]:
    ca = [int(a[i : i + 2], 16) for i in (1, 3, 5)]
    cb = [int(b[i : i + 2], 16) for i in (1, 3, 5)]
    r, g, bl = (round(x + (y - x) * t) for x, y in zip(ca, cb, strict=True))
    return r, g, bl


def cover_jpeg(seed: int, width: int = 1600, height: int = 900) -> bytes:
    """A landscape illustration: a sky, the sun, rolling hills with trees and a village."""
    return _cached("cover", lambda: _draw_cover(seed, width, height), seed, width, height)


def _draw_cover(seed: int, width: int, height: int) -> bytes:
    rng = random.Random(seed)  # noqa: S311 — pictures, not secrets
    main, accent, light = PALETTES[seed % len(PALETTES)]
    image = Image.new("RGB", (width, height), light)
    draw = ImageDraw.Draw(image)
    sky_top, sky_bottom = _mix(light, main, 0.25), _mix(light, accent, 0.35)
    for y in range(height):
        t = y / height
        colour = tuple(round(a + (b - a) * t) for a, b in zip(sky_top, sky_bottom, strict=True))
        draw.line([(0, y), (width, y)], fill=colour)
    sun_x, sun_y, sun_r = rng.randint(width // 5, width * 4 // 5), rng.randint(90, 260), 70
    glow = Image.new("L", (width, height), 0)
    ImageDraw.Draw(glow).ellipse(
        (sun_x - sun_r * 3, sun_y - sun_r * 3, sun_x + sun_r * 3, sun_y + sun_r * 3), fill=110
    )
    glow = glow.filter(ImageFilter.GaussianBlur(80))
    image.paste(Image.new("RGB", (width, height), "#fff6dc"), mask=glow)
    draw.ellipse((sun_x - sun_r, sun_y - sun_r, sun_x + sun_r, sun_y + sun_r), fill=accent)
    layers = 4
    for layer in range(layers):
        t = (layer + 1) / layers
        base = int(height * (0.45 + 0.13 * layer))
        amplitude = 40 + 25 * layer
        phase, frequency = rng.random() * math.tau, rng.uniform(1.2, 2.6)
        points = [(0, height)]
        for x in range(0, width + 20, 20):
            wave = math.sin(x / width * frequency * math.tau + phase)
            points.append((x, base + int(amplitude * wave)))
        points.append((width, height))
        draw.polygon(points, fill=_mix(light, main, 0.35 + 0.55 * t))
        if layer == layers - 2:  # trees and houses on the middle hill
            for _ in range(rng.randint(5, 9)):
                x = rng.randint(0, width)
                y = base + int(amplitude * math.sin(x / width * frequency * math.tau + phase))
                if rng.random() < 0.6:
                    trunk = _mix(main, "#000000", 0.3)
                    draw.rectangle((x - 4, y - 30, x + 4, y + 5), fill=trunk)
                    draw.ellipse((x - 28, y - 95, x + 28, y - 20), fill=_mix(main, "#2f7d32", 0.5))
                else:
                    wall, roof = _mix(light, "#ffffff", 0.5), _mix(accent, main, 0.4)
                    draw.rectangle((x - 36, y - 50, x + 36, y + 5), fill=wall)
                    draw.polygon([(x - 46, y - 48), (x, y - 90), (x + 46, y - 48)], fill=roof)
                    draw.rectangle((x - 10, y - 32, x + 10, y - 12), fill=_mix(main, accent, 0.5))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85, optimize=True, progressive=True)
    return buffer.getvalue()
