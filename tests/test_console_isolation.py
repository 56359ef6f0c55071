"""The console cannot change what anyone sees, nor take the server's memory: every write wrapped every way, from
one session, leaves every table as it was for another; the heaviest queries stay within the console's memory."""

import hashlib
import threading

import pytest

from evidence.data import formats as api_formats
from evidence.query.console import WORKERS, Console, unique_names
from evidence.query.console_worker import HEADROOM_MB
from evidence.settings import DEFAULT_DATA_DIR

WRITES = [
    "DELETE FROM themes",
    "DELETE FROM cases WHERE case_id IS NOT NULL",
    "UPDATE cases SET name = 'Forged Ltd'",
    "INSERT INTO themes SELECT * FROM themes",
    "DROP TABLE cases",
    "CREATE VIEW cases AS SELECT 'Forged Ltd' AS name",
    "CREATE TEMP VIEW cases AS SELECT 'Forged Ltd' AS name",
    "CREATE OR REPLACE TABLE themes AS SELECT * FROM themes LIMIT 0",
    "ALTER TABLE cases RENAME TO gone",
    "CREATE MACRO case_in_filter(a, b, c, d) AS TABLE SELECT 'Forged' AS case_id",
    "TRUNCATE themes",
    "COMMIT",
]
WRAPPINGS = {
    "plain": "{}",
    "explain": "EXPLAIN {}",
    "explain analyze": "EXPLAIN ANALYZE {}",
    "explain analyse, commented": "/* look */ EXPLAIN -- twice\n ANALYSE {}",
    "explain with options": "EXPLAIN (FORMAT json) {}",
    "prepared": "PREPARE change AS {}",
}
CTE_WRITES = [
    "WITH gone AS (DELETE FROM themes RETURNING *) SELECT count(*) AS n FROM gone",
    "WITH forged AS (UPDATE cases SET name = 'Forged Ltd' RETURNING *) SELECT * FROM forged",
    "WITH added AS (INSERT INTO themes SELECT * FROM themes RETURNING *) SELECT count(*) FROM added",
    "SELECT (WITH gone AS (DELETE FROM themes RETURNING 1) SELECT count(*) FROM gone) AS n",
    "EXPLAIN ANALYZE WITH gone AS (DELETE FROM themes RETURNING *) SELECT count(*) FROM gone",
]


@pytest.fixture(scope="module")
def console():
    console = Console(DEFAULT_DATA_DIR, row_limit=100_000, time_limit_s=5.0)
    yield console
    console.close()


def fingerprint(console) -> dict[str, str]:
    """Every table's rows, hashed, and the macro the views' filter uses, as the console shows them."""
    tables = console.run("SELECT table_name FROM duckdb_tables() ORDER BY table_name")
    assert tables.ok, tables.message
    out = {}
    for name in tables.table.column("table_name").to_pylist():
        answer = console.run(f'SELECT * FROM "{name}" ORDER BY ALL')
        assert answer.ok and not answer.cut, (name, answer.message)
        out[name] = hashlib.sha256(api_formats.csv_bytes(answer.table)).hexdigest()
    filtered = console.run("SELECT count(*) AS n FROM case_in_filter([], [], [], NULL)")
    out["case_in_filter"] = str(filtered.table.column("n").to_pylist())
    return out


def in_another_session(function):
    """Run `function` in another thread, as another Streamlit session would."""
    result = {}
    thread = threading.Thread(target=lambda: result.setdefault("value", function()))
    thread.start()
    thread.join()
    return result["value"]


def test_the_fingerprint_sees_every_table(console):
    before = fingerprint(console)
    assert len(before) >= 40 and "themes" in before and "cases" in before


@pytest.mark.parametrize("wrapping", WRAPPINGS)
def test_no_write_wrapped_any_way_changes_a_table_for_another_session(console, wrapping):
    before = in_another_session(lambda: fingerprint(console))
    for write in WRITES:
        answer = console.run(WRAPPINGS[wrapping].format(write))
        assert not answer.ok, (wrapping, write)
        refused = ("only reads", "not allowed", "cannot parse")  # refused before it runs (or not even parsed)
        assert any(reason in answer.message for reason in refused), (write, answer.message)
    assert in_another_session(lambda: fingerprint(console)) == before


@pytest.mark.parametrize("sql", CTE_WRITES)
def test_a_write_inside_a_select_is_refused_and_changes_nothing(console, sql):
    before = fingerprint(console)
    answer = console.run(sql)
    assert not answer.ok and "only reads" in answer.message
    assert any(word in answer.message for word in ("a DELETE", "an UPDATE", "an INSERT"))
    assert in_another_session(lambda: fingerprint(console)) == before


def test_a_prepared_write_cannot_be_executed_later():
    console = Console(DEFAULT_DATA_DIR, workers=1)  # one worker: the EXECUTE would reach the PREPARE's connection
    try:
        assert not console.run("PREPARE change AS DELETE FROM themes").ok
        answer = console.run("EXECUTE change")
        assert not answer.ok and "not allowed" in answer.message
        assert console.run("SELECT count(*) AS n FROM themes").table.column("n").to_pylist() == [17]
    finally:
        console.close()


