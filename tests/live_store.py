"""The live store's test fixture: each test on a fresh store, once on SQLite (a file in the test's temporary folder)
and once on PostgreSQL (a fresh database in a throwaway cluster, tests/live_postgres.py); the rate limits reset."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from evidence.live import database, limits
from evidence.settings import LIVE_DB_ENV, STATE_DIR_ENV
from tests.live_postgres import postgres_cluster_fixture, postgres_url_fixture  # noqa: F401 (fixtures)

REPO = Path(__file__).resolve().parent.parent
BACKENDS = ["sqlite", "postgresql"]
FINDING = "finding:growth"
VERDICTS = ("confirm", "qualify", "disagree")


@pytest.fixture(params=BACKENDS, name="live")
def live_fixture(request, tmp_path, monkeypatch) -> str:
    """The backend's name; the environment points the live store at a fresh database of it."""
    if request.param == "sqlite":
        monkeypatch.setenv(STATE_DIR_ENV, str(tmp_path / "state"))
        monkeypatch.delenv(LIVE_DB_ENV, raising=False)
    else:
        monkeypatch.setenv(LIVE_DB_ENV, request.getfixturevalue("postgres_url"))
    database.close_all()
    limits.reset()
    yield request.param
    database.close_all()
    limits.reset()


@pytest.fixture(name="sqlite_store")
def sqlite_store_fixture(tmp_path, monkeypatch) -> None:
    """A fresh SQLite live store in the test's own folder (nothing written into the tree); the limits reset."""
    monkeypatch.setenv(STATE_DIR_ENV, str(tmp_path / "state"))
    monkeypatch.delenv(LIVE_DB_ENV, raising=False)
    database.close_all()
    limits.reset()
    yield
    database.close_all()
    limits.reset()


def token(n: int) -> str:
    """A participant's token, as the cookie holds it (16 characters or more)."""
    return f"participant-token-{n:06d}"


def every_text_value() -> list[str]:
    """Every text value in every table of the configured live store (the test's own SQL, outside the app)."""
    target = database.target()
    values: list[str] = []
    if target.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(target) as conn:
            tables = [row[0] for row in conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")]
            for table in tables:
                for row in conn.execute(f"SELECT * FROM {table}"):
                    values += [str(value) for value in row if value is not None]
        return values
    with sqlite3.connect(target) as conn:
        tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            for row in conn.execute(f"SELECT * FROM {table}"):
                values += [str(value) for value in row if value is not None]
    return values


def columns_of_every_table() -> dict[str, list[str]]:
    target = database.target()
    if target.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(target) as conn:
            out: dict[str, list[str]] = {}
            for table, column in conn.execute(
                    "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'"):
                out.setdefault(table, []).append(column)
            return out
    with sqlite3.connect(target) as conn:
        tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {table: [row[1] for row in conn.execute(f"PRAGMA table_info({table})")] for table in tables}


def child(*args: str, **popen) -> subprocess.Popen:
    """`python -m tests.live_child ARGS` with this test's store in its environment."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    return subprocess.Popen([sys.executable, "-m", "tests.live_child", *args], cwd=REPO, env=env, text=True, **popen)
