#!/usr/bin/python3
"""Make the small test face of the PDF library fork: a format-4-only face.

third_party/fpdf/testdata/format4-song.ttf is dangjian-song.ttf (assets/fonts)
subset to Basic Latin, the common Chinese punctuation and about 200
ideographs of the BMP, with its format 12 and format 14 cmap subtables
dropped, so that only format 4 subtables map characters to glyphs: the kind
of face the library always printed with. It lacks every character outside
the BMP (𬱖 U+2CC56, 𬘬 U+2C62C, 𠀀 U+20000), which the tests print as
missing. The face is renamed (a modified OFL font does not keep its name) and
keeps the copyright and licence of its source; assets/fonts/OFL.txt is copied
beside it.

Usage: /usr/bin/python3 scripts/fonts/make_format4_face.py   (from anywhere)
Needs python3-fonttools (Debian); the same fontTools version gives the same
bytes.
"""

import os
import shutil

from fontTools.subset import Options, Subsetter
from fontTools.ttLib import TTFont

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
SOURCE = os.path.join(ROOT, "assets", "fonts", "dangjian-song.ttf")
OUTDIR = os.path.join(ROOT, "third_party", "fpdf", "testdata")
FAMILY = "Dangjian Format4 Test"

# The ideographs: every one the fork's tests print with this face, then
# common ones up to about 200.
IDEOGRAPHS = (
    "中共某大学委员会组织部党员教育管理工作台账王李明张华与同志"
    "的一是在不了有人这上们来到时大地为子中你说生国年着就那和要她出也得里后自以会家可下而过天去能对小多然于心"
    "学么之都好看起发当没成只如事把还用第样道想作种开美总从无情己面最女但现前些所同日手又行意动方期它头经长儿回"
    "位分爱老因很给名法间斯知世什两次使身者被高已亲其进此话常与活正感支部书记组织生活会议民主评议合格优秀"
)
PUNCTUATION = "，。、；：？！“”‘’（）《》〔〕【】—…·　"


def charset():
    chars = set(range(0x20, 0x7F)) | {ord(c) for c in PUNCTUATION}
    chars |= {ord(c) for c in IDEOGRAPHS}
    assert all(c < 0x10000 for c in chars)
    return sorted(chars)


def main():
    font = TTFont(SOURCE, recalcBBoxes=True, recalcTimestamp=False)
    opts = Options()
    opts.hinting = False
    opts.notdef_outline = True
    opts.glyph_names = False
    opts.name_IDs = ["*"]
    opts.name_languages = [0x409]
    sub = Subsetter(opts)
    sub.populate(unicodes=charset())
    sub.subset(font)
    cmap = font["cmap"]
    cmap.tables = [t for t in cmap.tables if t.format == 4]
    name = font["name"]
    for n in name.names:
        if n.nameID in (1, 4):
            n.string = FAMILY
        elif n.nameID in (3, 6):
            n.string = FAMILY.replace(" ", "") + "-Regular"
        elif n.nameID == 5:
            n.string = n.toUnicode().split(";")[0] + "; format 4 test subset of Dangjian Song"
    os.makedirs(OUTDIR, exist_ok=True)
    path = os.path.join(OUTDIR, "format4-song.ttf")
    font.save(path)
    shutil.copyfile(os.path.join(ROOT, "assets", "fonts", "OFL.txt"), os.path.join(OUTDIR, "OFL.txt"))
    print("%s: %d characters, %d glyphs, cmap formats %s, %d bytes" % (
        path, len(font.getBestCmap()), len(font.getGlyphOrder()),
        sorted({t.format for t in font["cmap"].tables}), os.path.getsize(path)))


if __name__ == "__main__":
    main()
