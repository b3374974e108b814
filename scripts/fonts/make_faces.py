#!/usr/bin/python3
"""Build the fonts bundled in assets/fonts from Debian's Noto CJK collections.

Each face is taken from a Noto CJK TrueType collection (.ttc with CFF
outlines), subset to the characters the program needs, converted to
TrueType quadratic outlines (glyf), stripped of hinting, vertical metrics
and OpenType layout tables, and renamed (a modified version of an OFL font
does not keep the original's name).

Usage: make_faces.py OUTDIR [FACE...]   (all faces when none is named)
Needs python3-fonttools; reads /usr/share/fonts/opentype/noto.
"""

import os
import sys

from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.transformPen import TransformPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.misc.timeTools import timestampFromString
from fontTools.subset import Options, Subsetter
from fontTools.ttLib import TTFont, newTable

NOTO = "/usr/share/fonts/opentype/noto"
HERE = os.path.dirname(os.path.abspath(__file__))
TONGYONG = os.path.join(HERE, "..", "..", "data", "hanzi", "testdata", "tongyong-8105.txt")

# Index of the Simplified Chinese face in Noto's .ttc collections
# (JP, KR, SC, TC, HK, then the Mono faces).
SC = 2

# Largest distance, in font units (1,000 to the em), between a cubic curve
# and the quadratic curves that replace it.
MAX_ERR = 1.0

# Line metrics (hhea ascender and descender, in font units) of the faces
# of the user interface. Fyne (go-text) makes a line of text as high as the
# hhea ascender minus the descender (the OS/2 typo values only count when
# USE_TYPO_METRICS is set, which Noto CJK does not set), and draws nothing
# outside it. Noto's own 1,160 and -288 (1.448 em) make every line of the
# interface a quarter taller than the 1.173 em of the face it replaced
# (WenQuanYi Micro Hei). These are the bounds of the glyphs of both faces
# but OTHER_MARKS: Å É ǘ (bold) at the top, ç | (bold) at the bottom, the
# hanzi inside 880 and -120. Both faces get the same values, so that regular
# and bold text sit on lines of one height.
UI_ASCENT = 1010
UI_DESCENT = -284

# Characters left outside the interface line box, which Chinese text does
# not use: the ideographic tone marks 〪〭〫〬 and the vertical kana repeat
# marks 〱〲 (up to 1,331 and -551).
OTHER_MARKS = {0x302A, 0x302B, 0x302C, 0x302D, 0x3031, 0x3032}

# file name -> (collection, family, style, character set, used by the
# interface: gets the line metrics UI_ASCENT and UI_DESCENT)
FACES = {
    "dangjian-song.ttf": ("NotoSerifCJK-Regular.ttc", "Dangjian Song", "Regular", "print", False),
    "dangjian-song-title.ttf": ("NotoSerifCJK-Black.ttc", "Dangjian Song Title", "Regular", "print", False),
    "dangjian-hei.ttf": ("NotoSansCJK-Bold.ttc", "Dangjian Hei", "Regular", "print", True),
    "dangjian-sans.ttf": ("NotoSansCJK-Regular.ttc", "Dangjian Sans", "Regular", "ui", True),
}


def ranges(*pairs):
    out = set()
    for lo, hi in pairs:
        out.update(range(lo, hi + 1))
    return out


def dbcs(codec, leads, trails):
    """Every character a double-byte code of codec decodes to."""
    out = set()
    for a in leads:
        for b in trails:
            try:
                s = bytes([a, b]).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(s) == 1:
                out.add(ord(s))
    return out


def tongyong():
    """The 8,105 characters of the 通用规范汉字表."""
    with open(TONGYONG, encoding="utf-8") as f:
        return {int(line.split()[0][2:], 16) for line in f if line.startswith("U+")}


def is_han(c):
    return 0x3400 <= c <= 0x9FFF or 0xF900 <= c <= 0xFAFF or c >= 0x20000


