"""The live store's connection: a SQLite file (WAL) in the state folder by default, PostgreSQL (psycopg 3) when
$SME_LIVE_DB is a postgresql:// URL; the migrations of queries/live/migrations/ applied once, at first use; the named
statements of queries/live/ run by name with `:name` parameters.

A process holds one store a target, with a small pool of its own (at most POOL_SIZE connections, whatever the number
of sessions: Streamlit runs each session in its own thread, and they take turns). Every write is one transaction
committed before `write` returns: on SQLite with synchronous=FULL, so an acknowledged answer is on disk."""

from __future__ import annotations

import logging
import os
import queue
import re
import sqlite3
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TypeVar

from evidence.live.checks import LiveError
from evidence.live.statements import (
    MIGRATIONS,
    Statement,
    StoreError,
    postgresql_text,
    statement,
    statements_of,
    without_comments,
)
from evidence.settings import LIVE_DB_ENV, state_dir

SQLITE_FILE = "live.sqlite3"
POOL_SIZE = 4
WAIT_SECONDS = 30
# Any constant of our own: the PostgreSQL advisory lock under which one process at a time applies the migrations.
MIGRATION_LOCK_KEY = 25_0025

BUSY = "The live store is busy; try again in a moment."
UNREACHABLE = "The live store cannot be reached; try again in a moment."
T = TypeVar("T")


class Unavailable(LiveError):
    """The store cannot answer now (every connection busy, SQLite's lock held too long, PostgreSQL unreachable):
    a LiveError, so the person sees a message and may try again."""


def target() -> str:
    """Where the live store is: $SME_LIVE_DB (a postgresql:// URL) or the SQLite file in the state folder."""
    value = os.environ.get(LIVE_DB_ENV, "").strip()
    if value.startswith(("postgresql://", "postgres://")):
        return value
    if value:
        raise StoreError(f"${LIVE_DB_ENV} is not a postgresql:// URL; leave it unset for the SQLite file")
    return str(state_dir() / SQLITE_FILE)


