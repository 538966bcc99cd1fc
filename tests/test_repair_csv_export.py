"""The one-row CSV export repair: unwrapped, every character accounted for, or None."""

import csv
import io
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipelines.text.model import REMOVED_KINDS, Block, Line
from pipelines.text.normalize import load_lines
from pipelines.text.repair import (
    CsvUnwrap,
    unwrap_csv,
)

_WS = re.compile(r"\s+")


def _lines(text: str) -> list[Line]:
    return [Line(i, t) for i, t in enumerate(text.split("\n"), 1)]


def _chars(texts: list[str]) -> Counter[str]:
    return Counter(_WS.sub("", "".join(texts)))


def _assert_conserved(lines: list[Line], result: CsvUnwrap) -> None:
    assert [x.number for x in result.lines] == [x.number for x in lines]
    kept = [x.text for x in result.lines]
    removed = [b.text for b in result.removed]
    assert _chars([x.text for x in lines]) == _chars(kept + removed)
    by_number = {x.number: _WS.sub("", x.text) for x in lines}
    for b in result.removed:
        assert isinstance(b, Block)
        assert b.removed and b.removed_kind in REMOVED_KINDS and b.reason
        assert b.lines == (b.line_start,) and b.line_start == b.line_end
        it = iter(by_number[b.line_start])
        assert all(ch in it for ch in _WS.sub("", b.text)), b  # in line order


HEADER = "region,year,title,publish_date,body"

ident = st.from_regex(r"[a-z_][a-z0-9_]{0,8}", fullmatch=True)

cjkish = st.text(alphabet="的一是在不了有和人中大为上个国我，。、“”：\"'-,0123 　", max_size=30)


def _load(path: Path) -> list[Line]:
    return load_lines(path.read_bytes(), file_name=path.name)[0]


def test_one_row_csv_is_unwrapped() -> None:
    text = (
        f"{HEADER}\n"
        '某省,2030,某省政府工作报告,2030-01-02,"各位代表：\n'
        "现在，我代表省政府作报告。\n"
        '一、过去一年工作回顾"\n'
    )
    lines = _lines(text)
    res = unwrap_csv(lines)
    assert res is not None
    assert res.metadata == {
        "region": "某省",
        "year": "2030",
        "title": "某省政府工作报告",
        "publish_date": "2030-01-02",
    }
    assert res.text_column == "body" and res.header_line == 1 and res.record_lines == (2, 4)
    assert [x.text for x in res.lines] == [
        "",
        "各位代表：",
        "现在，我代表省政府作报告。",
        "一、过去一年工作回顾",
        "",
    ]
    reasons = [b.reason or "" for b in res.removed]
    assert reasons[0].startswith("CSV header")
    assert "title=某省政府工作报告" in reasons[1]
    assert res.removed[-1].text == '"' and res.removed[-1].line_start == 4
    assert all(b.removed_kind == "markup" for b in res.removed)
    _assert_conserved(lines, res)


def test_doubled_quotes_are_unescaped_and_recorded() -> None:
    text = f'{HEADER}\n某省,2030,报告,2030-01-02,"他说""好""。\n又说""行""和""对""。"'
    lines = _lines(text)
    res = unwrap_csv(lines)
    assert res is not None
    assert [x.text for x in res.lines] == ["", '他说"好"。', '又说"行"和"对"。']
    escapes = [b for b in res.removed if "escape" in (b.reason or "")]
    assert [(b.line_start, b.text) for b in escapes] == [(2, '""'), (3, '""""')]
    _assert_conserved(lines, res)


def test_quoted_metadata_field_with_comma_and_bom() -> None:
    text = '\ufeffa,b,c,text\n"x, y",2,"",z'
    lines = _lines(text)
    res = unwrap_csv(lines)
    assert res is not None
    assert res.metadata == {"a": "x, y", "b": "2", "c": ""}
    assert res.lines[1].text == "z"  # an unquoted one-line text field
    _assert_conserved(lines, res)


def test_leading_and_trailing_blank_lines_are_allowed() -> None:
    lines = _lines(f'\n{HEADER}\n\nA,1,T,D,"正文。"\n\n')
    res = unwrap_csv(lines)
    assert res is not None and res.header_line == 2
    assert [x.text for x in res.lines if x.text] == ["正文。"]
    _assert_conserved(lines, res)


