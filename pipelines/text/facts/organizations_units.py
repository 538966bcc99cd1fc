"""Organisations printed with one of their units, and think tanks printed after their kind.

An organ's or a union's unit is printed right after it and is one organ as printed (某部|路网中心,
某联盟|对外行动署), an academy's institute is one name with it (某科学院|某地光学研究所, a city
inside it not marked): the extractors read the organ and stop at its end, or read the
institute apart. The unit's ending is the pattern: a centre, an agency (署), a research
institute; the segmenter checks that the words between are a name (no function word, no verb
first: 某部|在中心 and 某院|部署 are none). News of ministries, of the EU or the UN and of
academies print units so, hence the rule fires beyond the text it was written for.

A think tank printed after a country and its kind word (某国智库|某某研究所) is named from the
word after the kind: the country before is its description, a place of its own.

Extractor and confidence: `organization.unit` 0.8, `organization.after_kind` 0.8.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipelines.text.model import Fact

from ..passes import Counters, stage_pass
from ._common import cut_window, load_list
from .gazetteer import place_index
from .state import FactState

#: Never inside a unit's name; other function words are left to the segmenter's tags (对外 is
#: a word of 对外联络部, 对 alone a preposition).
_STOPS = "的了和与及或等，。；：、“”（）《》"
_CHAR = rf"(?![{_STOPS}])[\u4e00-\u9fff]"
#: After an organisation, a unit: a centre or an agency of two to six characters (路网中心,
#: 对外行动署), a research institute or centre of two to twelve (某某光学精密机械研究所).
UNIT_RE = re.compile(
    rf"(?:{_CHAR}){{2,6}}?(?:中心(?![组工任城区点地内外])|署(?![长名理]))"
    rf"|(?:{_CHAR}){{2,12}}?(?:研究所|研究院|研究中心)"
)
_ENDINGS = ("研究中心", "研究所", "研究院", "中心", "署")
#: A kind word before a think tank's name (某国智库|某某研究所).
KIND_RE = re.compile(r"智库|研究机构|民调机构")
_FUNCTION_TAGS = ("p", "c", "u", "r", "d")
#: Never a unit's word: verbs (a nominal verb, vn, is one: 行动, 援助) and time words.
_NOT_NAME_TAGS = ("v", "t")
#: A unit's name holds a name's word: a noun, a nominal verb or adjective, a place word (对外),
#: an abbreviation or a distinguishing word.
_NAME_TAGS = ("n", "vn", "an", "s", "j", "b")
#: People, not units: roles (data/facts_roles.txt: 记者, 部长, 发言人) and groups of people.
_PEOPLE = frozenset(load_list("facts_roles.txt")) | {"专家组", "专家", "代表团", "工作组"}
#: A command founded or set up (`成立某某某某指挥部`, `组建某某某某司令部`): a verb of founding,
#: then four to ten characters and a command's ending; the four characters keep generic kinds
#: out (成立临时指挥部, 设立前线指挥部 are none). News of armies and of emergencies print new
#: commands so, with no place or organ before them.
FOUNDED_RE = re.compile(
    rf"(?:成立|组建|设立)了?(?P<name>(?:{_CHAR}){{4,10}}?(?:指挥部|司令部))(?!长(?!期)|员)"
)


#: The segmenter's tags of a task (a verb, a nominal verb, an idiom: 防控, 抗旱, 抗震救灾).
_TASK_TAGS = ("v", "vn", "l")


def _command_name(name: str) -> bool:
    """Whether the segmenter reads a founded command's `name` as a name: no function word, no
    verb first (a verb inside names a command's task: 太空作战司令部); a 指挥部 named by a task
    is an emergency's working headquarters, as generic as 临时指挥部 (疫情防控应急指挥部,
    防汛抗旱指挥部, 抗震救灾前线指挥部: a verb, a nominal verb or an idiom inside), while
    a standing one is named by its domain (网络信息空间指挥部)."""
    tokens, tags = cut_window(name)
    if not tokens or (tags[0] == "v" and len(tokens[0]) > 1):
        return False
    if name.endswith("指挥部") and any(t.startswith(_TASK_TAGS) for t in tags[:-1]):
        return False
    return not any(t.startswith(_FUNCTION_TAGS) for t in tags)


def _name_like(unit: str) -> bool:
    """Whether the segmenter reads `unit` as a name: the words before the unit's ending hold a
    name's word (`_NAME_TAGS`) and no verb, time word or function word (某部|在中心,
    某社|记者走访某院, 某部|今年重点工作中心), none a person's role (某部|部长考察某大学研究院),
    and an agency's 署 a word of its own (某院|近日部署 is a verb)."""
    tokens, tags = cut_window(unit)
    if not tokens or (unit.endswith("署") and tokens[-1] != "署"):
        return False
    ending = next(e for e in _ENDINGS if unit.endswith(e))
    words, seen = [], 0
    for token, tag in zip(tokens, tags, strict=True):
        if seen >= len(unit) - len(ending):
            break
        words.append((token, tag))
        seen += len(token)
    return any(tag.startswith(_NAME_TAGS) for _, tag in words) and not any(
        (tag.startswith(_NOT_NAME_TAGS) and tag != "vn")
        or tag.startswith(_FUNCTION_TAGS)
        or token in _PEOPLE
        for token, tag in words
    )


