"""Break rules: does a new paragraph start at a line, given the text line before it?

`BREAK_RULES` are tried in order; the first that has an opinion (True: a new paragraph,
False: the paragraph goes on) decides, and its id is counted. The rules read the shape of
the two lines against the local column width (`col`, ems): a printed paragraph ends on a
short line that ends a sentence, its first line lost a two-em indent, titles and labels
have no sentence punctuation. What they read of a line (`LineShape`) is worked out once
per line: a line is the `b` of one pair and the `a` of the next.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..params import (
    CUT_LINE_MAX_SHARE,
    FULL_LINE_MARGIN,
    LONG_LINE_WIDTH,
    NARROW_COLUMN,
    SHORT_LINE_MARGIN,
    TITLE_WRAP_GROWTH,
    TITLE_WRAP_MAX_WIDTH,
    WIDE_TITLE_MARGIN,
)
from ..passes import Rule, rule
from ..patterns import (
    BULLET_RE,
    HAN,
    PLACE_LABEL_RE,
    SENTENCE_MARKS_OR_QUOTES_RE,
    SENTENCE_MARKS_RE,
)
from .shape import ends_colon, ends_sentence, is_date_line, is_label_start, runs_on
from .state import LineItem

#: What a sentence that runs through a date goes on with (`…日起施行`, `…日前`, `…日至…`).
_ATTACHES_TO_DATE = re.compile(r"^[起前后以至到为的止，、。；）)]")
_TWO_PHRASE_TITLE = re.compile(rf"^[{HAN}“”]{{4,14}} [{HAN}“”]{{4,14}}$")
#: What an author line (`■`), a bullet or a `——` subtitle opens with; a two-phrase title
#: holds a space, a date line `日`, and a place label (`PLACE_LABEL_RE`) is at most 12
#: characters (13 with a line break).
_WORD_TAIL = re.compile(rf"^[{HAN}][。，；！？]")
_MARK_OPENERS = frozenset("■●◆▲★☆◇▶►—")
_PLACE_LABEL_MAX_CHARS = 13


class LineShape:
    """What the rules read of one text line: its text, width and gap, and the tests of its
    text they make (each made once)."""

    __slots__ = (
        "author",
        "bullet",
        "colon",
        "date_line",
        "final",
        "gap",
        "item",
        "label_start",
        "marked",
        "place_label",
        "runs_on",
        "text",
        "two_phrase",
        "unpunctuated",
        "width",
    )

    def __init__(self, item: LineItem) -> None:
        t = item.text
        self.item, self.text, self.width, self.gap = item, t, item.width, item.gap
        self.final = ends_sentence(t)  # it ends a sentence
        self.unpunctuated = SENTENCE_MARKS_RE.search(t) is None
        self.label_start = is_label_start(t)
        self.runs_on = runs_on(t)
        self.colon = ends_colon(t)
        self.author = self.date_line = self.bullet = self.two_phrase = self.place_label = False
        #: what the rules on marked lines look for: an author or date line, a bullet, a
        #: `——` subtitle, a two-phrase title, a place label (looked for only on a line
        #: that could be one: opening with a mark, holding `日` or a space, or short)
        self.marked = False
        if t[:1] in _MARK_OPENERS or "日" in t or " " in t or len(t) <= _PLACE_LABEL_MAX_CHARS:
            self.author = t.startswith("■")
            self.date_line = is_date_line(t)
            self.bullet = BULLET_RE.match(t) is not None
            self.two_phrase = _TWO_PHRASE_TITLE.match(t) is not None
            self.place_label = PLACE_LABEL_RE.match(t) is not None
            self.marked = (
                self.author
                or self.date_line
                or self.bullet
                or t.startswith("——")
                or self.two_phrase
                or self.place_label
            )


class Pair:
    """A line `b` and the text line `a` before it, with what the reflow knows around them.

    per_line: the file holds one paragraph per line; per_line_here: and `b` sits in a
    region of such lines (see `columns.per_line_here`), however narrow the local column.
    `final` (a ends a sentence) and `long` (long lines: one paragraph per line, or lines
    cut at random places) are read by several rules, so they are worked out once; so is
    `marked` (either line is one the rules on marked lines look at)."""

    __slots__ = (
        "a",
        "b",
        "base_gap",
        "col",
        "final",
        "long",
        "marked",
        "per_line",
        "per_line_here",
    )

    def __init__(
        self,
        a: LineShape,
        b: LineShape,
        col: float,
        per_line: bool,
        base_gap: int,
        per_line_here: bool = False,
    ) -> None:
        self.a, self.b, self.col = a, b, col
        self.per_line, self.base_gap, self.per_line_here = per_line, base_gap, per_line_here
        self.final = a.final
        self.long = col > NARROW_COLUMN or a.width > LONG_LINE_WIDTH
        self.marked = a.marked or b.marked


def title_wrap(a: LineShape, b: LineShape) -> bool:
    """Two short lines of a title broken over lines (`关于…重要指示` / `和中央…的通知`). A
    line that ends with a colon or `！` addresses or announces, it does not end a title: the
    salutation `各位代表：` under the speaker's line `国务院总理 李克强` opens the speech."""
    return (
        a.width <= TITLE_WRAP_MAX_WIDTH
        and b.width <= a.width + TITLE_WRAP_GROWTH
        and not a.final
        and not a.text.endswith(("：", ":", "）", ")"))
        and not b.text.rstrip().endswith(("：", ":", "！", "!"))
        and not b.label_start
        and not a.label_start
        and not b.text.lstrip().startswith("——")  # a subtitle line, not a title's wrap
        and not PLACE_LABEL_RE.match(b.text.strip())  # `杭州市` under a title: a label
    )


