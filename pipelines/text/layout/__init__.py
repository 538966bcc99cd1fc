"""Layout recovery: turn printed lines back into paragraphs and set page furniture aside.

The raw texts carry the printer's layout (column wraps, blank-line interleaving, page
furniture, pull-quotes, OCR debris; see DESIGN.md). This stage reflows the lines of each
printed paragraph into one block and moves everything that is not running text into
removed blocks with a kind, a reason and a rule id, so that later stages see clean
paragraphs and the `removed` table can account for every dropped character.

The stage is the ordered tuple `LAYOUT_PASSES` (see `stage.py`): line rules (`lines`),
region rules (`regions/`), the reflow with its break rules (`reflow`, `breaks`,
`insertions`, `columns`), trailing credits (`credits`), and the repairs of `text/repair/`.

The one property that must always hold: every non-whitespace character of the input
appears in exactly one block, in order within the block (see `check_conservation`).
"""

from .conservation import check_conservation
from .stage import LAYOUT_PASSES, RECOVERY_PASSES, layout_blocks, recover_layout

__all__ = [
    "LAYOUT_PASSES",
    "RECOVERY_PASSES",
    "check_conservation",
    "layout_blocks",
    "recover_layout",
]
