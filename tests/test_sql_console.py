"""The SQL console refuses or cuts every hostile input with a clear message, and touches no file."""

import re
import threading
import time
from pathlib import Path

import pytest

from evidence.query.console import MAX_SQL_CHARS, Console
from evidence.settings import DEFAULT_DATA_DIR

SECRET = Path("/etc/passwd")


@pytest.fixture(scope="module")
def console():
    return Console(DEFAULT_DATA_DIR, row_limit=1000, time_limit_s=2.0)


@pytest.fixture
def canary(tmp_path):
    """A file outside the data folder that hostile queries try to read or write."""
    target = tmp_path / "canary"
    return target


HOSTILE_READS = [
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT * FROM read_csv_auto('/etc/passwd')",
    "SELECT * FROM read_text('/etc/passwd')",
    "SELECT * FROM read_blob('/etc/passwd')",
    "SELECT * FROM read_json('/etc/passwd')",
    "SELECT * FROM read_json_auto('/etc/passwd')",
    "SELECT * FROM read_parquet('/etc/passwd')",
    "SELECT * FROM sniff_csv('/etc/passwd')",
    "SELECT * FROM '/etc/passwd'",
    "SELECT * FROM glob('/etc/*')",
    "SELECT * FROM read_csv('data/cases.csv')",
    "SELECT * FROM read_csv('https://example.org/x.csv')",
]


@pytest.mark.parametrize("sql", HOSTILE_READS)
def test_no_file_can_be_read(console, sql):
    answer = console.run(sql)
    assert not answer.ok
    # Refused by the lock (file system access disabled), or a path is not taken as a table at all.
    assert any(reason in answer.message for reason in ("disabled by configuration", "not allowed", "does not exist"))


@pytest.mark.parametrize("template", [
    "COPY (SELECT * FROM cases) TO '{path}'",
    "COPY cases TO '{path}' (FORMAT parquet)",
    "EXPORT DATABASE '{path}'",
    "ATTACH '{path}' AS other",
    "CREATE TABLE t AS SELECT * FROM read_csv('{path}')",
])
def test_no_file_can_be_written_or_attached(console, canary, template):
    answer = console.run(template.format(path=canary))
    assert not answer.ok and "not allowed" in answer.message
    assert not canary.exists()


@pytest.mark.parametrize("sql", [
    "INSTALL httpfs", "LOAD httpfs", "FORCE INSTALL httpfs",
    "SET enable_external_access = true", "SET lock_configuration = false", "RESET enable_external_access",
    "PRAGMA enable_profiling", "PRAGMA threads = 8", "SET memory_limit = '100GB'",
    "CALL pragma_version()",
])
def test_no_extension_and_no_setting_can_be_changed(console, sql):
    answer = console.run(sql)
    assert not answer.ok and "not allowed" in answer.message
    assert console.run("SELECT current_setting('enable_external_access') AS v").frame["v"][0] == False  # noqa: E712


@pytest.mark.parametrize("sql", [
    "DROP TABLE cases", "DELETE FROM cases", "UPDATE cases SET name = 'x'", "INSERT INTO themes VALUES ('a','b','c')",
    "CREATE TABLE x (a INT)", "CREATE MACRO evil() AS 1", "ALTER TABLE cases ADD COLUMN x INT",
])
def test_nothing_can_be_changed(console, sql):
    answer = console.run(sql)
    assert not answer.ok and "not allowed" in answer.message
    assert console.run("SELECT count(*) AS n FROM cases").frame["n"][0] == 12


@pytest.mark.parametrize("sql", [
    "SELECT 1; DROP TABLE cases",
    "SELECT 1; SELECT 2",
    "SELECT * FROM cases; COPY cases TO '/tmp/x.csv'",
])
def test_one_statement_at_a_time(console, sql):
    answer = console.run(sql)
    assert not answer.ok and "One statement at a time" in answer.message


def test_millions_of_rows_are_cut_with_a_notice(console):
    answer = console.run("SELECT * FROM range(5000000)")
    assert answer.ok and answer.cut and len(answer.frame) == 1000


@pytest.mark.parametrize("sql", ["SELEC 1", "SELECT * FROM nowhere", "SELECT (", "", "   ", "SELECT 'unclosed"])
def test_malformed_sql_gets_a_clear_message(console, sql):
    answer = console.run(sql)
    assert not answer.ok
    assert answer.message.startswith(("DuckDB", "Type a query"))
    assert "Traceback" not in answer.message


def test_very_long_input_is_refused(console):
    answer = console.run("SELECT 1 " + " " * MAX_SQL_CHARS)
    assert not answer.ok and "at most" in answer.message


def test_a_normal_query_answers(console):
    answer = console.run("SELECT name, typology_id FROM cases WHERE typology_id = 'born_global' ORDER BY name")
    assert answer.ok and not answer.cut
    assert list(answer.frame["name"]) == ["Numeca", "Ticketbis", "WEPROG", "poLight"]


def test_a_query_that_would_run_for_minutes_is_stopped_while_a_second_session_answers(console):
    warm = [threading.Thread(target=console.run, args=("SELECT 1 AS warm",)) for _ in range(2)]
    [thread.start() for thread in warm]  # both workers ready, as on a console in use
    [thread.join() for thread in warm]
    results, long_done = {}, threading.Event()

    def long_query():
        results["long"] = console.run("SELECT count(*) FROM range(1000000000000) AS a")
        long_done.set()

    worker = threading.Thread(target=long_query)
    worker.start()
    while not console._running:  # the long query is in its worker
        time.sleep(0.01)
    quick = console.run("SELECT count(*) AS n FROM survey_items")
    answered_while_the_long_one_ran = not long_done.is_set()
    worker.join()
    assert quick.ok and quick.frame["n"][0] == 42
    assert answered_while_the_long_one_ran  # in its own worker, not after the long one
    assert not results["long"].ok and "stopped after 2 seconds" in results["long"].message
    assert console.run("SELECT 1 AS after").ok  # the stopped query's worker was replaced


def test_the_secret_file_exists_so_the_read_tests_mean_something():
    assert SECRET.exists()


@pytest.mark.parametrize("sql", [
    "SELECT name, value FROM duckdb_settings()",
    "SELECT current_setting('secret_directory') || current_setting('temp_directory') || "
    "current_setting('home_directory') || current_setting('extension_directory') AS paths",
    "SELECT * FROM duckdb_temporary_files()",
])
def test_the_console_reveals_no_folder_of_the_server(console, sql):
    answer = console.run(sql)
    shown = answer.frame.to_csv(index=False) if answer.ok else answer.message
    for folder in {str(Path.home()), str(Path.cwd()), str(DEFAULT_DATA_DIR), "/tmp", ".tmp", "/root"}:
        assert folder not in shown, (sql, folder)


def test_one_huge_cell_is_refused_with_a_notice(console):
    # Just over the limit: a 50 MB cell is refused the same way, but may take the console's 2 s on a busy machine.
    answer = console.run("SELECT repeat('x', 5000001) AS big")
    assert not answer.ok and "at most 5,000,000" in answer.message
    assert re.search(r"first row of this answer is 5,000,0\d\d bytes", answer.message)  # the cell and its offsets


def test_many_large_rows_are_cut_at_the_byte_limit(console):
    answer = console.run("SELECT repeat('x', 6000) AS wide FROM range(900)")  # 5.4 million characters
    assert answer.ok and answer.cut and answer.cut_bytes
    assert 0 < len(answer.frame) < 900
    assert answer.frame["wide"].str.len().sum() <= 5_000_000