def charsets():
    base = ranges(
        (0x0020, 0x007E),  # Basic Latin
        (0x00A0, 0x00FF),  # Latin-1
        (0x2000, 0x206F),  # General Punctuation
        (0x3000, 0x303F),  # CJK Symbols and Punctuation
        (0xFF01, 0xFF5E),  # fullwidth ASCII
        (0xFF5F, 0xFF65),  # fullwidth brackets and halfwidth CJK punctuation
        (0xFFE0, 0xFFE6),  # fullwidth signs
        (0x2460, 0x249B),  # ①…⑳ ⑴…⒇ ⒈…⒛
        (0x3220, 0x3229),  # ㈠…㈩
        (0x3280, 0x3289),  # ㊀…㊉
        (0x2160, 0x216B),  # Ⅰ…Ⅻ
        (0x2170, 0x2179),  # ⅰ…ⅹ
        (0x2190, 0x2199),  # arrows
        (0x25A0, 0x25FF),  # Geometric Shapes: ○ ● □ ■ △ ▲ ▶ ▼ …
    )
    base.update(ord(c) for c in "☐☑☒★☆✓✔✗✘√×÷±−≤≥≠≈∶∈∞℃№‰※§⌘")
    print_set = base | tongyong() | dbcs("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF))
    gbk = dbcs("gbk", range(0x81, 0xFF), list(range(0x40, 0x7F)) + list(range(0x80, 0xFF)))
    ui_set = print_set | {c for c in gbk if is_han(c)}
    return {"print": print_set, "ui": ui_set}


def to_truetype(font):
    """Replace the CFF outlines of font by TrueType quadratic ones."""
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    quad = {}
    for name in order:
        tt = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(tt, MAX_ERR, reverse_direction=True))
        quad[name] = tt.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = quad
    del font["CFF "]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, g in glyf.glyphs.items():
        hmtx[name] = (hmtx[name][0], getattr(g, "xMin", 0))
    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000  # version 1.0, as TrueType outlines want
    maxp.maxZones = 1
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.compile(font)
    post = font["post"]
    post.formatType = 3.0
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def add_ballot_boxes(font):
    """Add ☐ ☑ ☒, which Noto CJK lacks, drawn from its own □ with ✓ or × inside."""
    cmap = font.getBestCmap()
    glyphs = font.getGlyphSet()
    glyf, hmtx = font["glyf"], font["hmtx"]

    def bounds(name):
        pen = BoundsPen(glyphs)
        glyphs[name].draw(pen)
        return pen.bounds

    box = cmap[0x25A1]
    bx0, by0, bx1, by1 = bounds(box)
    for code, mark in ((0x2610, None), (0x2611, 0x2713), (0x2612, 0x00D7)):
        pen = TTGlyphPen(glyphs)
        glyphs[box].draw(pen)
        if mark is not None:
            m = cmap[mark]
            mx0, my0, mx1, my1 = bounds(m)
            # The mark fills 60 % of the box, centred in it.
            k = 0.6 * min((bx1 - bx0) / (mx1 - mx0), (by1 - by0) / (my1 - my0))
            dx = (bx0 + bx1) / 2 - k * (mx0 + mx1) / 2
            dy = (by0 + by1) / 2 - k * (my0 + my1) / 2
            glyphs[m].draw(TransformPen(pen, (k, 0, 0, k, dx, dy)))
        name = "uni%04X" % code
        glyph = pen.glyph()
        glyph.recalcBounds(glyf)
        glyf[name] = glyph
        hmtx[name] = (hmtx[box][0], glyf[name].xMin)
        for table in font["cmap"].tables:
            if table.isUnicode():
                table.cmap[code] = name
    font.setGlyphOrder(glyf.glyphOrder)