@pytest.mark.parametrize(
    "text",
    [
        "",
        HEADER,  # header only
        f"{HEADER}\n\n",
        "这是一份普通的通知。\n各单位：\n请做好工作。",
        "a,b\n1,2",  # two columns
        "a,b,a\n1,2,3",  # duplicate names
        "a,b,c\n1,2",  # too few fields
        "名称,年份,正文\n甲,2030,正文",  # not identifier-like ASCII names
        "a b,c,d\n1,2,3",  # a name with a space
        f'{HEADER}\nA,1,T,D,"never closed\nstill open',  # unterminated quote
        f'{HEADER}\nA,1,T,D,"text" junk',  # junk after the closing quote
        f'{HEADER}\nA,1,T,D,"one"\nB,2,U,E,"two"',  # a table of several rows
        f'{HEADER}\nA,1,T,D,te"xt',  # a bare quote in an unquoted field
        f'{HEADER}\n"A,1,T,D,"text"',  # a metadata field never closed
    ],
)
def test_not_a_one_row_csv_gives_none(text: str) -> None:
    assert unwrap_csv(_lines(text)) is None


def test_empty_list_gives_none() -> None:
    assert unwrap_csv([]) is None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    names=st.lists(ident, min_size=3, max_size=7, unique=True),
    values=st.lists(cjkish.filter(lambda s: "\n" not in s), min_size=6, max_size=6),
    body=st.lists(cjkish, min_size=1, max_size=8),
)
def test_written_csv_round_trips_and_conserves(names, values, body) -> None:
    meta = dict(zip(names[:-1], values, strict=False))
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(names)
    writer.writerow([*meta.values(), "\n".join(body)])
    raw = buf.getvalue().removesuffix("\n")
    lines = [Line(i, t.rstrip()) for i, t in enumerate(raw.split("\n"), 1)]
    res = unwrap_csv(lines)
    assert res is not None, raw
    assert res.metadata == {k: v.strip() for k, v in meta.items()}
    got = [x.text for x in res.lines[1:]]
    assert got == [t.rstrip() for t in body][: len(got)]
    _assert_conserved(lines, res)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.one_of(
            st.sampled_from([HEADER, "a,b,c", '"', '""', ',"', "x,y,z,", "", "A,1,T,D,"]),
            st.text(alphabet='ab,"\n 正文。', max_size=20),
            st.text(max_size=10),
        ),
        max_size=8,
    )
)
def test_unwrap_never_raises_and_conserves_when_it_answers(parts) -> None:
    lines = [Line(i, t) for i, t in enumerate(parts, 1)]
    res = unwrap_csv(lines)
    if res is not None:
        _assert_conserved(lines, res)


@pytest.mark.parametrize(
    "name", ["ext_zhejiang_gov_report_2026.txt", "ext_hainan_gov_report_2026.txt"]
)
def test_corpus_csv_exports_unwrap(corpus_dir: Path, name: str) -> None:
    from pipelines.text.layout import check_conservation, recover_layout

    lines = _load(corpus_dir / name)
    res = unwrap_csv(lines)
    assert res is not None
    assert res.metadata.get("title") and res.metadata.get("publish_date")
    assert res.text_column == "full_text"
    header = lines[0].text.lstrip("\ufeff")
    assert not any(x.text.startswith(header.split(",")[0] + ",") for x in res.lines)
    assert not any(x.text.startswith('"') or x.text.endswith('"') for x in res.lines)
    _assert_conserved(lines, res)
    assert check_conservation(lines, recover_layout(res.lines) + res.removed) == []


def test_corpus_other_files_and_seeds_are_not_csv(corpus_dir: Path, seeds_dir: Path) -> None:
    files = [*sorted(corpus_dir.glob("*.txt")), *sorted(seeds_dir.glob("*.txt"))]
    others = [f for f in files if "zhejiang" not in f.name and "hainan" not in f.name]
    assert others
    for f in others:
        assert unwrap_csv(_load(f)) is None, f.name