def _blank_gap(p: Pair) -> bool | None:
    """More blank lines than between the lines of a paragraph: a break, unless one blank
    line parts the two lines of a wrapped title."""
    if p.b.gap > p.base_gap:
        return p.b.gap > p.base_gap + 1 or not title_wrap(p.a, p.b)
    return None


def _author_line(p: Pair) -> bool | None:
    """A short ■ line is an author line, never part of a paragraph."""
    return True if p.a.author or p.b.author else None


def _date_under_signature(p: Pair) -> bool | None:
    """A date line under a signature (not one a full line runs on into)."""
    if p.b.date_line and (p.final or p.a.width <= p.col - SHORT_LINE_MARGIN):
        return True
    return None


def _date_line_alone(p: Pair) -> bool | None:
    """A short date line stands alone, unless the sentence goes on through it (`…自` /
    `2021年3月1日` / `起施行`)."""
    if p.a.date_line and p.a.width <= p.col - SHORT_LINE_MARGIN:
        return not _ATTACHES_TO_DATE.match(p.b.text)
    return None


def _bullet_opens(p: Pair) -> bool | None:
    """A bullet (`●勇担使命…`) opens a heading or an item."""
    return True if p.b.bullet else None


def _bullet_heading_alone(p: Pair) -> bool | None:
    """A bullet heading line without punctuation stands alone."""
    a = p.a
    if a.bullet and a.width <= p.col - FULL_LINE_MARGIN and a.unpunctuated:
        return True
    return None


def _dash_subtitle(p: Pair) -> bool | None:
    """A `——…` subtitle under a title line."""
    if p.b.text.startswith("——") and not SENTENCE_MARKS_OR_QUOTES_RE.search(p.a.text):
        return True
    return None


def _two_phrase_title(p: Pair) -> bool | None:
    """`凝心铸魂学思想 感恩奋进谱新篇`: a two-phrase title line stands alone."""
    return True if p.a.two_phrase or p.b.two_phrase else None


def _place_label(p: Pair) -> bool | None:
    """A place label (`杭州市`) under a title, never a paragraph's last line."""
    if p.b.place_label and not p.final and not p.a.runs_on:
        return True
    return None


