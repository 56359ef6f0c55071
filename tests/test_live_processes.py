"""The live store across processes and threads, on SQLite and on PostgreSQL: two processes answering at once lose
nothing, two processes starting at once migrate once, an answer acknowledged before `kill -9` is there after it, a
hundred sessions share a few connections."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import threading

from evidence.live import database, session
from tests.live_store import (  # noqa: F401 (fixtures)
    FINDING,
    VERDICTS,
    child,
    live_fixture,
    postgres_cluster_fixture,
    postgres_url_fixture,
    token,
)


def started_room() -> session.Started:
    room = session.start()
    session.move(room.code, room.secret, 1, FINDING)
    return room


def test_two_processes_answering_at_once_lose_no_answer(live):
    room = started_room()
    writers = [child("answer", room.code, str(first), "80", stdout=subprocess.PIPE, stderr=subprocess.PIPE)
               for first in (0, 1000)]
    outputs = [writer.communicate(timeout=300) for writer in writers]
    assert [writer.returncode for writer in writers] == [0, 0], [err[-2000:] for _, err in outputs]
    assert [out.split().count("ok") for out, _ in outputs] == [80, 80]
    tally = session.tally(room.code, FINDING, VERDICTS)
    assert tally.n == 160 and sum(tally.counts.values()) == 160
    assert session.my_answer(room.code, token(1079), FINDING) == (VERDICTS[1079 % 3], "comment 1079")


def test_migrations_are_applied_once(live):
    assert database.store().applied == ["001_live_tables"]
    database.close_all()
    assert database.store().applied == []
    assert [row["name"] for row in database.store().rows("migrations_applied")] == ["001_live_tables"]


def test_two_processes_starting_at_once_migrate_once(live, tmp_path):
    go = tmp_path / "go"
    starters = [child("migrate", str(go), stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    for starter in starters:
        assert starter.stdout.readline().strip() == "ready"
    go.touch()
    outputs = [starter.communicate(timeout=120) for starter in starters]
    assert [starter.returncode for starter in starters] == [0, 0], [err[-2000:] for _, err in outputs]
    assert sorted(out.strip() for out, _ in outputs) == ["-", "001_live_tables"]
    assert database.store().applied == []
    assert [row["name"] for row in database.store().rows("migrations_applied")] == ["001_live_tables"]
    started_room()  # the tables are there and work


def test_an_acknowledged_answer_survives_kill_9(live):
    room = started_room()
    answering = child("answer", room.code, "0", "100000", stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    acknowledged = []
    for line in answering.stdout:
        acknowledged.append(int(line.split()[1]))
        if len(acknowledged) == 40:
            break
    os.kill(answering.pid, signal.SIGKILL)  # between answers or in the middle of one
    rest = answering.stdout.read()  # what it printed before it died: acknowledged too
    answering.wait(timeout=60)
    assert answering.returncode == -signal.SIGKILL and "done" not in rest
    acknowledged += [int(line.split()[1]) for line in rest.splitlines() if line.startswith("ok ")]
    database.close_all()  # the restart: a new pool, nothing kept in memory
    if live == "sqlite":
        with sqlite3.connect(database.target()) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    for n in acknowledged:
        assert session.my_answer(room.code, token(n), FINDING) == (VERDICTS[n % 3], f"comment {n}"), n
    assert session.tally(room.code, FINDING, VERDICTS).n >= len(acknowledged) >= 40
    session.answer(room.code, token(999_999), FINDING, "confirm", None, VERDICTS)  # the session goes on
    assert session.my_answer(room.code, token(999_999), FINDING) == ("confirm", None)


def test_a_hundred_sessions_share_a_few_connections(live):
    room = started_room()
    made = []
    store = database.store()
    backend_connect = store._backend.connect
    store.close()  # from here on, every connection the threads use is counted

    def counted():
        made.append(1)
        return backend_connect()

    store._backend.connect = counted
    errors = []

    def phone(n: int) -> None:
        try:
            session.join(room.code, token(n))
            session.answer(room.code, token(n), FINDING, VERDICTS[n % 3], None, VERDICTS)
            assert session.now(room.code).question_open
            assert session.my_answer(room.code, token(n), FINDING) == (VERDICTS[n % 3], None)
        except Exception as error:  # reported below, with the others
            errors.append(repr(error))

    threads = [threading.Thread(target=phone, args=(n,)) for n in range(100)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert errors == []
    assert 1 <= len(made) <= database.POOL_SIZE
    assert session.tally(room.code, FINDING, VERDICTS).n == 100
