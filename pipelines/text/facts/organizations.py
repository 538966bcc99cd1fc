"""Organisations: Party and state organs, public institutions, mass organisations, media.

Recognised from the gazetteers (facts/gazetteer.py) and a suffix grammar, longest first:
- a national organ by any of its printed names (国务院, 国家发展改革委, 中央纪委国家监委,
  新华社, 人民日报, the mass organisations printed bare: 共青团, 妇联, 工商联), its
  departments not taken out (国务院 in 国务院部门): `organization.named`; bare 工会 only when
  listed next to another organisation (`工会、共青团、妇联`);
- an organ of a place (data/organs_local.tsv) printed after its place, with `中共` before it
  or not (`中共绍兴市委`, `浙江省人民政府`, `杭州市西湖区人民检察院`, `浙江省委党校`):
  `organization.named`; printed bare (`省委`, `市政府`, `县纪委`): `organization.local`,
  resolved to the document's own place when the document names it (DocContext);
- an institution: a listed place (a division, a country or a region: 岭南…博物馆) or organ, at
  most twelve characters, and an ending of
  data/facts_org_suffixes.txt (`温州大学`, `浙江省人民医院`, `绍兴市疫情防控工作领导小组`):
  `organization.suffix`; the middle holds no function word (各, 的, 和, 等…) and no
  company (…公司…), so `浙江各地医院` is none; a generic ending (办公室, 委员会, 协会…)
  needs two to eight characters before it (not `杭州市中心`);
- a Central Committee or CPPCC committee printed with its term (`中国共产党第十九届中央委员会`,
  `中国人民政治协商会议第十三届浙江省委员会`, `政协第十届全国委员会专门委员会`), a township's or a
  street's organ, or a village's party branch, with the chain of divisions before it (`浦江县郑宅镇党委`,
  `…县某镇某村党支部`: `organization.township`); a bureau's branch printed after it is one with
  it (`湖州市生态环境局安吉分局`); an organ's party group after it too (facts/organizations_groups.py).
A part is never taken out of a longer name: `省委` not out of `省委党校`, `纪委` not out of
`纪委监委`, `民政部` not out of `民政部门` (…部门 is a kind of office, not an organ), `省委`
not out of `浙江省委员会` (a CPPCC committee). Bare `中央` (the central level) is no
organisation. Adjacent organs are separate facts (`省委省政府` -> 省委, 省政府).

`normalized` is the printed name, spaces removed (abbreviations kept: 国家发改委); `canonical`
the full name (中华人民共和国国家发展和改革委员会; 中国共产党浙江省委员会 for 浙江省委, and for
省委 in a document of 中共浙江省委), None when a bare local organ cannot be resolved;
`division_code` the code of the organ's place, where known. Institutions keep their printed
name as canonical (温州大学).

A foreign country followed by an organ of its state is that country's organ, not China's
(`以色列外交部`, `美国商务部`, `丹麦能源署`, `智利政府`: `organization.foreign`, canonical the
printed name); an office printed after a national organ belongs to the name
(`中央宣传部理论局`, `全国人大社会建设委员会`, `国际奥委会执委会`, `中国人民解放军仪仗队`).
A bilateral committee of China and another country is one organisation (`中俄投资合作委员会`:
`organization.bilateral`).

Confidence: `organization.named` 0.9, `organization.suffix` 0.85, `organization.local` 0.8,
`organization.township` 0.8, `organization.foreign` 0.8, `organization.bilateral` 0.8.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipelines.text.model import Fact

from ._common import NAME_STOPS, cut_window, load_list, organization_fact
from .context import DocContext
from .gazetteer import (
    Hit,
    divisions,
    foreign_outlets,
    local_canonical,
    local_stems,
    national_organs,
    place_index,
    scan,
)
from .organizations_abroad import abbreviated_foreign
from .organizations_aliases import NOT_AFTER_NATIONAL, joins_place, outlet_cut
from .organizations_committees import organising_committees
from .organizations_groups import with_party_groups
from .organizations_heads import organs_before_heads
from .organizations_kinds import district_cabin_hospitals
from .organizations_kinds import institution as _institution
from .organizations_kinds import unnamed_kind as _unnamed_kind
from .organizations_lexicon import INSTITUTION_KINDS, lexicon_institutions
from .organizations_teams import central_teams
from .organizations_unions import listed_unions as _listed_unions
from .places import choose

_STOP = (
    "的了在是和与及或对把被从向为以于由将也都而且就还要会等各全该这那其我你他她们个多家所司建立设"
)
_OUTLETS = foreign_outlets()
_SUFFIX_WORDS = [w for line in load_list("facts_org_suffixes.txt") for w in line.split()]
_GENERIC = sorted((w[1:] for w in _SUFFIX_WORDS if w.startswith("+")), key=len, reverse=True)
_PLAIN = sorted((w for w in _SUFFIX_WORDS if not w.startswith("+")), key=len, reverse=True)
#: 国家 (national) and 全国 may stand in a name's middle (秘鲁国家图书馆, 某国全国某某协会), though
#: 家 and 全 stop it elsewhere (多家, 全市).
_MID = rf"(?:国家|全国|(?![{_STOP}])[\u4e00-\u9fff]){{0,12}}?"
#: 立 (run by) after a province, city or county, right before an ending (福州市立医院, 某省立图书馆).
_RUN_BY = rf"(?<=[省市县])立(?={'|'.join(_PLAIN)})"
SUFFIX_RE = re.compile(rf"(?P<mid>{_RUN_BY}|{_MID})(?P<suf>{'|'.join(_PLAIN + _GENERIC)})")
_GENERIC_SET = set(_GENERIC)
_STEMS_RE = re.compile("|".join(sorted(local_stems(), key=len, reverse=True)))
CENTRAL_TERM_RE = re.compile(
    r"(?:中国共产党|中共)第?[一二三四五六七八九十\d]+届中央(?:委员会|纪律检查委员会)"
)
CPPCC_RE = re.compile(
    r"(?:中国人民政治协商会议(?:第[一二三四五六七八九十\d]+届)?|政协第[一二三四五六七八九十\d]+届)"
    r"(?:全国|[\u4e00-\u9fff]{2,8}?[省市县区])委员会(?:专门委员会)?"
)
#: A branch of a bureau printed after it (…生态环境局安吉分局).
_BRANCH_RE = re.compile(r"[\u4e00-\u9fff]{2,4}?分局")
#: A township's or a street's organ after its county or district, or the party organisation of
#: a village or community of it (…街道办事处党工委, …街道党工委, …镇某村党支部).
TOWN_ORGAN_RE = re.compile(
    r"[\u4e00-\u9fff]{2,4}?(?:镇|乡|街道)(?:办事处)?(?:[\u4e00-\u9fff]{1,4}?(?:村|社区))?"
    r"(?:党委|党工委|党支部|党总支|人民政府|纪委)"
)
#: Not an organ when the listed name is followed by these: 民政部门, 县政府部门, 省委员会 (CPPCC).
_NOT_AFTER = re.compile(r"门|部门|员会|会(?!议)")
#: After a foreign country, an organ of its state: an ending printed right after the country
#: (智利政府, 以色列议会, a chamber with it: 某国议会下院; its joint chiefs or an armed service:
#: 巴基斯坦参联会, 俄罗斯空天军), or
#: two to six characters (no 不; 国家, 安全 read as one: 某国最高国家安全委员会, 某国国家通讯社) and a
#: ministry, agency, committee, organisation or guard ending (丹麦能源署, 美国国民警卫队, 某国原子能
#: 组织, not a kind: 恐怖组织; 部分, 部署, 局势 are words: 从某国撤离部分人员); a direction before 部 is a region
#: (美国西南部), and 政府军 is an army; its forces (某国防空部队) are its organ, but an
#: official agency (某国官方通讯社) is a description, no name.
_FOREIGN_ORGAN_RE = re.compile(
    r"(?:政府(?!军)|议会(?:[上下]议?院)?|国会|众议院|参议院|内阁|总统府|央行"
    r"|参谋长联席会议|参联会|空天军|海军陆战队|海军|陆军|空军|武装部队|部队)"
    rf"|常驻(?:(?![{_STOP}])[\u4e00-\u9fff]){{1,8}}?代表团"
    rf"|(?:(?![{_STOP}两几东南西北中部])[\u4e00-\u9fff]){{1,5}}?党(?![派员人内外组支工]|委(?!员长))(?:中央(?:委员会)?)?"
    rf"|(?:国家|安全|(?![{_STOP}东南西北中部不])[\u4e00-\u9fff]){{2,6}}?"
    r"(?:部队|部(?![门分署队])|署|局(?![势面])|委员会|卫队(?!员)|(?<!恐怖|极端|武装|政府|犯罪|民间|社会)组织(?![者部]))"
    rf"|(?!半?官方)(?:国家|(?![{_STOP}])[\u4e00-\u9fff]){{0,4}}?(?:广播公司|通讯社|电视台|广播电台)"
)
#: Function words: never inside the name of an office (社会建设委员会 is one, 和 is none).
_FUNCTION = NAME_STOPS
#: After a national or international organ, one of its offices (中央宣传部理论局, 全国人大社会建设委员会,
#: 国际奥委会执委会, 世卫组织非洲区域办事处), missions (联合国阿富汗援助团): at most six characters and an
#: office ending; its staff office 机关 (全国人大机关; not 机关事务管理局, 机关党委: offices of their own;
#: 机关各部门, 机关内设机构: the organ's own parts, the organ alone named).
_SUB_UNIT_RE = re.compile(
    rf"(?:(?![{_FUNCTION}省市县区])[\u4e00-\u9fff]){{0,6}}?"
    r"(?:执委会|常委会|专委会|办公厅|办公室|委员会|研究室|领导小组|工作组|局|司|室"
    r"|仪仗队|军乐团|代表团|部队|战区)(?![会门长员])"
    rf"|(?:(?![{_FUNCTION}])[\u4e00-\u9fff]){{0,6}}?(?:办事处|代表处|援助团|特派团|观察团)"
    r"|机关(?!事|党[委组]|团|工|各|内|有关)"
)
#: A bilateral committee: 中 and the one-character abbreviation of the other country, then
#: its name (中俄投资合作委员会, 中南国家双边委员会, 中蒙政府间联合委员会, 中美联委会).
BILATERAL_RE = re.compile(
    r"中[美俄日韩朝英法德意印巴南澳新加蒙越老柬泰缅马菲哈吉塔乌土伊埃沙以希葡西荷比瑞挪芬丹波捷匈塞阿墨智古]"
    rf"(?:(?![{_FUNCTION}])[\u4e00-\u9fff]){{0,10}}?(?:委员会|联委会)"
)


def _fact(text: str, s: int, e: int, extractor: str, conf: float, canonical, code) -> Fact:
    return organization_fact(text, s, e, extractor, conf, canonical, code)


def _suffix_at(folded: str, pos: int, *, anchored_by_place: bool) -> re.Match[str] | None:
    m = SUFFIX_RE.match(folded, pos)
    if m is None or (m["suf"] in _GENERIC_SET and not 2 <= len(m["mid"]) <= 8):
        return None
    if folded.startswith("生", m.end()):
        return None  # 中国大学生: students, not a university
    if m["suf"].endswith(("大学", "学院")) and folded.startswith("附", m.end()):
        return None  # 某某大学附中: a school attached to the university, no organ
    if not anchored_by_place and m["mid"]:
        return None  # after an organ, only an ending printed right after it (国务院办公室)
    if m["mid"][:1] in ("一", "两", "几", "某", "多") or m["mid"] in INSTITUTION_KINDS:
        return None  # 巴西一监狱: a count of institutions; 某市定点医院: a kind, not one's name
    return m


def _place_chain(hits: tuple[Hit, ...], i: int, context: DocContext | None):
    """The run of adjacent places from hits[i]: (index after it, full name, code)."""
    names: list[str] = []
    code: str | None = None
    j = i
    while (
        j < len(hits) and hits[j].kind == "place" and (j == i or hits[j - 1].end == hits[j].start)
    ):
        entry = choose(hits[j].name, code, context)
        names.append(entry.canonical)
        code = entry.code or code
        j += 1
    return j, "".join(names), code


def _after_place(text, folded, hits, i, start, context, out) -> int:
    """An organ or institution of the place chain starting at hits[i]; the next index."""
    j, place, code = _place_chain(hits, i, context)
    end = hits[j - 1].end
    level_entry = place_index()[hits[j - 1].name][0]
    if level_entry.level not in ("province", "city", "county"):
        code = None
    # 浙江省|委, 绍兴市|人民政府: the level character ends the place's name.
    stem = _STEMS_RE.match(folded, end) if folded[end - 1] in "省市县区" else None
    if stem and not _NOT_AFTER.match(folded, stem.end()):
        canonical = local_canonical(stem.group(0), place)
        branch = _BRANCH_RE.match(folded, stem.end())
        if branch:  # 湖州市生态环境局|安吉分局: the branch is the organisation, its bureau in it
            name = "".join(text[start : branch.end()].split())
            out.append(_fact(text, start, branch.end(), "organization.suffix", 0.85, name, code))
            return j
        out.append(_fact(text, start, stem.end(), "organization.named", 0.9, canonical, code))
        return j
    if j < len(hits) and hits[j].kind == "local" and hits[j].start == end:
        # 浙江|省委, 绍兴|市政府: a short place before an organ of its level.
        h = hits[j]
        if not _NOT_AFTER.match(folded, h.end):
            canonical = local_canonical(h.name[1:], place)
            out.append(_fact(text, start, h.end, "organization.named", 0.9, canonical, code))
            return j + 1
    if _organ_at(hits, j, end) and joins_place(folded, hits, j, level_entry, code):
        name = "".join(text[start : hits[j].end].split())
        out.append(_fact(text, start, hits[j].end, "organization.named", 0.9, name, code))
        return j + 1
    if level_entry.level == "country" and _organ_at(hits, j, end) and hits[j].name in _OUTLETS:
        return j  # 英国|某报, 英国|某党: the country a place, the outlet or party a name apart
    if level_entry.level == "country" and _organ_at(hits, j, end) and _institution(hits[j].name):
        name = "".join(text[start : hits[j].end].split())  # 中国|外文出版社: one name
        out.append(_fact(text, start, hits[j].end, "organization.named", 0.9, name, None))
        return j + 1
    if (
        level_entry.level == "country"
        and level_entry.canonical == "中国"
        and _organ_at(hits, j, end)
    ):
        return j  # 中国|全国人大: the national organ alone (China is no place; 中国政府 stays one)
    if level_entry.level == "country":
        organ_end = _foreign_organ_end(folded, hits, j, end)
        if organ_end is not None:
            name = "".join(text[start:organ_end].split())
            out.append(_fact(text, start, organ_end, "organization.foreign", 0.8, name, None))
            return j + 1 if j < len(hits) and hits[j].start < organ_end else j
    m = _suffix_at(folded, end, anchored_by_place=True)
    if m is not None and level_entry.level == "country" and _unnamed_kind(m):
        return j  # 秘鲁|出版社: a publisher of the country, unnamed; the country is a place
    if m is not None and (code is not None or level_entry.level in ("country", "region")):
        name = "".join(text[start : m.end()].split())
        out.append(_fact(text, start, m.end(), "organization.suffix", 0.85, name, code))
    return j


def _sub_unit(folded: str, end: int) -> re.Match[str] | None:
    """The office printed after a national organ at `end` (中央宣传部|理论局), or None; a verb
    opening it makes the organ a clause's subject (中共中央|决定组织行动委员会)."""
    m = _SUB_UNIT_RE.match(folded, end)
    if m is None or m.end() - end <= 3:
        return m
    return None if _verb_first(folded[end : m.end()]) else m