def _per_line_region(p: Pair) -> bool | None:
    """One paragraph per line: a short run-in heading or glossary term too."""
    return True if p.per_line_here and not title_wrap(p.a, p.b) else None


def _wide_title(p: Pair) -> bool | None:
    """In a narrow column, a title line wider than the column stands alone."""
    if p.col > NARROW_COLUMN:
        return None
    wide = p.col + WIDE_TITLE_MARGIN
    a, b = p.a, p.b
    return (
        True if (a.width > wide and a.unpunctuated) or (b.width > wide and b.unpunctuated) else None
    )


def _one_paragraph_per_line(p: Pair) -> bool | None:
    """Long lines in a file of one paragraph per line."""
    return True if p.long and p.per_line else None


def _long_line_ends(p: Pair) -> bool | None:
    """Long lines: a line that ends a sentence or a colon ends its paragraph."""
    return True if p.long and (p.final or p.a.colon) else None


def _long_line_label(p: Pair) -> bool | None:
    """Long lines: a short numbered line stands alone, any other line goes on."""
    if not p.long:
        return None
    a = p.a
    return bool(a.label_start and a.width <= LONG_LINE_WIDTH and not a.runs_on)


def _short_last_line(p: Pair) -> bool | None:
    """A line that ends a sentence short of the column is a paragraph's last line."""
    return True if p.final and p.a.width <= p.col - FULL_LINE_MARGIN else None


def _run_in_lead(p: Pair) -> bool | None:
    """After a sentence, a bold run-in lead (`高质开展调查研究——`) opens the next paragraph."""
    b = p.b
    if (
        p.final
        and b.text.endswith("——")
        and b.width <= p.col - SHORT_LINE_MARGIN
        and b.unpunctuated
    ):
        return True
    return None


def _label_after_sentence(p: Pair) -> bool | None:
    """After a sentence, a line without punctuation, clearly short of the column: a label,
    a title, a subhead (`…获利企业876家。` / `数字赋能全程高效管`), or the first line of a
    paragraph set in a wider type; never the end of the sentence's paragraph."""
    b = p.b
    if p.final and b.unpunctuated and b.width <= p.col - SHORT_LINE_MARGIN:
        return True
    return None


def _numbered_after_sentence(p: Pair) -> bool | None:
    """After a sentence, a numbered line (`二、…`) opens a paragraph."""
    return True if p.final and p.b.label_start else None


def _indented_first_line(p: Pair) -> bool | None:
    """After a full line that ends a sentence, a line shorter than the column by the lost
    indent, that ends no sentence, is the first line of the next paragraph."""
    if not p.final:
        return None
    b = p.b
    return p.col - SHORT_LINE_MARGIN <= b.width <= p.col - FULL_LINE_MARGIN and not b.final


def _numbered_item_after_colon(p: Pair) -> bool | None:
    """`…工作：` then `（一）…`: a numbered item opens its own paragraph."""
    return True if p.a.colon and p.b.label_start else None


def _word_cut(p: Pair) -> bool | None:
    """A line that opens with one character and a sentence mark ends a word the line
    before cut (`深入推进政务服务增值化改` / `革。深化数字政府建设…`): no paragraph opens so."""
    return False if _WORD_TAIL.match(p.b.text) else None


def _runs_on(p: Pair) -> bool | None:
    """A line ending with `，`, `、`, `“`… goes on into the next."""
    return False if p.a.runs_on else None


def _short_unpunctuated(p: Pair) -> bool | None:
    """A short line without any punctuation: a title or heading."""
    a = p.a
    return True if a.width < p.col - SHORT_LINE_MARGIN and a.unpunctuated else None


def _cut_line(p: Pair) -> bool | None:
    """Otherwise: a line much shorter than the column ends its paragraph, a line about a
    column wide was cut by the column and goes on."""
    return p.a.width <= CUT_LINE_MAX_SHARE * p.col


