"""Draws the app's two icons (run by hand when they change: ``python -m manifest.icons``).

Teams wants ``color.png`` at 192×192 and ``outline.png`` at 32×32, white on transparent.
The motif is an agenda sheet: a page with three lines and a check mark.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).parent
ACCENT = (31, 92, 153, 255)
WHITE = (255, 255, 255, 255)


def _sheet(draw: ImageDraw.ImageDraw, scale: float, width: int) -> None:
    def box(x0: float, y0: float, x1: float, y1: float) -> list[float]:
        return [x0 * scale, y0 * scale, x1 * scale, y1 * scale]

    draw.rounded_rectangle(box(8, 5, 24, 27), radius=2 * scale, outline=WHITE, width=width)
    for y in (11, 15, 19):
        draw.line(box(12, y, 20, y), fill=WHITE, width=width)
    draw.line(box(11.5, 23, 13.5, 25), fill=WHITE, width=width)
    draw.line(box(13.5, 25, 18, 21.5), fill=WHITE, width=width)


def draw_color() -> Image.Image:
    image = Image.new("RGBA", (192, 192), ACCENT)
    _sheet(ImageDraw.Draw(image), scale=6, width=9)
    return image


def draw_outline() -> Image.Image:
    image = Image.new("RGBA", (32, 32), (0, 0, 0, 0))
    _sheet(ImageDraw.Draw(image), scale=1, width=2)
    return image


def main() -> None:
    draw_color().save(HERE / "color.png")
    draw_outline().save(HERE / "outline.png")


if __name__ == "__main__":
    main()
