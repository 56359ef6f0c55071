"""The live store's SQL files and connections (evidence/live/database.py, queries/live/): one portable statement a
file, named and used; SQLite's settings; a lost PostgreSQL connection replaced; where the store is."""

from __future__ import annotations

import re
import socket
import sqlite3
from pathlib import Path

import psycopg
import pytest

from evidence import settings
from evidence.live import database, session, statements
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
    sql = statements.without_comments(path.read_text(encoding="utf-8"))
    assert ";" not in sql.strip().rstrip(";")
    assert "::" not in sql and not re.search(r"\$\w|\?|RETURNING|AUTOINCREMENT|SERIAL|NOW\(\)", sql, re.I)
    assert statements.statement(path.stem).params == frozenset(re.findall(r"(?<![:\w]):(\w+)", sql))


def test_every_named_statement_is_used_by_the_store():
    code = "".join(path.read_text(encoding="utf-8") for path in (REPO / "evidence" / "live").glob("*.py"))
    unused = [path.stem for path in EVERY
              if path.parent.name != "migrations" and f'"{path.relative_to(LIVE).with_suffix("").as_posix()}"'
              not in code]
    assert not unused


def test_parameters_become_psycopg_placeholders():
    sql = statements.postgresql_text("-- x: :not_this\nSELECT a FROM t WHERE b = :code AND c LIKE '5%' AND d = :code")
    assert sql.strip() == "SELECT a FROM t WHERE b = %(code)s AND c LIKE '5%%' AND d = %(code)s"


def test_a_statement_refuses_missing_or_extra_parameters(live):
    with pytest.raises(statements.StoreError, match="takes"):
        database.store().rows("session_get")
    with pytest.raises(statements.StoreError, match="takes"):
        database.store().rows("session_get", code="QX7K3M", secret="x")
    with pytest.raises(statements.StoreError, match="no queries/live/nothing.sql"):
        statements.statement("nothing")


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
    with pytest.raises(statements.StoreError, match="not a postgresql:// URL"):
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


def test_a_store_that_cannot_answer_is_a_message_for_the_person(live):
    room = session.start()
    session.move(room.code, room.secret, 1, FINDING)
    if live == "sqlite":  # what SQLite raises once busy_timeout is over (not waited for here: no timed test)
        def locked(*args, **kwargs):
            raise sqlite3.OperationalError("database is locked")
    else:  # what PostgreSQL raises when the server cannot be reached, on both tries
        def locked(*args, **kwargs):
            raise psycopg.OperationalError("connection refused")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(database.store()._backend, "execute", locked)
        with pytest.raises(session.LiveError, match="The live store (is busy|cannot be reached); try again"):
            session.answer(room.code, token(1), FINDING, "confirm", None, VERDICTS)
    assert session.now(room.code).question_open  # and the store works again


def test_an_unreachable_postgresql_is_a_message_for_the_person(postgres_cluster, monkeypatch):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed = sock.getsockname()[1]  # nothing listens there once the socket is closed
    monkeypatch.setenv(LIVE_DB_ENV, f"postgresql://postgres@127.0.0.1:{closed}/nothing")
    database.close_all()
    with pytest.raises(database.Unavailable, match="cannot be reached"):
        session.now("QX7K3M")
    assert issubclass(database.Unavailable, session.LiveError)


def test_the_state_folder_is_outside_data_git_ignored_and_made_by_make_run(monkeypatch, tmp_path):
    monkeypatch.delenv(STATE_DIR_ENV, raising=False)
    assert settings.state_dir() == REPO / "state" != settings.DEFAULT_DATA_DIR
    monkeypatch.setenv(STATE_DIR_ENV, str(tmp_path / "elsewhere"))
    assert settings.state_dir() == tmp_path / "elsewhere"
    assert "state/" in (REPO / ".gitignore").read_text(encoding="utf-8").splitlines()
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    run = makefile[makefile.index("\nrun:"):].split("\n\n")[0]
    assert 'mkdir -p "$(STATE_DIR)"' in run and "STATE_DIR ?= $(or $(SME_STATE_DIR),state)" in makefile
    assert re.search(r"^test: .*\bpostgresql\b", makefile, re.M) and "\npostgresql:\n" in makefile


def test_the_server_prepares_the_store_at_start_up_and_a_store_it_cannot_reach_leaves_it_serving(
        monkeypatch, tmp_path, caplog):
    """app.py calls prepare() as the server starts: the SQLite file and its tables exist before any phone comes."""
    monkeypatch.setenv(STATE_DIR_ENV, str(tmp_path / "state"))
    monkeypatch.delenv(LIVE_DB_ENV, raising=False)
    database.close_all()
    database.prepare()
    made = sqlite3.connect(tmp_path / "state" / database.SQLITE_FILE)
    assert {"live_sessions", "live_answers", "live_migrations"} <= {
        name for (name,) in made.execute("select name from sqlite_master where type = 'table'")}
    made.close()
    database.close_all()
    monkeypatch.setenv(LIVE_DB_ENV, "mysql://somewhere")
    database.prepare()  # logs, never raises: the app serves on and live mode says what is wrong when used
    assert "not a postgresql:// URL" in caplog.text
    database.close_all()


def test_the_sqlite_file_is_readable_by_the_apps_user_alone(monkeypatch, tmp_path):
    monkeypatch.setenv(STATE_DIR_ENV, str(tmp_path / "state"))
    monkeypatch.delenv(LIVE_DB_ENV, raising=False)
    database.close_all()
    started = session.start()
    session.move(started.code, started.secret, 3, "finding:culture")
    session.answer(started.code, "participant-token-0001", "finding:culture", "confirm", "only in Asia",
                   ("confirm", "qualify", "disagree"))
    made = [path for path in (tmp_path / "state").iterdir() if path.name.startswith(database.SQLITE_FILE)]
    assert made and all(path.stat().st_mode & 0o077 == 0 for path in made), [oct(p.stat().st_mode) for p in made]
    database.close_all()