class SQLite:
    kind = "sqlite"

    def __init__(self, path: str):
        self.path = Path(path)

    def connect(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Readable by the app's user alone, whatever the umask (SQLite's -wal and -shm files take its permissions).
        with suppress(FileExistsError):
            os.close(os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        # One thread at a time uses a connection (the pool hands it out), so it may move between threads.
        conn = sqlite3.connect(self.path, timeout=5.0, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        for sql in statements_of(statement("sqlite/connect").sql):
            conn.execute(sql).fetchall()
        return conn

    def execute(self, conn, sql: str, params: dict | None) -> tuple[list[dict], int]:
        cursor = conn.execute(sql, params or {})
        rows = [dict(row) for row in cursor.fetchall()] if cursor.description else []
        return rows, cursor.rowcount

    def named(self, st: Statement) -> str:
        return st.sql

    @contextmanager
    def transaction(self, conn):
        conn.execute(statement("sqlite/begin_write").sql)  # the write lock at once: writers queue, never deadlock
        try:
            yield
        except BaseException:
            conn.rollback()
            raise
        conn.commit()

    def lock_migrations(self, tx: Tx) -> None:
        """BEGIN IMMEDIATE already holds the file's write lock: a second process waits for it."""

    def usable(self, conn) -> bool:
        return True

    def busy(self, error: BaseException) -> bool:
        """SQLite's lock still held by another writer after busy_timeout."""
        return isinstance(error, sqlite3.OperationalError) and ("locked" in str(error) or "busy" in str(error))

    def lost(self, error: BaseException) -> bool:
        return False


class PostgreSQL:
    kind = "postgresql"

    def __init__(self, url: str):
        self.url = url
        import psycopg  # only where PostgreSQL is used: the SQLite store starts without it

        self.psycopg = psycopg

    def connect(self):
        from psycopg.rows import dict_row

        return self.psycopg.connect(self.url, autocommit=True, row_factory=dict_row, connect_timeout=10)

    def execute(self, conn, sql: str, params: dict | None) -> tuple[list[dict], int]:
        cursor = conn.execute(sql, params)
        rows = cursor.fetchall() if cursor.description else []
        return rows, cursor.rowcount

    def named(self, st: Statement) -> str:
        return postgresql_text(st.sql)

    @contextmanager
    def transaction(self, conn):
        with conn.transaction():
            yield

    def lock_migrations(self, tx: Tx) -> None:
        tx.rows("postgresql/migration_lock", lock_key=MIGRATION_LOCK_KEY)

    def usable(self, conn) -> bool:
        return not conn.closed and not conn.broken

    def busy(self, error: BaseException) -> bool:
        return False

    def lost(self, error: BaseException) -> bool:
        """A connection lost (the server restarted, the network dropped): worth one more try on a new one."""
        return isinstance(error, self.psycopg.OperationalError | self.psycopg.InterfaceError)


class Tx:
    """The statements of one write transaction."""

    def __init__(self, backend, conn):
        self._backend, self._conn = backend, conn

    def rows(self, name: str, /, **params) -> list[dict]:
        st = statement(name)
        st.check(params)
        return self._backend.execute(self._conn, self._backend.named(st), params)[0]

    def run(self, name: str, /, **params) -> int:
        """Run a named statement; the number of rows it changed."""
        st = statement(name)
        st.check(params)
        return self._backend.execute(self._conn, self._backend.named(st), params)[1]

    def script(self, sql: str) -> None:
        """One statement of a migration, as written (DDL takes no parameters)."""
        self._backend.execute(self._conn, without_comments(sql), None)


class Store:
    """A live store: its pool of connections, its named statements, its migrations applied."""

    def __init__(self, backend, size: int = POOL_SIZE):
        self.kind = backend.kind
        self.pid = os.getpid()
        self._backend = backend
        self._idle: queue.LifoQueue = queue.LifoQueue()
        self._slots = threading.BoundedSemaphore(size)
        self.applied = self.write(self._migrate)

    @contextmanager
    def _connection(self):
        if not self._slots.acquire(timeout=WAIT_SECONDS):
            raise Unavailable(BUSY)
        conn = None
        try:
            with suppress(queue.Empty):
                conn = self._idle.get_nowait()
            if conn is None or not self._backend.usable(conn):
                self._close(conn)
                conn = self._backend.connect()
            yield conn
        finally:
            if conn is not None and self._backend.usable(conn):
                self._idle.put(conn)
            else:
                self._close(conn)
            self._slots.release()

    @staticmethod
    def _close(conn) -> None:
        if conn is not None:
            with suppress(Exception):
                conn.close()

    def _attempt(self, work: Callable[[object], T]) -> T:
        """Run work on a connection; once more on a new one when the connection was lost (PostgreSQL restarted)."""
        for attempt in (1, 2):
            try:
                with self._connection() as conn:
                    return work(conn)
            except Exception as error:
                if self._backend.busy(error):
                    raise Unavailable(BUSY) from error
                if not self._backend.lost(error):
                    raise
                self.close()  # the other idle connections went with it
                if attempt == 2:
                    raise Unavailable(UNREACHABLE) from error
        raise AssertionError("unreachable")

    def rows(self, name: str, /, **params) -> list[dict]:
        """The rows of a named statement (a read outside any write transaction)."""
        st = statement(name)
        st.check(params)
        return self._attempt(lambda conn: self._backend.execute(conn, self._backend.named(st), params)[0])

    def write(self, work: Callable[[Tx], T]) -> T:
        """work(tx) in one transaction, committed before this returns (run again whole if the connection was lost
        before the commit: every write of the session API may run twice without harm)."""
        def run(conn):
            with self._backend.transaction(conn):
                return work(Tx(self._backend, conn))
        return self._attempt(run)

    def _migrate(self, tx: Tx) -> list[str]:
        self._backend.lock_migrations(tx)
        tx.run("migrations_table")
        done = {row["name"] for row in tx.rows("migrations_applied")}
        applied = []
        for path in sorted(MIGRATIONS.glob("*.sql")):
            if path.stem in done:
                continue
            for sql in statements_of(path.read_text(encoding="utf-8")):
                tx.script(sql)
            tx.run("migration_record", name=path.stem, now_ms=time.time_ns() // 1_000_000)
            applied.append(path.stem)
        return applied

    def close(self) -> None:
        """Close the idle connections (those in use close when handed back broken, or stay for the next)."""
        while True:
            try:
                self._close(self._idle.get_nowait())
            except queue.Empty:
                return


_stores: dict[str, Store] = {}
_stores_lock = threading.Lock()


def store() -> Store:
    """The process's live store for the configured target, made (and migrated) at first use."""
    key = target()
    with _stores_lock:
        found = _stores.get(key)
        if found is None or found.pid != os.getpid():  # a forked child makes its own connections
            backend = PostgreSQL(key) if key.startswith(("postgresql://", "postgres://")) else SQLite(key)
            found = _stores[key] = Store(backend)
        return found


def prepare() -> None:
    """Create and migrate the live store now (the server calls it at start-up, in a thread of its own), so that the
    first phone does not; a store that cannot be reached is logged and the app serves on: live mode then says so."""
    try:
        store()
    except StoreError as err:  # a setting that is not a PostgreSQL URL
        logging.getLogger(__name__).error("The live store is not set up: %s", err)
    except (LiveError, OSError, sqlite3.Error) as err:
        logging.getLogger(__name__).error("The live store is not ready (%s): %s", target_label(), err)


def target_label() -> str:
    """Where the live store is, without a password."""
    key = target()
    return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", key)


def close_all() -> None:
    """Close every store of the process and forget them (tests; a process that ends)."""
    with _stores_lock:
        for found in _stores.values():
            found.close()
        _stores.clear()
