"""What a document says about itself that a paragraph leaves implicit: its own place.

A notice of 中共绍兴市委 says 市委 and means 中共绍兴市委; a report of 浙江省人民政府
says 全省 and 省政府. `DocContext.from_texts(title, issuer, …)` reads the first listed
division named in the document's title or issuer (the place the document says it is from);
the organisation extractor resolves bare 省委/市委/县委 to it and the place extractor uses it
to choose between divisions of the same name (普陀区 in Shanghai or in Zhoushan).
A document that names no division gives an empty context: nothing is resolved.
"""

from __future__ import annotations

from dataclasses import dataclass

from ._common import fold
from .gazetteer import CITY, COUNTY, PROVINCE, divisions, place_index, scan


@dataclass(frozen=True, slots=True)
class DocContext:
    """The division a document is from (six-digit code), or nothing."""

    division_code: str | None = None

    @classmethod
    def from_texts(cls, *texts: str | None) -> DocContext:
        """The first national division named in the given texts (title, issuer…)."""
        for text in texts:
            if not text:
                continue
            for hit in scan(fold(text)):
                if hit.kind != "place":
                    continue
                entries = [e for e in place_index()[hit.name] if e.code]
                if entries and len({e.code[:2] for e in entries}) == 1:
                    return cls(entries[0].code)
        return cls()

    def place_of(self, level_char: str) -> tuple[str, str] | None:
        """(full name, code) of the document's province (省), city (市) or county (县/区)."""
        code = self.division_code
        if code is None:
            return None
        wanted = {"省": PROVINCE, "市": CITY}.get(level_char, COUNTY)
        target = {PROVINCE: code[:2] + "0000", CITY: code[:4] + "00", COUNTY: code}[wanted]
        if wanted == CITY and code.endswith("0000"):
            # a provincial document names no city, unless the province is a city (北京市)
            target = code if divisions().get(code, ("",))[0].endswith("市") else ""
        if wanted == COUNTY and code.endswith("00"):
            return None
        found = divisions().get(target)
        if found is None or not found[0].endswith(level_char):
            return None
        return found[0], target