@lru_cache(maxsize=2048)
def _verb_first(name: str) -> bool:
    """Whether the segmenter reads `name` as opening with a verb (决定|组织行动委员会); cached."""
    tokens, tags = cut_window(name)
    return bool(tags) and tags[0] == "v" and len(tokens[0]) > 1


def _organ_at(hits: tuple[Hit, ...], j: int, end: int) -> bool:
    """Whether a listed national organ starts at `end` (hits[j]: 全国人大, 国务院, 外交部)."""
    return j < len(hits) and hits[j].kind == "organ" and hits[j].start == end


def _foreign_organ_end(folded: str, hits: tuple[Hit, ...], j: int, end: int) -> int | None:
    """End of the organ of a foreign country printed right after it at `end` (以色列|外交部,
    丹麦|能源署), or None."""
    if j < len(hits) and hits[j].kind == "organ" and hits[j].start == end:
        return None if _NOT_AFTER.match(folded, hits[j].end) else hits[j].end
    m = _FOREIGN_ORGAN_RE.match(folded, end)
    if m is None or _NOT_AFTER.match(folded, m.end()):
        return None
    return m.end()


#: Characters before a bare 中共 that make it the Party's object (同中共交流, 受中共委托).
_BEFORE_PARTY = frozenset("同与和跟对向为在受是的及、，。；：“”（）")


