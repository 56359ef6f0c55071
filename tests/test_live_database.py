"""The live store's SQL files and connections (evidence/live/database.py, queries/live/): one portable statement a
file, named and used; SQLite's settings; a lost PostgreSQL connection replaced; where the store is."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import psycopg
import pytest

from evidence.live import database, session
from evidence.settings import LIVE_DB_ENV, STATE_DIR_ENV
from tests.live_store import (  # noqa: F401 (fixtures)
    FINDING,
    VERDICTS,
    live_fixture,
    postgres_cluster_fixture,
    postgres_url_fixture,
    token,
)

REPO = Path(__file__).resolve().parent.parent
LIVE = REPO / "queries" / "live"
NAMED = sorted(LIVE.glob("*.sql"))
EVERY = sorted(LIVE.rglob("*.sql"))


@pytest.mark.parametrize("path", EVERY, ids=lambda path: str(path.relative_to(LIVE)))
def test_every_live_sql_file_starts_with_what_it_does(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert re.match(rf"-- {re.escape(path.stem)}: \w", first), first


@pytest.mark.parametrize("path", NAMED, ids=lambda path: path.name)
def test_a_named_statement_is_one_portable_statement(path):
    sql = database.without_comments(path.read_text(encoding="utf-8"))
    assert ";" not in sql.strip().rstrip(";")
    assert "::" not in sql and not re.search(r"\$\w|\?|RETURNING|AUTOINCREMENT|SERIAL|NOW\(\)", sql, re.I)
    assert database.statement(path.stem).params == frozenset(re.findall(r"(?<![:\w]):(\w+)", sql))


def test_every_named_statement_is_used_by_the_store():
    code = "".join(path.read_text(encoding="utf-8") for path in (REPO / "evidence" / "live").glob("*.py"))
    unused = [path.stem for path in EVERY
              if path.parent.name != "migrations" and f'"{path.relative_to(LIVE).with_suffix("").as_posix()}"'
              not in code]
    assert not unused


def test_parameters_become_psycopg_placeholders():
    sql = database.postgresql_text("-- x: :not_this\nSELECT a FROM t WHERE b = :code AND c LIKE '5%' AND d = :code")
    assert sql.strip() == "SELECT a FROM t WHERE b = %(code)s AND c LIKE '5%%' AND d = %(code)s"


def test_a_statement_refuses_missing_or_extra_parameters(live):
    with pytest.raises(database.StoreError, match="takes"):
        database.store().rows("session_get")
    with pytest.raises(database.StoreError, match="takes"):
        database.store().rows("session_get", code="QX7K3M", secret="x")
    with pytest.raises(database.StoreError, match="no queries/live/nothing.sql"):
        database.statement("nothing")


def test_the_default_store_is_a_sqlite_file_in_the_state_folder(tmp_path, monkeypatch):
    monkeypatch.setenv(STATE_DIR_ENV, str(tmp_path / "state"))
    monkeypatch.delenv(LIVE_DB_ENV, raising=False)
    database.close_all()
    try:
        assert database.target() == str(tmp_path / "state" / "live.sqlite3")
        assert database.store().kind == "sqlite" and (tmp_path / "state" / "live.sqlite3").is_file()
        conn = database.SQLite(database.target()).connect()
        pragmas = {name: conn.execute(f"PRAGMA {name}").fetchone()[0]
                   for name in ("journal_mode", "synchronous", "busy_timeout", "foreign_keys")}
        assert pragmas == {"journal_mode": "wal", "synchronous": 2, "busy_timeout": 5000, "foreign_keys": 1}
        conn.close()
    finally:
        database.close_all()


def test_a_setting_that_is_not_a_postgresql_url_is_refused(monkeypatch):
    monkeypatch.setenv(LIVE_DB_ENV, "mysql://somewhere/db")
    with pytest.raises(database.StoreError, match="not a postgresql:// URL"):
        database.target()


def test_a_lost_postgresql_connection_is_replaced(postgres_url, monkeypatch):
    monkeypatch.setenv(LIVE_DB_ENV, postgres_url)
    database.close_all()
    try:
        room = session.start()
        session.move(room.code, room.secret, 1, FINDING)
        assert database.store().kind == "postgresql"
        with psycopg.connect(postgres_url, autocommit=True) as admin:  # as a server restart would: every other
            ended = admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "  # connection cut
                                  "WHERE datname = current_database() AND pid <> pg_backend_pid()").fetchall()
        assert ended and all(row[0] for row in ended)
        assert session.now(room.code).question_open  # a read on a new connection
        session.answer(room.code, token(1), FINDING, "confirm", None, VERDICTS)  # and a write
        assert session.my_answer(room.code, token(1), FINDING) == ("confirm", None)
    finally:
        database.close_all()


def test_a_sqlite_write_is_committed_before_it_returns(live):
    room = session.start()
    session.move(room.code, room.secret, 1, FINDING)
    session.answer(room.code, token(1), FINDING, "qualify", "seen from outside", VERDICTS)
    if live == "sqlite":
        with sqlite3.connect(database.target()) as other:  # another connection sees it: nothing left uncommitted
            assert other.execute("SELECT choice, comment FROM live_answers").fetchall() == [
                ("qualify", "seen from outside")]
    else:
        with psycopg.connect(database.target()) as other:
            assert other.execute("SELECT choice, comment FROM live_answers").fetchall() == [
                ("qualify", "seen from outside")]
