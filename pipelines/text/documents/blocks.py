"""What one block is, for the documents stage: a title line, a subtitle, a byline, an
editor's note, an organisation (a signature), a date line, a label.

Predicates only: they read a block and never change it. Labels depend on the source
(`SourceLabels`: what it prints again and again), so `is_label` takes them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..model import Block
from ..params import ORG_LINE_MAX_CHARS, TEXT_MEMO_ENTRIES, TITLE_MAX_CHARS
from ..passes import Counters, stage_pass
from ..patterns import (
    ARABIC_DATE_LINE_RE,
    BYLINE_MARKS,
    CN_DATE_LINE_RE,
    DELIVERED_RE,
    HAN,
    HEADING_NUMBER_RE,
    ORG_LINE_RE,
    PLACE_OR_OFFICE_LABEL_RE,
    ROLE_LINE_RE,
    SALUTATION_LINE_RE,
    WIRE_DATELINE,
)
from .names import parse_byline
from .state import DocumentState, SourceLabels
from .text import cjk_count, ends_sentence, flat, plain

_NOTE_RE = re.compile(r"^\s*[【\[]?\s*(?:编者按|编\s*者\s*按|按)\s*[】\]]?\s*[：:]")
_WIRE_DATELINE_RE = re.compile(f"^{WIRE_DATELINE}$")
#: An office and a name (`浙江省省长 王 浩`): the speaker of a report; groups office, name.
OFFICE_NAME_RE = re.compile(
    rf"^([{HAN}]{{2,20}}(?:省长|市长|县长|区长|主席|书记|总理|部长|主任|委员长))\s+([{HAN}](?:\s?[{HAN}]){{1,3}})$"
)
_SPACED_LABEL_RE = re.compile(rf"^\s*[{HAN}](?:\s+[{HAN}]){{1,5}}\s*$")
#: A rubric marked with arrows (`>>特别报道`): group the rubric.
ARROW_LABEL_RE = re.compile(rf"^\s*(?:>>|》》)\s*([{HAN}]{{2,8}})\s*$")
_WEB_WORDS_RE = re.compile(r"上一页|下一页|【字体|来源[：:]|www\.|https?:")


def is_note(block: Block) -> bool:
    return block.kind == "note" or bool(_NOTE_RE.match(block.text))


def is_editors_note(block: Block) -> bool:
    """An editor's note (`按：…`), which opens the document it introduces; a source note
    (`（…提供）`, `原文：URL`) closes the document it belongs to instead."""
    return bool(_NOTE_RE.match(block.text))


def is_byline(block: Block) -> bool:
    """`■杨 晨`, `/本刊记者 …`, `◎…`, `本刊记者 杨晨`: a byline of its own."""
    if block.kind == "byline":
        return True
    return block.kind in {"body", "heading"} and _byline_text(block.text)


def _byline_text(raw: str) -> bool:
    text = plain(raw)
    return parse_byline(text) is not None and (
        text[:1] in BYLINE_MARKS + "◎" or bool(ROLE_LINE_RE.match(text))
    )


def is_role_only(block: Block) -> bool:
    """A byline role alone on its line (`本刊记者`), its names on the line before."""
    m = ROLE_LINE_RE.match(block.text.strip())
    return bool(m) and not m.group(2)


def title_like(block: Block) -> bool:
    """Short, not a sentence, not numbered, not a byline: a title line candidate."""
    if block.kind not in {"body", "heading"} or block.md_level is not None:
        return False
    return _title_like_text(block.text)


@lru_cache(maxsize=TEXT_MEMO_ENTRIES)
def _title_like_text(raw: str) -> bool:
    """`title_like` of a body or heading block with this text (the rules ask it of the
    same block many times: remembered)."""
    text = plain(raw)
    if not text or ("\n" in text and len(text.splitlines()) > 3):
        return False
    squeezed = flat(text)
    if len(squeezed) > TITLE_MAX_CHARS or cjk_count(squeezed) < 2:
        return False
    if squeezed[-1] in "。；，、：:;,":
        return False
    if (
        squeezed[0] in "●■◆▲★·•"
        or squeezed.startswith("——")
        or HEADING_NUMBER_RE.match(squeezed)
        or _byline_text(raw)
    ):
        return False
    if is_date_line(squeezed) or DELIVERED_RE.match(squeezed):
        return False
    if _WIRE_DATELINE_RE.match(squeezed):
        return False  # `新华社北京3月14日电` over a wire copy: a dateline, not a title
    if SALUTATION_LINE_RE.match(squeezed) or _WEB_WORDS_RE.search(squeezed):
        return False
    if OFFICE_NAME_RE.match(text) or (squeezed[0] in "（(" and squeezed[-1] in "）)"):
        return False  # also source and photo credits: （市委办公室 提供）
    return squeezed.count("。") == 0


def is_subtitle(block: Block) -> bool:
    """`——在…上的报告`, or a delivery line (`2026年1月14日在…会议上`) under a title."""
    squeezed = flat(block.text)
    return (
        (squeezed.startswith("——") or bool(DELIVERED_RE.match(squeezed)))
        and len(squeezed) <= TITLE_MAX_CHARS
        and not ends_sentence(squeezed)
        and "。" not in squeezed
    )


def is_org_line(text: str) -> bool:
    """An organisation alone on its line (`中共某某市委`): a signature or an issuer."""
    squeezed = flat(text)
    return len(squeezed) <= ORG_LINE_MAX_CHARS and bool(ORG_LINE_RE.match(squeezed))


def is_date_line(text: str) -> bool:
    """A full date alone on its line (`2020年1月30日`, `二〇二〇年一月三十日`)."""
    squeezed = flat(text)
    return bool(ARABIC_DATE_LINE_RE.match(squeezed) or CN_DATE_LINE_RE.match(squeezed))


def is_label(block: Block, labels: SourceLabels) -> bool:
    """A rubric or running label: `>>特别报道`, `经 济`, or a short line printed again and
    again in the source (`本期关注`, `领导要论`)."""
    t = plain(block.text)
    if ARROW_LABEL_RE.match(t) or _SPACED_LABEL_RE.match(t):
        return True
    squeezed = flat(t)
    return squeezed in labels.repeated or (
        len(squeezed) <= 10 and bool(PLACE_OR_OFFICE_LABEL_RE.match(squeezed))
    )


def label_text(text: str) -> str | None:
    """The rubric a label names; None for a place label (湖州市, …学院: where the article
    is from, not the column it is printed in) and for a lone logo glyph (税)."""
    m = ARROW_LABEL_RE.match(text.strip())
    label = m.group(1) if m else flat(text)
    if m is None and (PLACE_OR_OFFICE_LABEL_RE.match(label) or cjk_count(label) < 2):
        return None
    return label


@stage_pass("documents.blocks.keep_text", requires=("blocks",), assigns=("kept",))
def keep_text(state: DocumentState, counters: Counters) -> DocumentState:
    """The blocks that stay (not removed) go on to be cut into documents; the removed ones
    stay with the state, to be published as they are."""
    return replace(state, kept=tuple(b for b in state.blocks if not b.removed))