@dataclass(frozen=True, slots=True)
class BreakRule:
    """A break rule; `gate`, when set, names the `Pair` attribute without which the rule
    has no opinion (the rules in a row that share one are skipped together)."""

    rule: Rule
    decide: Callable[[Pair], bool | None]
    gate: str | None = None


def _break_rule(
    rule_id: str, decide: Callable[[Pair], bool | None], gate: str | None = None
) -> BreakRule:
    summary = " ".join((decide.__doc__ or "").split())
    return BreakRule(rule(rule_id, summary), decide, gate)


#: The break rules in the order they are tried.
BREAK_RULES: tuple[BreakRule, ...] = (
    _break_rule("layout.breaks.blank_gap", _blank_gap),
    _break_rule("layout.breaks.author_line", _author_line, "marked"),
    _break_rule("layout.breaks.date_under_signature", _date_under_signature, "marked"),
    _break_rule("layout.breaks.date_line_alone", _date_line_alone, "marked"),
    _break_rule("layout.breaks.bullet_opens", _bullet_opens, "marked"),
    _break_rule("layout.breaks.bullet_heading_alone", _bullet_heading_alone, "marked"),
    _break_rule("layout.breaks.dash_subtitle", _dash_subtitle, "marked"),
    _break_rule("layout.breaks.two_phrase_title", _two_phrase_title, "marked"),
    _break_rule("layout.breaks.place_label", _place_label, "marked"),
    _break_rule("layout.breaks.per_line_region", _per_line_region),
    _break_rule("layout.breaks.wide_title", _wide_title),
    _break_rule("layout.breaks.one_paragraph_per_line", _one_paragraph_per_line, "long"),
    _break_rule("layout.breaks.long_line_ends", _long_line_ends, "long"),
    _break_rule("layout.breaks.long_line_label", _long_line_label, "long"),
    _break_rule("layout.breaks.short_last_line", _short_last_line, "final"),
    _break_rule("layout.breaks.run_in_lead", _run_in_lead, "final"),
    _break_rule("layout.breaks.label_after_sentence", _label_after_sentence, "final"),
    _break_rule("layout.breaks.numbered_after_sentence", _numbered_after_sentence, "final"),
    _break_rule("layout.breaks.indented_first_line", _indented_first_line, "final"),
    _break_rule("layout.breaks.numbered_item_after_colon", _numbered_item_after_colon),
    _break_rule("layout.breaks.word_cut", _word_cut),
    _break_rule("layout.breaks.runs_on", _runs_on),
    _break_rule("layout.breaks.short_unpunctuated", _short_unpunctuated),
    _break_rule("layout.breaks.cut_line", _cut_line),
)


def _segments(
    rules: tuple[BreakRule, ...],
) -> tuple[tuple[str | None, tuple[tuple[Callable[[Pair], bool | None], str], ...]], ...]:
    """The rules in order, the rules in a row that share a gate together."""
    out: list[tuple[str | None, list[tuple[Callable[[Pair], bool | None], str]]]] = []
    for found in rules:
        if not out or found.gate is None or out[-1][0] != found.gate:
            out.append((found.gate, []))
        out[-1][1].append((found.decide, found.rule.id))
    return tuple((gate, tuple(deciders)) for gate, deciders in out)


_SEGMENTS = _segments(BREAK_RULES)


def decide_break(pair: Pair) -> tuple[bool, str]:
    """(does a new paragraph start at `pair.b`, the id of the rule that decided). The
    rules of a gate the pair does not pass are not tried: none would have an opinion."""
    for gate, deciders in _SEGMENTS:
        if gate is not None and not getattr(pair, gate):
            continue
        for decide, rule_id in deciders:
            decision = decide(pair)
            if decision is not None:
                return decision, rule_id
    raise AssertionError("the last break rule always decides")  # pragma: no cover
