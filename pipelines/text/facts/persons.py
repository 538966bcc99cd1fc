"""People: names printed with a title, a role or 同志.

A person fact needs a role word (data/facts_roles.txt) next to a name:
- after the name: `马卫光同志`, `习近平总书记` (the name: a listed surname,
  data/facts_surnames.txt, plus one or two characters);
- before the name: `市委书记马卫光`, `省长刘捷`, `总理李克强`;
- given name + 同志 after `和`/`与`/`、` (`我和如兴同志`): colleagues named without surname.
Bare names without any role are not extracted (too ambiguous without a lexicon).
`normalized` is the name alone; `qualifier` is the role as printed. The fact's span covers
name and role.

Extractors and confidence: `person.role_after` 0.9, `person.role_before` 0.8 (the name's
length, two or three characters, is guessed), `person.given_name` 0.6.
"""

from __future__ import annotations

import re

from pipelines.text.model import Fact

from ._common import alternation, load_list

SURNAMES = [s for line in load_list("facts_surnames.txt") for s in line.split()]
ROLES = load_list("facts_roles.txt")
_SUR = alternation(SURNAMES)
_ROLE = alternation(ROLES)
_HAN = r"[\u4e00-\u9fff]"
# Characters that cannot be part of a name (function words, organ words, numerals).
_NOT_NAME = set(
    "的了在是和与及或对把被从向为以于由将也都而且就还要会上下中里等各全本该这那其我你他她们"
    "省市县区委党政府院部局厅办组织团队员长记主席理书同志代表一二三四五六七八九十百千万亿"
    "第届次年月日号个项件总副常央群众干部工作设镇乡村街道"
)
AFTER_RE = re.compile(rf"(?P<name>(?:{_SUR}){_HAN}{{1,2}}?)(?P<role>{_ROLE})")
BEFORE_RE = re.compile(rf"(?P<role>{_ROLE})(?P<name>(?:{_SUR}){_HAN}{{1,2}})")
GIVEN_RE = re.compile(rf"(?<=[和与、])(?P<name>{_HAN}{{2}})(?P<role>同志)")
_AFTER_STOP = set(
    "在说指出强调主持表示出席会见等的、，。和与同并对向代为率到来以是也都就曾作讲提赴去考视调参听"
)
_BEFORE_ROLES_SKIP = {"同志", "代表", "委员", "常委", "教授", "院士", "研究员"}


def _name_ok(name: str) -> bool:
    return all(c not in _NOT_NAME for c in name[1:]) and len(name) >= 2


def extract_persons(text: str, folded: str) -> list[Fact]:
    """All person facts of one paragraph."""
    out: list[Fact] = []
    taken: list[tuple[int, int]] = []
    for m in AFTER_RE.finditer(folded):
        name, role = m["name"], m["role"]
        s = m.start()
        # Prefer the longest plausible name: try a 3-char name before the 2-char one.
        if not _name_ok(name):
            continue
        if role in ("委员", "代表", "常委", "主任", "主席") and len(name) < 3:
            continue
        out.append(
            Fact(
                type="person",
                start=s,
                end=m.end(),
                text=text[s : m.end()],
                normalized=name,
                extractor="person.role_after",
                confidence=0.9,
                qualifier=role,
            )
        )
        taken.append((s, m.end()))
    for m in BEFORE_RE.finditer(folded):
        name = m["name"]
        if m["role"] in _BEFORE_ROLES_SKIP:
            continue
        if len(name) == 3 and (name[2] in _AFTER_STOP or name[2] in _NOT_NAME):
            name = name[:2]
        if not _name_ok(name):
            continue
        s, e = m.start(), m.start("name") + len(name)
        if e < len(folded) and folded.startswith(("同志", "书记", "总书记"), e):
            continue  # role_after covers it
        if e < len(folded) and re.match(_HAN, folded[e]) and folded[e] not in _AFTER_STOP:
            continue  # the name's end is unclear
        out.append(
            Fact(
                type="person",
                start=s,
                end=e,
                text=text[s:e],
                normalized=name,
                extractor="person.role_before",
                confidence=0.8,
                qualifier=m["role"],
            )
        )
    for m in GIVEN_RE.finditer(folded):
        s, e = m.start(), m.end()
        if any(a <= s < b for a, b in taken) or not _name_ok("X" + m["name"]):
            continue
        if m["name"] in ("广大", "各位", "全体", "老同", "青年", "这些", "有关"):
            continue
        out.append(
            Fact(
                type="person",
                start=s,
                end=e,
                text=text[s:e],
                normalized=m["name"],
                extractor="person.given_name",
                confidence=0.6,
                qualifier="同志",
            )
        )
    return out