def test_a_temporary_view_dies_with_its_query():
    console = Console(DEFAULT_DATA_DIR, workers=1)
    try:
        # Refused as written; and were one made, it would be rolled back with the query's own transaction.
        assert not console.run("CREATE TEMP VIEW cases AS SELECT 'Forged Ltd' AS name").ok
        names = console.run("SELECT name FROM cases ORDER BY name").table.column("name").to_pylist()
        assert len(names) == 12 and "Forged Ltd" not in names
    finally:
        console.close()


def test_explain_of_a_select_still_answers(console):
    for sql in ("EXPLAIN SELECT * FROM cases", "EXPLAIN ANALYZE SELECT count(*) FROM cases",
                "EXPLAIN (FORMAT json) SELECT 1", "SUMMARIZE themes", "WITH x AS (SELECT 1 AS a) SELECT * FROM x"):
        answer = console.run(sql)
        assert answer.ok, (sql, answer.message)


def test_the_console_names_no_file_of_the_server(console):
    answer = console.run("SELECT database_name, path FROM duckdb_databases()")
    assert answer.ok
    assert [path for path in answer.table.column("path").to_pylist() if path] == []


# ------------------------------------------------------------------------------ memory and time


def _peak_rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024


def test_two_memory_bombs_at_once_stay_within_the_console_memory():
    console = Console(DEFAULT_DATA_DIR, time_limit_s=30.0)
    try:
        # Warm both workers, and read what each holds before the bombs.
        warm = [threading.Thread(target=console.run, args=("SELECT count(*) FROM cases",)) for _ in range(WORKERS)]
        [thread.start() for thread in warm]
        [thread.join() for thread in warm]
        idle = {worker.process.pid: _peak_rss_mb(worker.process.pid) for worker in console._idle if worker}
        assert len(idle) == WORKERS
        answers = {}
        bombs = {"list": "SELECT list_sort(range(50000000)) AS l",
                 "wide": "SELECT repeat('x', 100000) AS s FROM range(5000)"}
        threads = [threading.Thread(target=lambda k=k, q=q: answers.setdefault(k, console.run(q)))
                   for k, q in bombs.items()]
        [thread.start() for thread in threads]
        [thread.join() for thread in threads]
        assert not answers["list"].ok and "more memory than the console gives" in answers["list"].message
        assert answers["wide"].ok and answers["wide"].cut_bytes and 0 < answers["wide"].table.num_rows < 5000
        grown = {pid: _peak_rss_mb(pid) - before for pid, before in idle.items() if _alive(pid)}
        assert all(growth < HEADROOM_MB for growth in grown.values()), grown
        assert console.run("SELECT count(*) AS n FROM cases").table.column("n").to_pylist() == [12]
    finally:
        console.close()


def _alive(pid: int) -> bool:
    try:
        open(f"/proc/{pid}/status").close()
        return True
    except OSError:
        return False


def test_more_queries_than_workers_are_told_the_console_is_busy():
    console = Console(DEFAULT_DATA_DIR, time_limit_s=4.0, workers=1)
    try:
        slow = threading.Thread(target=console.run, args=("SELECT count(*) FROM range(1000000000000) AS a",))
        slow.start()
        while not console._running:
            threading.Event().wait(0.05)
        answer = console.run("SELECT 1 AS one")
        slow.join()
        assert not answer.ok and "running 1 queries already" in answer.message
        assert console.run("SELECT 1 AS one").ok  # the stopped query's worker was replaced
    finally:
        console.close()


# ------------------------------------------------------------------------------ what the answer shows


def test_columns_of_one_name_are_told_apart(console):
    answer = console.run("SELECT 1 AS a, 2 AS a, 3 AS a_2")
    assert answer.ok and answer.table.column_names == ["a", "a_3", "a_2"] and answer.renamed == ("a_3",)
    joined = console.run("SELECT * FROM cases AS x JOIN cases AS y USING (case_id) LIMIT 1")
    assert joined.ok and len(set(joined.table.column_names)) == len(joined.table.column_names)
    assert "name_2" in joined.table.column_names and "name_2" in joined.renamed


def test_the_csv_keeps_the_data_types(console):
    answer = console.run("SELECT 2003::INTEGER AS year, NULL::INTEGER AS n, true AS yes "
                         "UNION ALL SELECT NULL, 1, false")
    assert api_formats.csv_bytes(answer.table).decode() == "year,n,yes\n2003,,true\n,1,false\n"
    assert str(answer.frame["year"].iloc[0]) == "2003"


def test_unique_names_leaves_unique_names_alone():
    assert unique_names(["a", "b"]) == (["a", "b"], ())
    assert unique_names(["a", "a", "a"]) == (["a", "a_2", "a_3"], ("a_2", "a_3"))
