"""Foreign organs printed with a one-character country (俄外交部, 美军, 美商务部) and foreign
news agencies printed by their own name after 的 or 据 (…的某某通讯社).

Called from facts/organizations.py (`extract_organizations`); extractor `organization.foreign`,
confidence 0.8, canonical the printed name; an association of two trades after its country
(某国批发商和零售商协会) is `organization.suffix`, 0.85, as the suffix grammar's names.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipelines.text.model import Fact

from ._common import NAME_STOPS, organization_fact
from .gazetteer import national_organs, place_index, scan

#: Function words: never inside the name of an office (社会建设委员会 is one, 和 is none).
_FUNCTION = NAME_STOPS

#: A one-character country before an organ of its state or an armed service is that
#: country's organ (俄空天军, 俄外交部, 美联邦调查局, 俄联邦某某委员会; 美军空袭: 军 alone after
#: 美俄英法德 (墨: Mexico, 墨议会), not before 事, 方, 人 but 人员…: 美军事; 日, 韩 end words and names: 今日, 韩军);
#: not after 中 or another country (中俄, 美俄: relations). Armies of the Middle East and Ukraine by
#: their news abbreviation (叙 Syria, 伊 Iran or Iraq, 乌 Ukraine, 以 Israel: 叙军, 以军, 叙防空部队;
#: 以 not after a verb it follows as a preposition: 予以军…, 可以军…, nor before a word of 军: 以|军委,
#: 以|军地, 以|军民, 以|军事; 乌 only before 军: 乌海).
ABBREVIATED_FOREIGN_RE = re.compile(
    r"(?<![中美俄英法德日韩朝印巴澳加意墨])[美俄英法德日韩朝印巴澳加意墨]"
    r"(?:外交部|国防部|空天军|海军|陆军|空军|武装部队|议会|党中央|常驻[\u4e00-\u9fff]{1,8}?代表团"
    rf"|联邦(?:(?![{_FUNCTION}])[\u4e00-\u9fff]){{1,6}}?(?:委员会|局|署|部|法院)(?![门长员]))"
    r"|(?<![中美俄英法德日韩朝印巴澳加意])[美俄英法德]军(?![事队方舰机费区团工种官备售演控营民衔用港械火]|人(?!员))"
    r"|(?<![中美俄英法德日韩朝印巴澳加意墨叙伊])[叙伊](?:防空部队|武装部队|国防军|[海陆空]军)"
    r"|(?<![中美俄英法德日韩朝印巴澳加意墨叙伊乌以可予加所难得足借用是之何])[叙伊乌以]军"
    r"(?![事队方舰机费区团工种官备售演控营民衔用港械火舰旗歌装委地校属政令]|人(?!员))"
)
#: What ABBREVIATED_FOREIGN_RE needs in the paragraph (a cheap test before it runs).
_ABBREVIATED_HINTS = re.compile(r"部|军|议会|党中央|代表团|联邦")
#: Armed services known by a kind of name, printed without their country (`联邦国防军`,
#: `国防军`, `国民近卫军`; named forces are organisations): 国防军 not before a word it opens
#: (国防军工, 国防军事, 国防军民融合, 国防军队, 国防|军费, 军地, 军官, 军改, 军校); after its
#: country the service alone (以色列|国防军).
NAMED_FORCE_RE = re.compile(r"(?:联邦)?国防军(?![事工民队用区备令费地官改校])|国民近卫军")


@lru_cache(maxsize=1)
def _ministries_re() -> re.Pattern[str]:
    """One-character country (美俄英法德, the ones news abbreviates; 加, 日, 印 open words:
    参加, 今日, 印发) + a ministry's short name as China's list spells its own (商务部,
    财政部, 司法部): `美商务部`, `英财政部`, `法司法部`. Not after 中 or another country
    (中美商务部门: relations), nor before 门, 长 (部门, 部长: a kind, a title)."""
    names = sorted(
        (n for n in national_organs() if n.endswith("部") and 3 <= len(n) <= 6 and n[0] != "中"),
        key=len,
        reverse=True,
    )
    return re.compile(
        r"(?<![中美俄英法德日韩朝印巴澳加意墨])[美俄英法德]"
        rf"(?:{'|'.join(map(re.escape, names))})(?![门长分署])"
    )


#: A news agency by its own name after 的 or 据 (伊朗半官方的某某通讯社, 据某某通讯社报道):
#: two to six characters without a function word and 通讯社 or 新闻社.
#: An official agency (某国官方通讯社) is a description, no name.
AGENCY_RE = re.compile(
    rf"(?<=[的据])(?:(?![{_FUNCTION}]|半?官方)[\u4e00-\u9fff]){{2,6}}?(?:通讯社|新闻社)"
)
#: A news agency or broadcaster whose own name is printed in quotes before its kind
#: (“某某”国家通讯社, “某某”电视台): one name, the quotes kept in its text, dropped in normalized.
QUOTED_AGENCY_RE = re.compile(
    r"“(?P<name>[\u4e00-\u9fff]{2,8})”(?P<kind>(?:国家|国际)?(?:通讯社|新闻社|电视台|广播电台|广播公司))"
)


_NAME = rf"(?:(?![{_FUNCTION}，。、；：])[\u4e00-\u9fff])"
#: After a country, an association of two trades joined by 和 (某国零件商和经销商协会): each
#: trade two to eight characters ending in a trade's word (商, 者, 业, 户, 家, 厂), the name
#: ending in 协会, 商会 or 联合会 right after; not two parties (某国企业和某国商会, 政府和人民).
_TRADE = rf"{_NAME}{{1,7}}?[商者业户家厂]"
TRADES_RE = re.compile(rf"{_TRADE}和(?P<second>{_TRADE})(?:协会|商会|联合会)")


def trade_associations(text: str, folded: str) -> list[Fact]:
    """Associations of two trades after their country (某国批发商和零售商协会): one name, the
    country in it (the suffix grammar of organizations.py stops at 和, a function word)."""
    out = []
    for h in scan(folded):
        if h.kind != "place" or not any(e.level == "country" for e in place_index()[h.name]):
            continue
        m = TRADES_RE.match(folded, h.end)
        if m is not None and not scan(m["second"]):
            name = "".join(text[h.start : m.end()].split())
            out.append(organization_fact(text, h.start, m.end(), "organization.suffix", 0.85, name))
    return out


def abbreviated_foreign(text: str, folded: str) -> list[Fact]:
    """Foreign organs with a one-character country (俄外交部, 美商务部, 美军) and news agencies
    named after 的 or 据 (…的某某通讯社)."""
    out: list[Fact] = []
    if _ABBREVIATED_HINTS.search(folded):
        for m in ABBREVIATED_FOREIGN_RE.finditer(folded):
            out.append(_fact(text, m))
        if "部" in folded:
            out += [_fact(text, m) for m in _ministries_re().finditer(folded)]
        out += [_fact(text, m) for m in NAMED_FORCE_RE.finditer(folded)]
    if "社" in folded or "台" in folded or "广播公司" in folded:
        out += [_fact(text, m) for m in AGENCY_RE.finditer(folded)]
        out += [_quoted(text, m) for m in QUOTED_AGENCY_RE.finditer(folded)]
    if "和" in folded and "会" in folded:
        out += trade_associations(text, folded)
    return out


def _fact(text: str, m: re.Match[str]) -> Fact:
    return organization_fact(text, *m.span(), "organization.foreign", 0.8, m.group(0), None)


def _quoted(text: str, m: re.Match[str]) -> Fact:
    f = _fact(text, m)
    f.normalized = f.normalized.replace("“", "").replace("”", "")
    return f
