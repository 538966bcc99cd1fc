"""Citations linked to corpus documents (pipelines/text/links.py) on small tables."""

import duckdb
import pyarrow as pa

from pipelines.text.facts import extract_facts
from pipelines.text.links import link_citations

PROVINCE = (
    "中共浙江省委关于深入贯彻落实习近平总书记重要指示精神发挥各级党组织领导核心和战斗堡垒作用的通知"
)
CITY_PARAGRAPH = (
    "根据《中共浙江省委关于深入贯彻落实习近平总书记重要指示精神和发挥各级党组织领导核心和"
    "战斗堡垒作用的通知》要求，结合《决定》和《求是》杂志文章，现通知如下。"
)


def _tables() -> tuple[pa.Table, pa.Table]:
    documents = pa.table(
        {
            "doc_id": ["p-001", "c-001", "x-001"],
            "title": [PROVINCE, "中共绍兴市委关于坚决打赢疫情防控阻击战的通知", None],
            "issuer": ["中共浙江省委", "中共绍兴市委", None],
        }
    )
    rows = []
    for k, f in enumerate(extract_facts(CITY_PARAGRAPH), start=1):
        rows.append(
            {"fact_id": f"c-001-p0001-f{k:03d}", "doc_id": "c-001", "type": f.type,
             "canonical": f.canonical, "unit": f.unit}
        )  # fmt: skip
    return documents, pa.Table.from_pylist(rows)


def test_a_city_notice_citing_the_provincial_notice_is_linked_to_it() -> None:
    documents, facts = _tables()
    con = duckdb.connect()
    con.register("documents", documents)
    con.register("facts", facts)
    linked = link_citations(con, "documents", "facts").to_pylist()
    cited = [r for r in facts.to_pylist() if r["type"] == "cited_document"]
    assert len(cited) == 2  # the notice and 《决定》; 《求是》 is a periodical, no document
    assert linked == [{"fact_id": cited[0]["fact_id"], "cited_doc_id": "p-001"}]


def test_linking_is_deterministic_and_reads_parquet_expressions(tmp_path) -> None:
    documents, facts = _tables()
    import pyarrow.parquet as pq

    pq.write_table(documents, tmp_path / "documents.parquet")
    pq.write_table(facts, tmp_path / "facts.parquet")
    con = duckdb.connect()
    args = (f"read_parquet('{tmp_path / 'documents.parquet'}')",
            f"read_parquet('{tmp_path / 'facts.parquet'}')")  # fmt: skip
    assert link_citations(con, *args).equals(link_citations(con, *args))
    assert link_citations(con, *args).num_rows == 1


def test_a_citation_by_another_issuer_is_not_linked() -> None:
    documents, facts = _tables()
    documents = documents.set_column(2, "issuer", pa.array(["国务院", "中共绍兴市委", None]))
    con = duckdb.connect()
    con.register("documents", documents)
    con.register("facts", facts)
    assert link_citations(con, "documents", "facts").num_rows == 0
