"""Names and bylines: `/本刊记者 杨 晨 沈佳薇`, `■杨 晨`, `记者阮向民 通讯员胡建东、罗建灿报道`."""

from __future__ import annotations

import re

from ..params import BYLINE_MAX_CHARS
from ..patterns import BYLINE_RE, NEWSFLASH_RE, ROLE_LINE_RE, RUN_IN_BYLINE_RE, RUN_IN_SEGMENT_RE


def split_names(names: str) -> list[str]:
    """Names of a byline, layout spaces removed: `杨 晨 沈佳薇` -> [杨晨, 沈佳薇].

    Names are separated by `、`, `，` or spaces; one-character tokens are typeset names of
    two characters (`杨 晨`) and are glued in pairs.
    """
    out: list[str] = []
    for chunk in re.split(r"[、，,]", names):
        tokens = chunk.replace("\u3000", " ").split()
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            if len(tok) == 1 and i + 1 < len(tokens) and len(tokens[i + 1]) == 1:
                out.append(tok + tokens[i + 1])
                i += 2
                continue
            if (
                len(tok) == 1
                and i + 1 < len(tokens)
                and len(tokens[i + 1]) == 2
                and i + 2 == len(tokens)
            ):
                out.append(tok + tokens[i + 1])  # `欧阳 明` style: surname apart
                i += 2
                continue
            out.append(tok)
            i += 1
    return [n for n in out if n]


def parse_byline(text: str) -> tuple[list[str], list[str]] | None:
    """(names, roles) of a stand-alone byline line, or None when it is not one."""
    t = text.strip()
    if len(t) > BYLINE_MAX_CHARS or any(c in t for c in "。；！？：:"):
        return None
    m = BYLINE_RE.match(t)
    if m:
        role = m.group(1) or ""
        names = split_names(m.group(2))
        return names, [role] * len(names)
    m = ROLE_LINE_RE.match(t)
    if m and m.group(2):
        names = split_names(m.group(2))
        return names, [m.group(1)] * len(names)
    return None


def parse_runin_byline(text: str) -> tuple[str, list[str], list[str]] | None:
    """A run-in newspaper byline at the start of a paragraph: (byline text, names, roles)."""
    m = RUN_IN_BYLINE_RE.match(text)
    if not m:
        return None
    byline = m.group(1)
    body = NEWSFLASH_RE.sub("", byline).removesuffix("报道")
    names: list[str] = []
    roles: list[str] = []
    for seg in RUN_IN_SEGMENT_RE.finditer(body + " "):
        role, chunk = seg.group(1), seg.group(2)
        for name in split_names(chunk):
            names.append(name)
            roles.append(role)
    if not names:
        return None
    return byline.strip(), names, roles
