"""Write ../places_world_cities.tsv from two published lists (run by hand, not by the build).

    python make_places_world_cities.py JIONLP_WHEEL PYCOUNTRY_WHEEL JIEBA_DICT \\
        ../places_features.tsv > ../places_world_cities.tsv

- jionlp 1.5.31 (Apache-2.0), `jionlp/dictionary/world_location.txt`: every country by
  continent with its full name, its capital and its major cities, in Chinese (rows of level
  `country` carry the full name as other printed name: 格鲁吉亚, 以色列国);
- pycountry 26.2.16 (LGPL-2.1), ISO 3166-2 with its zh_CN translations: the first-level
  subdivisions (states, provinces, prefectures, oblasts) of every country that has them in
  Chinese;
- jieba 0.42.1's dictionary, to tell which names are also parts of ordinary words.

Rows: name, level (`city` or `subdivision`), country, `|`-separated other printed names (the
short form of a subdivision without its level word: 俄克拉何马州 -> 俄克拉何马, when three
characters or more), and `chain` when the name is also an ordinary word or part of an idiom (万象 is one, 包罗万象
holds it; jieba's dictionary has the name as a common word with frequency 50 or more, not as
a proper noun, or jionlp's list of idioms holds it): such a name is a place only printed
right after its country (老挝万象).
Left out: China's own cities and divisions (divisions.tsv has them with their codes), names
that are given names (亚历山大, 维多利亚, 亚伦), country names, names of natural features
(places_features.tsv: 大西洋 is also a Colombian department), subdivision names of two
characters without a level word, subdivisions whose name without its level word is an
ordinary word (东部省, 高原省, 赤道: jieba's dictionary has it, not as a proper noun), and
subdivisions named by a compass direction (Ghana's 东北地区, Canada's 西北地区, Zambia's
西北省): in Chinese text 东北地区 is China's north-east, so the foreign reading would be wrong.
"""

from __future__ import annotations

import gettext
import json
import sys
import zipfile
from pathlib import Path

#: Country names of jionlp's list that are ordinary words of Chinese political prose: 中非 is
#: China–Africa (中非合作), the country is 中非共和国; 中国 is the country itself (places_world).
NOT_COUNTRIES = {"中非", "中国"}
#: jieba's part-of-speech tags of proper nouns (persons, places, organisations, others).
PROPER = {"nr", "ns", "nt", "nz", "nrt", "nrfg"}
GIVEN_NAMES = {"亚历山大", "维多利亚", "亚伦", "圣约翰", "圣乔治", "乔治敦", "金斯敦"}
#: Compass directions: a subdivision named by one (东北地区, 西南省) reads as a region of China.
DIRECTIONS = {"东", "南", "西", "北", "中", "东北", "东南", "西北", "西南"}
LEVEL_WORDS = (
    "自治共和国",
    "自治区",
    "共和国",
    "特区",
    "地区",
    "州",
    "邦",
    "省",
    "县",
    "府",
    "都",
    "道",
    "区",
)


def jionlp_rows(wheel: str) -> list[tuple[str, str]]:
    """(city, country) for every capital and major city of jionlp's world list."""
    text = zipfile.ZipFile(wheel).read("jionlp/dictionary/world_location.txt").decode("utf-8")
    rows = []
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) < 3:
            continue
        country, capital = parts[0], parts[2]
        cities = [capital] + (parts[3].split("/") if len(parts) > 3 else [])
        rows += [(c.strip(), country) for c in cities if c.strip() and c.strip() != country]
    return rows


