"""Build resources/fonts/WenQuanYiMicroHei-CJK.ttf, the PDFs' CJK fallback (run once, at build time).

    pip install fonttools   # a build tool only; the app reads the built file with reportlab
    python -m resources.fonts.build_cjk [SOURCE.ttc]

SOURCE defaults to Debian's fonts-wqy-microhei (/usr/share/fonts/truetype/wqy/wqy-microhei.ttc).
We keep its first face (proportional, not Mono), only the CJK blocks exporters/pdf_fonts.py sends it
(DejaVu Sans draws everything else), no hinting (PDF viewers do not use it) and no glyph names:
3.6 MB (3.4 MiB) instead of the collection's 5.2 MB.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

from exporters.pdf_fonts import CJK_RANGES

SOURCE = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
TARGET = Path(__file__).resolve().parent / "WenQuanYiMicroHei-CJK.ttf"


def build(source: Path = SOURCE, target: Path = TARGET) -> Path:
    font = TTCollection(str(source)).fonts[0]
    keep = [cp for cp in font.getBestCmap() if any(low <= cp <= high for low, high in CJK_RANGES)]
    options = subset.Options()
    options.hinting = False
    options.glyph_names = False
    options.layout_features = []
    options.drop_tables += ["GPOS", "GSUB", "GDEF", "vmtx", "vhea", "FFTM", "gasp"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=keep)
    subsetter.subset(font)
    font.save(str(target))
    return target


if __name__ == "__main__":
    out = build(Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE)
    print(f"{out}: {out.stat().st_size / 1e6:.1f} MB")
