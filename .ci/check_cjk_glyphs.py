"""Checks that Chinese text in `planlint report --lang zh` is drawn with
real glyphs, not as empty boxes ("tofu": every character a machine has no
font for is drawn as the same box).

The report's own Chinese characters are laid out in a grid of fixed cells,
under the report's own style sheet (so its font stack picks the font), and
the page is screenshotted by the caller. Drawn glyphs differ from each
other; missing ones are all the same box, or nothing.

usage:
  python3 check_cjk_glyphs.py page REPORT.html GLYPHS.html     # the grid page
  python3 check_cjk_glyphs.py control REPORT.html GLYPHS.html  # the same grid of unassigned code points
  python3 check_cjk_glyphs.py check GLYPHS.html GLYPHS.png     # screenshot of the grid, 1200 wide
"""
import html
import re
import sys

from check_screenshot import decode

CELL, COLUMNS, FONT = 120, 8, 96
MAX_CHARACTERS, MIN_CHARACTERS = 40, 16
# Unassigned code points (Greek and Coptic block): no font has them, so
# they are drawn as the missing-glyph box, exactly as tofu is.
UNASSIGNED = [0x0378, 0x0379, 0x0380, 0x0381, 0x0382, 0x0383, 0x038B, 0x038D, 0x03A2]


def report_parts(path):
    page = open(path, encoding="utf-8").read()
    if '<html lang="zh-CN">' not in page:
        sys.exit(f"{path} does not declare its language as zh-CN")
    style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    text = html.unescape(re.sub(r"<[^>]+>", " ", page.split("</head>", 1)[1]))
    characters = []
    for c in text:
        if "\u4e00" <= c <= "\u9fff" and c not in characters:
            characters.append(c)
    if len(characters) < MIN_CHARACTERS:
        sys.exit(f"{path} has only {len(characters)} Chinese characters")
    return style, characters[:MAX_CHARACTERS]


def write_page(style, characters, path):
    cells = []
    for index, c in enumerate(characters):
        x, y = (index % COLUMNS) * CELL, (index // COLUMNS) * CELL
        cells.append(f'<div class="g" style="left:{x}px;top:{y}px">{html.escape(c)}</div>')
    open(path, "w", encoding="utf-8").write(
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>'
        + style
        + f" body {{ margin: 0; padding: 0; }} .g {{ position: absolute; width: {CELL}px; height: {CELL}px;"
        + f" font-size: {FONT}px; line-height: {CELL}px; text-align: center; }}</style></head>"
        + f'<body data-cells="{len(characters)}">'
        + "".join(cells)
        + "</body></html>\n"
    )


def check(page, png):
    count = int(re.search(r'data-cells="(\d+)"', open(page, encoding="utf-8").read()).group(1))
    width, height, channels, rows = decode(png)
    masks = []
    for index in range(count):
        x0, y0 = (index % COLUMNS) * CELL, (index // COLUMNS) * CELL
        mask = bytes(
            1 if min(rows[y][x * channels:x * channels + 3]) < 128 else 0
            for y in range(y0, min(y0 + CELL, height))
            for x in range(x0, min(x0 + CELL, width))
        )
        masks.append(mask)
    inked = [sum(mask) for mask in masks]
    distinct = len(set(masks))
    print(f"{png}: {count} characters, {distinct} distinct drawings, ink {min(inked)}-{max(inked)} px")
    if min(inked) < CELL * CELL // 100:
        sys.exit("a character was drawn as (nearly) nothing: no font has it")
    if distinct < count * 9 // 10:
        sys.exit("the characters are drawn as the same box: no font on this machine has Chinese glyphs")


def main():
    command = sys.argv[1]
    if command == "page":
        style, characters = report_parts(sys.argv[2])
        write_page(style, characters, sys.argv[3])
        print(f"{sys.argv[3]}: {''.join(characters)}")
    elif command == "control":
        style, characters = report_parts(sys.argv[2])
        write_page(style, [chr(UNASSIGNED[i % len(UNASSIGNED)]) for i in range(len(characters))], sys.argv[3])
    elif command == "check":
        check(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)


main()