def pycountry_rows(wheel: str, countries: dict[str, str]) -> list[tuple[str, str]]:
    """(subdivision, country) for the first-level ISO 3166-2 subdivisions named in zh_CN."""
    z = zipfile.ZipFile(wheel)
    base = "pycountry/locales/zh_CN/LC_MESSAGES/"
    sub = gettext.GNUTranslations(z.open(base + "iso3166-2.mo"))
    subdivisions = json.loads(z.read("pycountry/databases/iso3166-2.json"))["3166-2"]
    rows = []
    for s in subdivisions:
        name = sub.gettext(s["name"])
        country = countries.get(s["code"][:2])
        if name == s["name"] or s.get("parent") or country is None or name.startswith("伪"):
            continue
        if any(c in name for c in "-－·（(") or not all("\u4e00" <= c <= "\u9fff" for c in name):
            continue
        if len(name) < 3 and not name.endswith(LEVEL_WORDS):
            continue
        rows.append((name, country))
    return rows


def _idioms(wheel: str) -> list[str]:
    """jionlp's list of idioms (a zip inside the wheel)."""
    import io

    inner = zipfile.ZipFile(
        io.BytesIO(zipfile.ZipFile(wheel).read("jionlp/dictionary/chinese_idiom.zip"))
    )
    text = inner.read("chinese_idiom.txt").decode("utf-8")
    return [line.split("\t")[0] for line in text.splitlines() if line]


def main() -> None:
    jionlp_wheel, pycountry_wheel, jieba_dict, features = sys.argv[1:5]
    z = zipfile.ZipFile(pycountry_wheel)
    c_tr = gettext.GNUTranslations(z.open("pycountry/locales/zh_CN/LC_MESSAGES/iso3166-1.mo"))
    iso = json.loads(z.read("pycountry/databases/iso3166-1.json"))["3166-1"]
    world = jionlp_rows(jionlp_wheel)
    jio_countries = {country for _, country in world}
    countries = {}
    for c in iso:
        zh = c_tr.gettext(c["name"])
        # jionlp's short name where pycountry's translation is a long form (美国, not 美利坚合众国)
        short = next((j for j in jio_countries if zh.startswith(j) or j in zh), zh)
        countries[c["alpha_2"]] = short
    words = {}
    for line in Path(jieba_dict).read_text(encoding="utf-8").splitlines():
        w, freq, *tag = line.split()
        words[w] = (int(freq), tag[0] if tag else "")
    idioms = _idioms(jionlp_wheel)
    feature_names = {
        line.split("\t")[0]
        for line in Path(features).read_text(encoding="utf-8").splitlines()
        if line[:1] not in "#"
    }
    not_names = GIVEN_NAMES | jio_countries | set(countries.values()) | feature_names
    seen: dict[str, list[str]] = {}
    rows = [(n, "city", c) for n, c in world] + [
        (n, "subdivision", c) for n, c in pycountry_rows(pycountry_wheel, countries)
    ]
    for name, level, country in rows:
        if name in not_names or name in seen or country == "中国":
            continue
        stem = name
        if level == "subdivision":
            stem = next((name[: -len(w)] for w in LEVEL_WORDS if name.endswith(w)), name)
            if stem in words and words[stem][1] not in PROPER:
                continue  # 东部省, 高原省: an ordinary word and a level word
            if stem in DIRECTIONS:
                continue  # 东北地区 (Ghana), 西北省 (Zambia): China's regions in Chinese text
        short = stem if stem != name and len(stem) >= 3 else ""
        freq, tag = words.get(name, (0, ""))
        chain = (freq >= 50 and tag not in PROPER) or any(name in i for i in idioms)
        seen[name] = [name, level, country, short, "chain" if chain else ""]
    print("# Generated by sources/make_places_world_cities.py: see its docstring for the sources.")
    print("# name\tlevel\tcountry\tother printed names\tchain (a place only after its country)")
    for line in (
        zipfile.ZipFile(jionlp_wheel)
        .read("jionlp/dictionary/world_location.txt")
        .decode("utf-8")
        .splitlines()
    ):
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0] not in NOT_COUNTRIES and "(" not in parts[0]:
            full = parts[1] if parts[1] != parts[0] else ""
            print("\t".join([parts[0], "country", "", full]).rstrip("\t"))
    for row in seen.values():
        print("\t".join(row).rstrip("\t"))


if __name__ == "__main__":
    main()
