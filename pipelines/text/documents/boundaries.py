"""Which starts stand, and the documents they cut.

An article never opens in the middle of the previous one's sentence, nor inside one of its
paragraphs; a run of captions is no document; a boxed notice that the extraction dropped
into an article is a document of its own, and the article resumes after it.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise

from ..model import Block, DocumentSpan
from ..params import BOXED_NOTICE_MAX_PARAGRAPHS, BYLINE_LOOKAHEAD, CUT_PARAGRAPH_MIN_CHARS
from ..passes import Counters, rule, stage_pass
from ..patterns import DOCUMENT_TITLE_RE, NOTICE_WORDS
from .blocks import is_byline
from .starts import CHRONICLE
from .state import DocumentState, Start
from .text import cjk_count, ends_sentence, flat, plain, undouble
from .toc import Contents

CAPTIONS_ONLY = rule(
    "documents.boundaries.captions_only",
    "photo captions and source lines after an article are the article's: no document",
)
CAPTION_OVERLAY = rule(
    "documents.boundaries.caption_overlay",
    "a line printed twice that the contents page does not list is a photo caption: no start",
)
CUT_PARAGRAPH = rule(
    "documents.boundaries.cut_paragraph",
    "a long paragraph that stops between two characters is cut by a photo: no title, no start",
)
CUT_SENTENCE = rule(
    "documents.boundaries.cut_sentence",
    "a start right after a paragraph cut mid-sentence, with no byline: no start",
)
BOXED_NOTICE = rule(
    "documents.boundaries.boxed_notice",
    "a boxed notice (its one-word title last: `公 示`) dropped into an article: a document",
)
RESUMED = rule(
    "documents.boundaries.resumed",
    "the article a boxed notice interrupted resumes after it: the rest of that article",
)
CHRONICLE_RESUMED = rule(
    "documents.boundaries.chronicle_resumed",
    "the article a chronicle page interrupted resumes at its next numbered part (`五、` after "
    "`四、`): the rest of that article",
)

INSIDE_BLOCK = rule(
    "documents.boundaries.inside_block",
    "a start on a line inside a block of the document before it (a title the page set in "
    "the middle of a paragraph that runs on after it): no start",
)

_FRAME_KINDS = {"caption", "heading", "byline", "note"}


@stage_pass(
    "documents.boundaries.drop_mid_sentence",
    requires=("kept", "starts", "contents"),
    assigns=("starts",),
)
def drop_mid_sentence(state: DocumentState, counters: Counters) -> DocumentState:
    """An article never opens in the middle of the previous one's sentence: a start right
    after a long paragraph cut mid-sentence, with no byline of its own, is a photo caption
    or a pull-out that the page put inside the running text. Nor is a run of captions and
    source lines alone a document."""
    kept, starts = state.kept or (), state.starts
    out = list(starts[:1])
    ends = [*(s.index for s in starts[2:]), len(kept)]
    for start, end in zip(starts[1:], ends[: len(starts) - 1], strict=True):
        dropped = _dropped_by(kept, start.index, end, state.contents)
        if dropped is None:
            out.append(start)
        else:
            counters.add(dropped)
    return replace(state, starts=tuple(out))


def _dropped_by(kept: tuple[Block, ...], s: int, end: int, contents: Contents) -> str | None:
    """The rule that drops the start at `s` (its document running to `end`), or None."""
    if all(b.kind in {"caption", "note"} for b in kept[s:end]):
        return CAPTIONS_ONLY.id
    bylined = any(is_byline(b) for b in kept[s : s + BYLINE_LOOKAHEAD])
    if contents and not bylined and _caption_overlay(kept[s].text, contents):
        return CAPTION_OVERLAY.id
    first = plain(kept[s].text)
    if (
        not bylined
        and len(first) >= CUT_PARAGRAPH_MIN_CHARS
        and "，" in first
        and cjk_count(first[-1]) == 1
    ):
        return CUT_PARAGRAPH.id  # a body paragraph cut by a photo, not a title
    prev = plain(kept[s - 1].text)
    if (
        len(prev) >= CUT_PARAGRAPH_MIN_CHARS
        and cjk_count(prev[-1]) == 1  # cut between two characters of a word
        and kept[s].md_level is None
        and not bylined
    ):
        return CUT_SENTENCE.id
    return None


def _caption_overlay(text: str, contents: Contents) -> bool:
    """A whole line printed twice by the OCR (`…开展服务…开展服务`) in an issue with a contents
    page: a photo caption inside an article, unless the contents page lists it as a title."""
    squeezed = flat(text)
    half = len(squeezed) // 2
    twice = len(squeezed) >= 12 and (
        squeezed[:half] == squeezed[half:] or undouble(squeezed) != squeezed
    )
    return (
        twice and contents.find(text) is None and not DOCUMENT_TITLE_RE.search(undouble(squeezed))
    )


@stage_pass(
    "documents.boundaries.boxed_notices", requires=("kept", "starts"), assigns=("starts", "resumed")
)
def boxed_notices(state: DocumentState, counters: Counters) -> DocumentState:
    """A boxed notice that the extraction dropped into the middle of an article (its
    one-word title last: `…监督电话：…` / `公 示` / `好评。`) is a document; the article
    it interrupts was cut mid-sentence before it and resumes after it."""
    rules = {s.index: s.rule for s in state.starts}
    resumed: set[int] = set()
    for a, t in _boxed(state.kept or ()):
        rules = {s: r for s, r in rules.items() if not a < s <= t + 1}
        rules.setdefault(a, BOXED_NOTICE.id)
        rules[t + 1] = RESUMED.id
        resumed.add(t + 1)
        counters.add(BOXED_NOTICE.id)
        counters.add(RESUMED.id)
    starts = tuple(Start(k, rules[k]) for k in sorted(rules))
    return replace(state, starts=starts, resumed=frozenset(resumed))


def _boxed(kept: tuple[Block, ...]) -> list[tuple[int, int]]:
    """(first block, title block) of each boxed notice in the middle of an article: the run
    of paragraphs between the last photo caption or heading and the title."""
    out: list[tuple[int, int]] = []
    for t, block in enumerate(kept):
        if block.kind != "heading" or flat(block.text) not in NOTICE_WORDS or t + 1 >= len(kept):
            continue
        if kept[t + 1].kind != "body" or t == 0 or kept[t - 1].kind in _FRAME_KINDS:
            continue
        a = t
        while (
            a - 1 >= 0
            and t - a < BOXED_NOTICE_MAX_PARAGRAPHS
            and kept[a - 1].kind in {"body", "quote"}
        ):
            a -= 1
        if a == 0 or kept[a - 1].kind not in _FRAME_KINDS:
            continue
        before = next(
            (kept[p] for p in range(a - 1, max(-1, a - 6), -1) if kept[p].kind == "body"), None
        )
        if before is not None and not ends_sentence(plain(before.text)):
            out.append((a, t))
    return out


@stage_pass(
    "documents.boundaries.chronicle_pages",
    requires=("kept", "starts", "resumed"),
    assigns=("starts", "resumed"),
)
def chronicle_pages(state: DocumentState, counters: Counters) -> DocumentState:
    """A chronicle page (`1月` / `1日 《…条例》施行。`) that the extraction dropped into the
    middle of an article: the article goes on after it where its next numbered part is
    printed (the record's `四、` before the chronicle, its `五、` after it), and the
    chronicle is a document of its own between the two parts."""
    from ..sections.numbering import parse_heading  # (sections builds on this stage)

    kept, starts = state.kept or (), list(state.starts)
    resumed = set(state.resumed)
    added: list[Start] = []
    for n in range(1, len(starts)):
        if starts[n].rule != CHRONICLE.id:
            continue
        last = None  # the last numbered part of the document before the chronicle
        for k in range(starts[n - 1].index, starts[n].index):
            parsed = parse_heading(kept[k])
            if parsed is not None and parsed.number is not None:
                last = parsed
        if last is None or last.number is None:
            continue
        end = starts[n + 1].index if n + 1 < len(starts) else len(kept)
        for k in range(starts[n].index + 1, end):
            parsed = parse_heading(kept[k])
            if parsed is not None and parsed.scheme == last.scheme:
                if parsed.number == last.number + 1:
                    added.append(Start(k, CHRONICLE_RESUMED.id))
                    resumed.add(k)
                    counters.add(CHRONICLE_RESUMED.id)
                break
    if not added:
        return state
    merged = sorted([*starts, *added], key=lambda s: s.index)
    return replace(state, starts=tuple(merged), resumed=frozenset(resumed))


@stage_pass("documents.boundaries.no_overlap", requires=("kept", "starts"), assigns=("starts",))
def no_overlap(state: DocumentState, counters: Counters) -> DocumentState:
    """Documents never share a raw line: a start on a line that a block before it still
    covers is dropped. The reflow joins a paragraph across a title the page set in its
    middle (the paragraph's line range then spans the title); a start at that title would
    make two documents overlap, as in a long source that holds the same issue twice, whose
    second copy keeps only what the repeated-page repair did not set aside."""
    kept = state.kept or ()
    out: list[Start] = []
    reach = 0  # the last raw line of the blocks before the start
    k = 0
    for start in state.starts:
        while k < start.index:
            reach = max(reach, kept[k].line_end)
            k += 1
        if out and kept[start.index].line_start <= reach:
            counters.add(INSIDE_BLOCK.id)
            continue
        out.append(start)
    return replace(state, starts=tuple(out))


@stage_pass("documents.boundaries.cut", requires=("kept", "starts"), assigns=("documents",))
def cut(state: DocumentState, counters: Counters) -> DocumentState:
    """One document from each start to the next, with its raw line range."""
    kept = state.kept or ()
    docs: list[DocumentSpan] = []
    if kept:
        bounds = [*(s.index for s in state.starts), len(kept)]
        for n, ((a, b), start) in enumerate(zip(pairwise(bounds), state.starts, strict=True), 1):
            blocks = list(kept[a:b])
            doc = DocumentSpan(ordinal=n, blocks=blocks, start_rule=start.rule)
            doc.line_start = min(bl.line_start for bl in blocks)
            doc.line_end = max(bl.line_end for bl in blocks)
            docs.append(doc)
    return replace(state, documents=tuple(docs))
