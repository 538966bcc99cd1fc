"""Near-duplicate paragraphs and documents (pipelines/text/near_dups.py, near_dup_pairs.py)."""

import hashlib
import struct
from pathlib import Path

import duckdb
import pyarrow as pa
from datasketch import MinHash

from pipelines.schema import to_arrow
from pipelines.text.near_dup_pairs import near_dup_of, near_duplicate_pairs
from pipelines.text.near_dups import (
    BANDS,
    CHUNK,
    MIN_CHARS,
    NUM_PERM,
    ROWS,
    SEED,
    band_keys,
    minhash_rows,
    shingles,
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


def _datasketch_signature(text: str) -> list[int]:
    m = MinHash(num_perm=NUM_PERM, seed=SEED)
    m.update_batch(sorted(g.encode("utf-8") for g in shingles(text)))
    return [int(v) for v in m.hashvalues]


def test_signatures_are_the_values_datasketch_computes() -> None:
    seed = (SEEDS / PROVINCE).read_text(encoding="utf-8")
    texts = [
        "各级党委（党组）要发挥统揽全局、协调各方的领导核心作用。",
        "全省 -> 全市",
        "。、，",  # no shingle: every permutation at its largest value
        seed[: 3 * CHUNK],  # more shingles than one chunk of the permutation matrix
    ]
    assert len(shingles(texts[-1])) > CHUNK
    for text in texts:
        assert signature(text) == _datasketch_signature(text)


def test_a_document_signed_from_its_paragraphs_has_the_signature_of_its_text() -> None:
    paragraphs = [
        "一、总体要求",  # short: no row of its own, its shingles still count
        "。",  # no shingle at all
        "各级党委（党组）要发挥统揽全局、协调各方的领导核心作用，把方向、管大局、保落实。" * 2,
        "二",
        "广大党员要发挥不畏艰险、冲锋在前的先锋模范带头作用，在群防群控中当先锋作表率，"
        "守护人民群众生命安全和身体健康。",
    ]
    rows = [
        {"para_id": f"x-001-p{k:04d}", "doc_id": "x-001", "text": t}
        for k, t in enumerate(paragraphs, start=1)
    ]
    joined = {"doc_id": "x-001", "text": "\n".join(paragraphs)}
    other = {"doc_id": "x-002", "text": "另一份文件的正文，与上面的段落无关，" * 4}
    got = {r["item_id"]: r["signature"] for r in minhash_rows(rows, [joined, other])}
    assert sorted(got) == ["x-001", "x-001-p0003", "x-001-p0005", "x-002"]
    assert got["x-001"] == _datasketch_signature(joined["text"])
    assert got["x-002"] == _datasketch_signature(other["text"])
    assert got["x-001-p0003"] == _datasketch_signature(paragraphs[2])


def test_band_keys_hash_each_band_number_and_its_values() -> None:
    signatures = [signature("全省上下要坚决贯彻落实党中央决策部署" * k) for k in (1, 2, 5)]
    for sig, keys in zip(signatures, band_keys(signatures).tolist(), strict=True):
        expected = []
        for band in range(BANDS):
            packed = struct.pack("<I4Q", band, *sig[band * ROWS : (band + 1) * ROWS])
            digest = hashlib.blake2b(packed, digest_size=8).digest()
            expected.append(struct.unpack("<q", digest)[0])
        assert keys == expected


def test_every_signature_of_the_seeds_and_vendored_texts_is_the_one_of_its_own_text() -> None:
    """The batched signing (one stream of shingles per source, documents from their
    paragraphs' segments) gives each row the signature of its text signed on its own."""
    corpus = Path(__file__).resolve().parent / "corpus"
    paths = sorted(SEEDS.glob("*.txt")) + sorted(corpus.glob("*.txt"))
    documents = 0
    for path in paths:
        tables = build_source_tables(path.name, path.read_bytes()).tables
        text = {p["para_id"]: p["text"] for p in tables["paragraphs"]}
        text.update({d["doc_id"]: d["text"] for d in tables["documents"]})
        for row in minhash_rows(tables["paragraphs"], tables["documents"]):
            assert row["signature"] == signature(text[row["item_id"]]), row["item_id"]
            documents += row["level"] == "document"
    assert documents >= len(paths)