def _zhong_then_gong(folded: str, s: int) -> bool:
    """Whether a bare 中共 at `s` is 中 ending a word and the adverb 共 (in all) before a verb:
    `其中共有5人` (the segmenter reads 其中|共有), `三个组别中共收获了2银` (组别中, then 共收获:
    after a word, a verb follows). Read with the segmenter on a window of seven characters."""
    lo = max(0, s - 2)
    tokens, tags = cut_window(folded[lo : s + 5])
    pos, at = lo, None
    for k, token in enumerate(tokens):
        if pos == s and token == "中共":
            at = k
            break
        pos += len(token)
    if at is None:
        return True  # 其中|共有: no 中共 in the segmenter's reading
    after_word = (
        s > 0 and "\u4e00" <= folded[s - 1] <= "\u9fff" and folded[s - 1] not in _BEFORE_PARTY
    )
    return after_word and at + 1 < len(tags) and tags[at + 1].startswith("v")


def _organs(text: str, folded: str, context: DocContext | None, out: list[Fact]) -> None:
    hits = scan(folded)
    i = 0
    while i < len(hits):
        h = hits[i]
        start = h.start
        if h.name == "中共" and i + 1 < len(hits) and hits[i + 1].start == h.end:
            i += 1  # 中共|绍兴市委: the party prefix belongs to the organ after it
            h = hits[i]
        if h.kind == "place":
            i = _after_place(text, folded, hits, i, start, context, out)
            continue
        i += 1
        if h.kind == "compound":
            continue  # 中南海: a site, neither place nor organ
        not_after = NOT_AFTER_NATIONAL if h.kind == "organ" else _NOT_AFTER
        if not_after.match(folded, h.end) or (h.start > 0 and folded[h.start - 1] in "城都社"):
            continue  # 民政部门, 都市委, 社区委员会, 共青团员
        if outlet_cut(folded, h):
            continue  # 某某报|道, 职工党|小组
        if h.name in ("中国共产党", "中共") and folded.startswith(("党员", "人"), h.end):
            continue  # 中共党员, 中国共产党人: members, not the Party
        if h.name == "中共" and start == h.start and _zhong_then_gong(folded, h.start):
            continue  # 其中共有, 组别中共收获: 中 ends a word, 共 is "in all"
        if h.name == "中共" and start == h.start and folded.startswith("界", h.end):
            continue  # 中共界委员: a sector of the CPPCC, not the Party
        if h.kind == "local" and start == h.start and h.name[1:].startswith("党委"):
            continue  # 市县党委, 全市党委: the committees of a level, not one organ
        if h.kind == "organ":
            end = h.end
            m = _suffix_at(folded, end, anchored_by_place=False) or _sub_unit(folded, end)
            end = m.end() if m else end
            canonical = national_organs()[h.name] + folded[h.end : end]
            if end == h.end and h.name in local_stems():
                canonical = _own_organ(h.name, context)
            out.append(_fact(text, start, end, "organization.named", 0.9, canonical, None))
            continue
        found = context.place_of(h.name[0]) if context else None
        canonical = local_canonical(h.name[1:], found[0]) if found else None
        kind = "organization.named" if start < h.start else "organization.local"
        out.append(_fact(text, start, h.end, kind, 0.9 if start < h.start else 0.8, canonical,
                         found[1] if found else None))  # fmt: skip


