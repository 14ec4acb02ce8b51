"""Checks a PNG screenshot of `planlint report`: the expected size, not
blank, and the charts' colours actually drawn. Decodes the PNG with zlib
alone (8-bit RGB or RGBA, non-interlaced, as Chromium writes it).

usage: python3 check_screenshot.py FILE WIDTH HEIGHT
"""
import struct
import sys
import zlib


def decode(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path} is not a PNG")
    at, idat, header = 8, b"", None
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        at += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        sys.exit(f"{path}: unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})")
    channels = 3 if colour == 2 else 4
    stride = width * channels
    raw = zlib.decompress(idat)
    rows, previous = [], bytearray(stride)
    for y in range(height):
        line = raw[y * (stride + 1):(y + 1) * (stride + 1)]
        kind, row = line[0], bytearray(line[1:])
        for i in range(stride):
            left = row[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                row[i] = (row[i] + left) & 255
            elif kind == 2:
                row[i] = (row[i] + up) & 255
            elif kind == 3:
                row[i] = (row[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                predictor = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                row[i] = (row[i] + predictor) & 255
        rows.append(row)
        previous = row
    return width, height, channels, rows


def main():
    path, want_width, want_height = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    width, height, channels, rows = decode(path)
    if (width, height) != (want_width, want_height):
        sys.exit(f"{path} is {width}x{height}, expected {want_width}x{want_height}")
    # The charts' fills: the first channel's blue and the green of a test
    # return above break-even (src/output/report/charts.rs).
    targets = {"blue bars": (0x25, 0x63, 0xEB), "green bars": (0x16, 0xA3, 0x4A)}
    counts = dict.fromkeys(targets, 0)
    ink = 0
    for row in rows:
        for x in range(0, width * channels, channels):
            r, g, b = row[x], row[x + 1], row[x + 2]
            if r < 235 or g < 235 or b < 235:
                ink += 1
            for name, (tr, tg, tb) in targets.items():
                if abs(r - tr) <= 16 and abs(g - tg) <= 16 and abs(b - tb) <= 16:
                    counts[name] += 1
    share = ink / (width * height)
    print(f"{path}: {width}x{height}, {share:.1%} drawn, " + ", ".join(f"{n} {c} px" for n, c in counts.items()))
    if share < 0.03:
        sys.exit("the screenshot is (nearly) blank")
    for name, count in counts.items():
        if count < 1500:
            sys.exit(f"too few pixels of the {name}: the charts were not drawn")


if __name__ == "__main__":
    main()
