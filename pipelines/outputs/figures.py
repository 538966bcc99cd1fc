"""The card's figures (`figures/*.svg`), drawn from aggregates of the built database.

SVG written directly, with its text kept as text (searchable, and Chinese labels are drawn
by the reader's CJK font): a plotting library would lay text out with the metrics of
whatever fonts the build machine has, and the bytes would change from one machine to
the next. Here the geometry depends on the data only, so a rebuild gives the same bytes.
"""

from collections.abc import Sequence
from dataclasses import dataclass
import re
from html import escape, unescape
from pathlib import Path

import duckdb

from ..store.memory import duckdb_session
from .precision import ExtractorPrecision

FIGURES_DIR = "figures"
FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"
BAR = "#4c72b0"
FONT_SIZE = 12
ROW = 22
TOP_FORMULAS = 10
#: The figures in the card's order.
ORDER = (
    "documents_per_source.svg",
    "characters_per_source.svg",
    "facts_per_type.svg",
    "paragraph_lengths.svg",
    "formulas_over_time.svg",
    "extractor_precision.svg",
)
#: Paragraph length bins (characters): [lower, upper).
LENGTH_BINS = (0, 20, 50, 100, 200, 400, 800, 1600)


@dataclass(frozen=True)
class Figure:
    file: str  # name in figures/
    caption: str
    svg: str


def text_width(text: str, size: int = FONT_SIZE) -> float:
    """Estimated drawn width: a CJK or full-width character is one em, others about 0.6."""
    return sum(size if ord(ch) > 0x2E7F else size * 0.6 for ch in text)


def _svg(width: float, height: float, title: str, body: list[str], caption: str = "") -> str:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" font-family="{escape(FONT)}" '
        f'font-size="{FONT_SIZE}">'
    )
    return "\n".join(
        [
            head,
            f"<title>{escape(title)}</title>",
            f"<desc>{escape(caption or title)}</desc>",
            f'<rect width="{width:.0f}" height="{height:.0f}" fill="white"/>',
            f'<text x="10" y="22" font-size="15" font-weight="bold">{escape(title)}</text>',
            *body,
            "</svg>",
            "",
        ]
    )


def bar_chart(title: str, rows: Sequence[tuple[str, float, str]], *, bar_width: int = 360) -> str:
    """Horizontal bars: (label, value, text printed after the bar), in the order given."""
    label_w = max((text_width(label) for label, _, _ in rows), default=0) + 20
    note_w = max((text_width(note) for _, _, note in rows), default=0) + 20
    top = 40
    peak = max((value for _, value, _ in rows), default=0) or 1
    body = []
    for i, (label, value, note) in enumerate(rows):
        y = top + i * ROW
        length = bar_width * value / peak
        body += [
            f'<text x="{label_w - 8:.1f}" y="{y + 15}" text-anchor="end">{escape(label)}</text>',
            f'<rect x="{label_w:.1f}" y="{y + 3}" width="{length:.1f}" height="{ROW - 6}" fill="{BAR}"/>',
            f'<text x="{label_w + length + 6:.1f}" y="{y + 15}">{escape(note)}</text>',
        ]
    width = label_w + bar_width + note_w
    return _svg(width, top + len(rows) * ROW + 12, title, body)


def heat_table(
    title: str, rows: Sequence[str], cols: Sequence[str], values: dict[tuple[str, str], int]
) -> str:
    """A grid of counts, each cell shaded by its share of the largest count."""
    label_w = max((text_width(r) for r in rows), default=0) + 20
    cell_w = max([text_width(c) + 16 for c in cols] + [48])
    top, peak = 60, max(values.values(), default=0) or 1
    body = [
        f'<text x="{label_w + j * cell_w + cell_w / 2:.1f}" y="{top - 8}" text-anchor="middle">'
        f"{escape(c)}</text>"
        for j, c in enumerate(cols)
    ]
    for i, r in enumerate(rows):
        y = top + i * ROW
        body.append(
            f'<text x="{label_w - 8:.1f}" y="{y + 15}" text-anchor="end">{escape(r)}</text>'
        )
        for j, c in enumerate(cols):
            n = values.get((r, c), 0)
            x = label_w + j * cell_w
            shade = 0.08 + 0.92 * n / peak if n else 0.0
            body.append(
                f'<rect x="{x + 1:.1f}" y="{y + 1}" width="{cell_w - 2:.1f}" height="{ROW - 2}" '
                f'fill="{BAR}" fill-opacity="{shade:.3f}"/>'
            )
            if n:
                colour = "white" if shade > 0.5 else "black"
                body.append(
                    f'<text x="{x + cell_w / 2:.1f}" y="{y + 15}" text-anchor="middle" '
                    f'fill="{colour}">{n}</text>'
                )
    return _svg(label_w + len(cols) * cell_w + 10, top + len(rows) * ROW + 12, title, body)


def _documents_per_source(con: duckdb.DuckDBPyConnection) -> list[Figure]:
    rows = con.execute(
        """select coalesce(s.publication || ' (' || s.file_name || ')', s.file_name),
                  count(d.doc_id), coalesce(sum(d.char_count), 0)
           from sources s left join documents d on d.source_id = s.source_id
           group by s.file_name, s.publication order by s.file_name"""
    ).fetchall()
    return [
        Figure(
            "documents_per_source.svg",
            "Documents per source file",
            bar_chart("Documents per source", [(n, d, f"{d}") for n, d, _ in rows]),
        ),
        Figure(
            "characters_per_source.svg",
            "Characters of document text per source file",
            bar_chart("Characters per source", [(n, c, f"{c:,}") for n, _, c in rows]),
        ),
    ]