def _is_place_name(name: str) -> bool:
    """Whether `name` is a listed place (北京, 杭州): the host before an event's committee."""
    return name in place_index()


def extract_organizations(text: str, folded: str, context: DocContext | None = None) -> list[Fact]:
    """All organisation facts of one paragraph."""
    out: list[Fact] = []
    _organs(text, folded, context, out)
    if "届" in folded:
        for m in CENTRAL_TERM_RE.finditer(folded):
            canonical = "中国共产党" + m.group(0)[m.group(0).index("中央") :]
            out.append(_fact(text, *m.span(), "organization.named", 0.9, canonical, None))
    if "政" in folded and "协" in folded:
        for m in CPPCC_RE.finditer(folded):
            canonical = re.sub(r"第[^届]+届", "", "".join(m.group(0).split()))
            out.append(_fact(text, *m.span(), "organization.named", 0.9, canonical, None))
    out += abbreviated_foreign(text, folded)
    if "委" in folded:
        for m in BILATERAL_RE.finditer(folded):
            name = "".join(m.group(0).split())
            out.append(_fact(text, *m.span(), "organization.bilateral", 0.8, name, None))
    if any(t in folded for t in ("镇", "乡", "街道")):
        for s, e in _township_organs(folded):
            out.append(_fact(text, s, e, "organization.township", 0.8, text[s:e], None))
    out += organs_before_heads(text, folded)
    out += lexicon_institutions(text, folded)
    out += district_cabin_hospitals(text, folded) if "方舱" in folded else []
    out += central_teams(text, folded)
    if "组委" in folded:
        out += organising_committees(text, folded, _is_place_name)
    if "工会、" in folded or "、工会" in folded or "级工会" in folded or "地工会" in folded:
        out += _listed_unions(text, folded, out)
    return with_party_groups(text, folded, out)


def _own_organ(name: str, context: DocContext | None) -> str | None:
    """The document's own mass organisation for a bare short name that is also an organ of a
    place (妇联, 工商联, 科协): in a document of 中共金华市委, `工商联` is 金华市工商业联合会, not
    the national federation; None when the document names no place (a national report's
    工商联 and a city's read alike, as a bare 省委 is left unresolved)."""
    if context is None or context.division_code is None:
        return None
    found = divisions().get(context.division_code)
    return local_canonical(name, found[0]) if found else None


def _township_organs(folded: str) -> list[tuple[int, int]]:
    """Spans of a township's organ after a county or city, from the start of the chain of
    divisions before it (浦江县郑宅镇党委, 湖北省武汉市江汉区某街道党工委, 某县某镇某村党支部)."""
    spans = []
    chain_start, last_end = -1, -1
    for h in scan(folded):
        if h.kind != "place":
            last_end = -1
            continue
        chain_start = chain_start if h.start == last_end else h.start
        last_end = h.end
        if h.name[-1] in "市县区":
            m = TOWN_ORGAN_RE.match(folded, h.end)
            if m:
                spans.append((chain_start, m.end()))
    return spans