def rename(font, family, style):
    """Give font its own family name, keeping copyright, version and licence."""
    name = font["name"]
    old = {n.nameID: n.toUnicode() for n in name.names if n.platformID == 3 and n.langID == 0x409}
    full = family if style == "Regular" else family + " " + style
    ps = (family + "-" + style).replace(" ", "")
    version = old.get(5, "").split(";")[0]
    keep = {
        0: old.get(0, ""),
        1: family,
        2: style,
        3: "%s;%s" % (version.replace("Version ", ""), ps),
        4: full,
        5: version + "; subset of " + old.get(4, "") + ", converted to TrueType outlines",
        6: ps,
        13: old.get(13, ""),
        14: old.get(14, ""),
    }
    name.names = []
    for nid, text in keep.items():
        if text:
            name.setName(text, nid, 3, 1, 0x409)
            name.setName(text, nid, 1, 0, 0)
    font["OS/2"].fsSelection = (font["OS/2"].fsSelection & ~0b1100001) | (0b100000 if style == "Bold" else 0b1000000)
    font["head"].macStyle = 1 if style == "Bold" else 0


def set_ui_line_metrics(font):
    """Give an interface face the line box UI_ASCENT .. UI_DESCENT (hhea), after
    checking that every glyph but those of OTHER_MARKS fits in it. The OS/2
    typo and win values, which the PDF writer and other systems read, stay."""
    glyf = font["glyf"]
    for code, name in sorted(font.getBestCmap().items()):
        g = glyf[name]
        if code in OTHER_MARKS or g.numberOfContours == 0:
            continue
        if g.yMax > UI_ASCENT or g.yMin < UI_DESCENT:
            sys.exit("U+%04X (%d .. %d) is outside the interface line box %d .. %d"
                     % (code, g.yMin, g.yMax, UI_DESCENT, UI_ASCENT))
    hhea = font["hhea"]
    hhea.ascent, hhea.descent, hhea.lineGap = UI_ASCENT, UI_DESCENT, 0


def make(outdir, file, sets):
    ttc, family, style, which, ui_line = FACES[file]
    font = TTFont(os.path.join(NOTO, ttc), fontNumber=SC, recalcBBoxes=True, recalcTimestamp=False)
    opts = Options()
    opts.hinting = False
    opts.desubroutinize = True
    opts.layout_features = []
    opts.notdef_outline = True
    opts.glyph_names = False
    opts.name_IDs = ["*"]
    opts.name_languages = [0x409]
    opts.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "VORG", "vhea", "vmtx", "DSIG", "meta"]
    sub = Subsetter(opts)
    sub.populate(unicodes=sorted(sets[which]))
    sub.subset(font)
    to_truetype(font)
    add_ballot_boxes(font)
    rename(font, family, style)
    if ui_line:
        set_ui_line_metrics(font)
    for t in ("GSUB", "GPOS", "GDEF", "BASE", "VORG", "vhea", "vmtx"):
        if t in font:
            del font[t]
    # A fixed date (the Noto CJK release), so that the same input gives the same bytes.
    font["head"].created = font["head"].modified = timestampFromString("Thu Jan 27 00:00:00 2022")
    path = os.path.join(outdir, file)
    font.save(path)
    print("%s: %s %s, %d characters, %d glyphs, %d bytes"
          % (file, family, style, len(font.getBestCmap()), len(font.getGlyphOrder()), os.path.getsize(path)))


def check_sources(table):
    """Print, for each source face, how many of the 8,105 it lacks, and which."""
    ok = True
    for ttc in sorted({v[0] for v in FACES.values()}):
        cmap = TTFont(os.path.join(NOTO, ttc), fontNumber=SC, lazy=True).getBestCmap()
        missing = sorted(c for c in table if c not in cmap)
        print("%s (SC): %d of %d characters of the table, %d outside the BMP; missing %d%s"
              % (ttc, len(table) - len(missing), len(table), sum(1 for c in table if c > 0xFFFF and c in cmap),
                 len(missing), (": " + " ".join("U+%04X" % c for c in missing)) if missing else ""))
        ok = ok and not missing
    return ok


def main():
    outdir = sys.argv[1]
    files = sys.argv[2:] or list(FACES)
    if not check_sources(tongyong()):
        sys.exit("a source face lacks characters of the table")
    sets = charsets()
    for f in files:
        make(outdir, f, sets)


if __name__ == "__main__":
    main()
