"""Reading a QR code as a camera would: the browser draws the SVG, zxing-cpp decodes the pixels."""

from __future__ import annotations

import zxingcpp
from playwright.sync_api import Page

_SIZE = 330  # pixels a side: about what a desk screen shows, ten pixels a module for a version 5 code

# Draws an SVG document onto a canvas and returns its pixels in grey, row by row.
_DRAW = """async (svg) => {
  const image = new Image();
  image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svg);
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = SIZE;
  const context = canvas.getContext("2d");
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const rgba = context.getImageData(0, 0, canvas.width, canvas.height).data;
  const grey = [];
  for (let i = 0; i < rgba.length; i += 4) grey.push(Math.round((rgba[i] + rgba[i + 1] + rgba[i + 2]) / 3));
  return grey;
}""".replace("SIZE", str(_SIZE))


def decode_svg(page: Page, svg: str) -> list[str]:
    """The texts of every QR code in `svg`, as rendered by the page's browser."""
    page.set_content("<!doctype html><title>QR</title>")
    grey = page.evaluate(_DRAW, svg)
    pixels = memoryview(bytes(grey)).cast("B", (_SIZE, _SIZE))
    return [code.text for code in zxingcpp.read_barcodes(pixels)]