def _facts_per_type(con: duckdb.DuckDBPyConnection) -> Figure:
    rows = con.execute(
        "select cast(type as varchar), count(*) from facts group by 1 order by 2 desc, 1"
    ).fetchall()
    return Figure(
        "facts_per_type.svg",
        "Facts per type",
        bar_chart("Facts per type", [(t, n, f"{n:,}") for t, n in rows]),
    )


def _paragraph_lengths(con: duckdb.DuckDBPyConnection) -> Figure:
    bounds = list(LENGTH_BINS)
    cases = " ".join(
        f"when char_count < {hi} then {i}" for i, hi in enumerate(bounds[1:])
    )
    counts = dict(
        con.execute(
            f"select case {cases} else {len(bounds) - 1} end as bin, count(*) "
            "from paragraphs where kind = 'body' group by 1"
        ).fetchall()
    )
    labels = [f"{lo}–{hi - 1}" for lo, hi in zip(bounds, bounds[1:], strict=False)]
    labels.append(f"{bounds[-1]}+")
    rows = [(label, counts.get(i, 0), f"{counts.get(i, 0):,}") for i, label in enumerate(labels)]
    return Figure(
        "paragraph_lengths.svg",
        "Body paragraphs by length in characters",
        bar_chart("Body paragraph lengths (characters)", rows),
    )


def _formulas_over_time(con: duckdb.DuckDBPyConnection) -> Figure | None:
    cells = con.execute(
        f"""with top as (
                select normalized from facts where type = 'formula'
                group by 1 order by count(*) desc, 1 limit {TOP_FORMULAS})
            select f.normalized, cast(year(d.publish_date) as varchar), count(*)
            from facts f join documents d on d.doc_id = f.doc_id
            where f.type = 'formula' and d.publish_date is not null
              and f.normalized in (select normalized from top)
            group by 1, 2"""
    ).fetchall()
    if not cells:
        return None
    totals: dict[str, int] = {}
    for formula, _, n in cells:
        totals[formula] = totals.get(formula, 0) + n
    rows = sorted(totals, key=lambda f: (-totals[f], f))
    cols = sorted({year for _, year, _ in cells})
    values = {(f, y): n for f, y, n in cells}
    return Figure(
        "formulas_over_time.svg",
        f"The {len(rows)} most frequent formulas, occurrences per year of publication",
        heat_table("Top formulas by year", rows, cols, values),
    )


def _precision(precision: Sequence[ExtractorPrecision]) -> Figure:
    rows = [
        (p.extractor, p.precision, f"{p.precision:.2f} ({p.right}/{p.predicted})")
        for p in precision
        if p.predicted
    ]
    return Figure(
        "extractor_precision.svg",
        "Precision of each fact extractor on the hand-annotated fixtures",
        bar_chart("Extractor precision on the fixtures", rows, bar_width=240),
    )


def build_figures(db_path: Path, precision: Sequence[ExtractorPrecision] | None) -> list[Figure]:
    """Every figure; the precision one only when the fixtures were measured."""
    with duckdb_session(None, str(db_path), read_only=True) as con:
        figures = [*_documents_per_source(con), _facts_per_type(con), _paragraph_lengths(con)]
        over_time = _formulas_over_time(con)
    if over_time:
        figures.append(over_time)
    if precision:
        figures.append(_precision(precision))
    return figures


def with_caption(figure: Figure) -> Figure:
    """The figure with its caption in the SVG's <desc> (the card reads it back)."""
    svg = figure.svg.replace(
        f"<desc>{escape(_title_of(figure.svg))}</desc>", f"<desc>{escape(figure.caption)}</desc>", 1
    )
    return Figure(figure.file, figure.caption, svg)


def _title_of(svg: str) -> str:
    match = re.search(r"<title>(.*?)</title>", svg)
    return unescape(match.group(1)) if match else ""


def list_figures(out_dir: Path) -> list[tuple[str, str]]:
    """(path relative to the card, caption) of the figures written in out_dir, in the
    order they were drawn."""
    found = {p.name: p for p in out_dir.glob("*.svg")} if out_dir.is_dir() else {}
    listed = []
    for name in [n for n in ORDER if n in found] + sorted(set(found) - set(ORDER)):
        match = re.search(r"<desc>(.*?)</desc>", found[name].read_text(encoding="utf-8"), re.S)
        listed.append((f"{FIGURES_DIR}/{name}", unescape(match.group(1)) if match else name))
    return listed


def write_figures(
    db_path: Path, out_dir: Path, precision: Sequence[ExtractorPrecision] | None
) -> list[tuple[str, str]]:
    """Write the figures into out_dir; returns (path relative to the card, caption)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for old in out_dir.glob("*.svg"):
        old.unlink()
    for figure in map(with_caption, build_figures(db_path, precision)):
        (out_dir / figure.file).write_text(figure.svg, encoding="utf-8")
        written.append((f"{FIGURES_DIR}/{figure.file}", figure.caption))
    return written
