"""Whether a country's name before an institution's ending belongs to a name
(facts/organizations.py): 中国|外文出版社 is one name, 秘鲁|出版社 a kind of the country's."""

from __future__ import annotations

import re

from ._common import load_list

_ENDINGS = tuple(
    w for line in load_list("facts_org_suffixes.txt") for w in line.split() if not w.startswith("+")
)


#: Kinds of institution a country has many of: printed right after the country's name they
#: name none (秘鲁出版社, 美国大学: a publisher, a university of it); a name adds its own word
#: (秘鲁国家图书馆, 日本早稻田大学).
_COMMON_KINDS = ("大学", "学院", "中学", "小学", "医院", "出版社", "图书馆", "博物馆", "报社")


def unnamed_kind(m: re.Match[str]) -> bool:
    """Whether a suffix match right after a country is a bare kind (美国|大学), not a name."""
    return not m["mid"] and m["suf"] in _COMMON_KINDS


def institution(name: str) -> bool:
    """Whether a listed organ is an institution by its ending (外文出版社, 人民银行), so that a
    country printed before it belongs to its name (中国外文出版社), unlike a state organ's
    (中国|全国人大, 以色列|外交部 stay as they are read)."""
    return name.endswith(_ENDINGS)
