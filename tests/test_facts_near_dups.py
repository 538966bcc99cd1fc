"""Near-duplicate paragraphs and documents (pipelines/text/near_dups.py)."""

from pathlib import Path

import duckdb
import pyarrow as pa

from pipelines.schema import to_arrow
from pipelines.text.near_dups import (
    MIN_CHARS,
    minhash_rows,
    near_dup_of,
    near_duplicate_pairs,
    signature,
)
from pipelines.text.tables import build_source_tables

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
CITY, PROVINCE = "002_1d43d25ae0665df5.txt", "003_4efdd4135fbf51ea.txt"


def _connection(sources: list[str]) -> tuple[duckdb.DuckDBPyConnection, dict[str, str]]:
    rows, paragraphs, documents = [], [], []
    for name in sources:
        tables = build_source_tables(name, (SEEDS / name).read_bytes()).tables
        rows += minhash_rows(tables["paragraphs"], tables["documents"])
        paragraphs += [{"para_id": p["para_id"], "doc_id": p["doc_id"], "text": p["text"]}
                       for p in tables["paragraphs"]]  # fmt: skip
        documents += [{"doc_id": d["doc_id"], "publish_date": d["publish_date"]}
                      for d in tables["documents"]]  # fmt: skip
    con = duckdb.connect()
    con.register("minhash", to_arrow("minhash", rows))
    con.register("paragraphs", pa.Table.from_pylist(paragraphs))
    con.register("documents", pa.Table.from_pylist(documents))
    return con, {p["para_id"]: p["text"] for p in paragraphs}


def test_the_city_notice_paragraphs_are_near_duplicates_of_the_provincial_ones() -> None:
    con, text = _connection([CITY, PROVINCE])
    pairs = near_duplicate_pairs(con, "minhash")
    rows = pairs.to_pylist()
    paragraph_pairs = [r for r in rows if r["level"] == "paragraph"]
    numbered = [r for r in paragraph_pairs if text[r["a_id"]][:2] == text[r["b_id"]][:2]]
    # the five numbered duties (一、…五、) of the provincial notice, rewritten by the city
    assert {text[r["a_id"]][:2] for r in numbered} >= {"一、", "二、", "三、", "四、", "五、"}
    assert all(r["a_id"] < r["b_id"] for r in rows) and rows == sorted(
        rows, key=lambda r: (r["level"], r["a_id"], r["b_id"])
    )
    assert any(r["level"] == "document" for r in rows)
    con.register("pairs", pairs)
    flags = near_dup_of(con, "pairs", "paragraphs", "documents").to_pylist()
    assert flags
    # each copy points into the other document, never to itself
    assert all(f["para_id"].split("-")[0] != f["near_dup_of"].split("-")[0] for f in flags)


def test_unrelated_seeds_have_no_near_duplicate_paragraphs() -> None:
    con, _ = _connection(["000_8f4c69f6b21d7544.txt", PROVINCE])
    pairs = near_duplicate_pairs(con, "minhash").to_pylist()
    assert [r for r in pairs if r["level"] == "paragraph"] == []


def test_signatures_are_deterministic_and_short_paragraphs_skipped() -> None:
    text = "各级党委（党组）要发挥统揽全局、协调各方的领导核心作用。" * 3
    assert signature(text) == signature(text)
    short = {"para_id": "x-001-p0001", "doc_id": "x-001", "text": "一、总体要求"}
    assert len(short["text"]) < MIN_CHARS
    assert minhash_rows([short], []) == []


def test_a_paragraph_copied_into_many_documents_gives_pairs_in_proportion_not_squared() -> None:
    """A boilerplate paragraph printed in 300 documents: every copy is linked to its group
    (300 - 1 pairs, each copy with the first), not 300 * 299 / 2 pairs."""
    text = "为深入贯彻落实党中央决策部署，切实做好安全生产工作，确保人民群众生命财产安全，现就有关事项通知如下，请结合实际认真贯彻执行。"
    copies = 300
    paragraphs = [{"para_id": f"{k:016x}-001-p0001", "doc_id": f"{k:016x}-001", "text": text}
                  for k in range(copies)]  # fmt: skip
    rows = minhash_rows(paragraphs, [])
    con = duckdb.connect()
    con.register("minhash", to_arrow("minhash", rows))
    pairs = near_duplicate_pairs(con, "minhash")
    assert pairs.num_rows == copies - 1
    firsts = set(pairs.column("a_id").to_pylist())
    assert firsts == {paragraphs[0]["para_id"]}
