#!/usr/bin/env python3
"""Turns the real Prisma CLI's coloured `prisma validate` output into godwit's expected.txt.

    FORCE_COLOR=1 prisma validate --schema schema.prisma 2>&1 | oracle_expected_with_carets.py

Prisma marks the offending text of each error excerpt with colour (bold bright red); godwit
prints no colour and puts a caret line under that text instead (src/psl/diagnostics.hpp). This
script keeps Prisma's lines as they are, without colour, and writes under each highlighted line
`   | `, the width of the text before the highlight in spaces (tabs kept; East Asian wide
characters count two columns, combining marks and format characters none) and one `^` per
column of the highlight. It computes the columns itself (Python's unicodedata), so godwit's
output is compared with an independent reading of Prisma's, never with itself.
"""
import re
import sys
import unicodedata

ANSI = re.compile(r"\x1b\[[0-9;]*m")
HIGHLIGHT = "\x1b[1;91m"


def width(text):
    w = 0
    for ch in text:
        if unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w


def pad(text):
    return "".join("\t" if ch == "\t" else " " * width(ch) for ch in text)


def main():
    lines = sys.stdin.read().split("\n")
    out = ["Error: P1012", "", "Prisma schema validation"]
    started = False
    for raw in lines:
        plain = ANSI.sub("", raw)
        if not started:
            if plain.startswith("error: "):
                started = True
            else:
                continue
        out.append(plain)
        if plain.startswith("Validation Error Count:"):
            break
        m = re.match(r"^(\s*\d+ \| )(.*)$", plain)
        if m and HIGHLIGHT in raw and not plain.startswith("error"):
            body = raw.split("\x1b[0m", 1)[1]  # after the coloured gutter
            before, rest = body.split(HIGHLIGHT, 1)
            marked = rest.split("\x1b[0m", 1)[0]
            gutter = " " * (len(m.group(1)) - 2) + "| "
            out.append(gutter + pad(ANSI.sub("", before)) + "^" * max(1, width(ANSI.sub("", marked))))
    sys.stdout.write("\n".join(out) + "\n")


main()
