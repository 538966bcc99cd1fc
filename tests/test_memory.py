"""The build's DuckDB connections are bounded and spill where they are told; freed memory is
given back between shards."""

from pathlib import Path

from pipelines.store.memory import (
    DUCKDB_MEMORY_LIMIT,
    bounded_duckdb,
    duckdb_session,
    release_memory,
)


def _setting(con, name: str) -> str:
    return con.execute(f"select current_setting('{name}')").fetchone()[0]


def _bytes(size: str) -> float:
    number, unit = size.replace("i", "").split()
    return float(number) * {"MB": 2**20, "GB": 2**30, "KB": 2**10}.get(unit, 1)


def test_a_bounded_connection_has_the_memory_limit_and_spills_to_its_folder(tmp_path: Path):
    con = bounded_duckdb(tmp_path / "spill")
    try:
        limit = _bytes(_setting(con, "memory_limit"))
        assert abs(limit - float(DUCKDB_MEMORY_LIMIT.removesuffix("MB")) * 1e6) < 0.1 * limit
        assert Path(_setting(con, "temp_directory")) == tmp_path / "spill"
        assert (tmp_path / "spill").is_dir()
    finally:
        con.close()


def test_a_query_larger_than_the_limit_spills_instead_of_growing(tmp_path: Path):
    con = bounded_duckdb(tmp_path / "spill", memory_limit="64MB", threads=1)
    try:
        con.execute("set preserve_insertion_order = true")
        rows = con.execute(
            "select count(*) from (select i, repeat('政', 40) || i::varchar as t "
            "from range(3000000) r(i) order by t desc)"
        ).fetchone()[0]
        assert rows == 3_000_000
    finally:
        con.close()


def test_a_session_removes_its_spill_folder_and_gives_memory_back_when_closed(monkeypatch):
    import pipelines.store.memory as memory

    released = []
    monkeypatch.setattr(memory, "release_memory", lambda: released.append(True))
    with duckdb_session() as con:
        folder = Path(_setting(con, "temp_directory"))
        assert folder.is_dir()
        assert con.execute("select 42").fetchone()[0] == 42
    assert not folder.exists()
    assert released == [True]
    try:
        con.execute("select 1")
    except Exception as exc:  # duckdb.ConnectionException
        assert "closed" in str(exc).lower()
    else:
        raise AssertionError("the session's connection is still open")


def test_release_memory_trims_the_c_heap_where_the_c_library_can(monkeypatch):
    import pipelines.store.memory as memory

    calls = []

    class Libc:
        def malloc_trim(self, pad: int) -> int:
            calls.append(pad)
            return 1

    monkeypatch.setattr(memory, "_libc", lambda: Libc())
    release_memory()
    assert calls == [0]
    monkeypatch.setattr(memory, "_libc", lambda: object())  # a C library without it (musl)
    release_memory()
    monkeypatch.setattr(memory, "_libc", lambda: None)
    release_memory()
    assert calls == [0]