def with_units(text: str, folded: str, facts: tuple[Fact, ...]) -> list[Fact]:
    """An organisation fact for each organisation printed with its unit (`某部路网中心`), from
    the organisation's start to the unit's end, its canonical the organisation's and the unit
    (none when another organisation is printed before the unit's ending: 某社|记者走访某部|研究院;
    an institute named in full after its academy is one: 某科学院|某地光学研究所); the overlapping
    shorter ones are resolved later (the longest span wins)."""
    out = []
    orgs = [f for f in facts if f.type == "organization"]
    for f in orgs:
        m = UNIT_RE.match(folded, f.end)
        if m is None or not _name_like(folded[f.end : m.end()]):
            continue
        between_end = m.end() - len(next(e for e in _ENDINGS if m.group(0).endswith(e)))
        if any(f.end <= g.start and g.end <= between_end for g in orgs):
            continue  # another organisation printed before the unit's ending
        unit = "".join(text[f.end : m.end()].split())
        name = "".join(text[f.start : m.end()].split())
        out.append(Fact("organization", f.start, m.end(), text[f.start : m.end()], name,
                        "organization.unit", 0.8, canonical=f"{f.canonical or f.normalized}{unit}",
                        division_code=f.division_code))  # fmt: skip
    return out


def founded_commands(text: str, folded: str) -> list[Fact]:
    """Commands named after a verb of founding (`成立某某某某指挥部`): see FOUNDED_RE; the name
    read by the segmenter as a name (`_command_name`)."""
    if "指挥部" not in folded and "司令部" not in folded:
        return []
    out = []
    for m in FOUNDED_RE.finditer(folded):
        s, e = m.span("name")
        if _command_name(folded[s:e]):
            name = "".join(text[s:e].split())
            out.append(Fact("organization", s, e, text[s:e], name, "organization.unit", 0.8,
                            canonical=name))  # fmt: skip
    return out


def after_kind(text: str, f: Fact) -> Fact:
    """The organisation f named from after its kind word (`某国智库某某研究所` -> `某某研究所`),
    or f itself: the kind word is printed inside it before three characters or more, after a
    place: f is printed from a place name to the kind word, or starts at the kind word right
    after a place name (某国智库某中心, 某国|智库某中心; not 某大学中国智库某中心)."""
    m = KIND_RE.search(f.text)
    if m is None or len(f.text) - m.end() < 3:
        return f
    index, before = place_index(), f.text[: m.start()]
    if before not in index and (
        before or not any(text[max(0, f.start - k) : f.start] in index for k in (2, 3, 4))
    ):
        return f
    s = f.start + m.end()
    name = "".join(text[s : f.end].split())
    return replace(f, start=s, text=text[s : f.end], normalized=name, canonical=name,
                   extractor="organization.after_kind", confidence=0.8)  # fmt: skip


@stage_pass(
    "facts.organizations_units.units_pass",
    requires=("text", "folded", "facts"),
    assigns=("facts",),
)
def units_pass(state: FactState, counters: Counters) -> FactState:
    """Organisations printed with their unit added (`某部路网中心`, `某科学院某某研究所`), and a
    think tank named from after its kind word (`某国智库某某研究所` -> `某某研究所`)."""
    state = state.adding(founded_commands(state.text, state.folded))
    if not any(f.type == "organization" for f in state.facts):
        return state
    state = state.adding(with_units(state.text, state.folded, state.facts))
    if not KIND_RE.search(state.folded):
        return state
    return state.keeping(
        [after_kind(state.text, f) if f.type == "organization" else f for f in state.facts]
    )
