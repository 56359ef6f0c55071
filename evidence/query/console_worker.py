"""The SQL console's worker: a child process that answers console queries from a read-only copy of the tables.

`python -m evidence.query.console_worker DATABASE_FILE` copies the file's tables into memory, locks DuckDB down (no
files, no network, no extensions, one thread, a memory limit, configuration locked), caps its own address space, then
answers queries one at a time: a request is a length-prefixed UTF-8 query on stdin, an answer a length-prefixed
pickle on stdout. Each query runs in a transaction of its own on a fresh cursor, rolled back and closed after it, so
nothing a query does (a deleted row, a temporary view, a prepared statement) outlives it; a query that ended its
transaction stops the worker instead. Each worker has its own copy, so no query reaches another's. Rows stream out in
small Arrow batches and stop at the row and byte limits before they are gathered: a huge answer is never held.
The server kills a worker that runs past the time limit or dies (evidence/query/console.py) and starts another.
The statements that ready a worker are queries/console_setup.sql.
"""

from __future__ import annotations

import os
import pickle
import resource
import select
import struct
import subprocess
import sys
import time
from pathlib import Path

from evidence import settings

HEADER = struct.Struct(">I")
BATCH_ROWS = 64
MEMORY_LIMIT_MB = 256  # DuckDB's own bound (what its buffer manager tracks)
HEADROOM_MB = 448  # the address space a query may add to the worker's, past which any allocation fails



def read_message(stream) -> bytes | None:
    """One length-prefixed message, or None at the end of the stream."""
    head = stream.read(HEADER.size)
    if len(head) < HEADER.size:
        return None
    return stream.read(HEADER.unpack(head)[0])


def write_message(stream, payload: bytes) -> None:
    stream.write(HEADER.pack(len(payload)) + payload)
    stream.flush()


def _cap_address_space() -> None:
    """Allocations past the worker's present size plus HEADROOM_MB fail (DuckDB answers Out of Memory): DuckDB's
    memory limit does not cover every allocation (a list built by range() is outside it)."""
    with open("/proc/self/status", encoding="ascii") as status:
        size_kb = next(int(line.split()[1]) for line in status if line.startswith("VmSize:"))
    limit = size_kb * 1024 + HEADROOM_MB * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _fitting(batch, budget: int):
    """The longest head of `batch` whose Arrow size is within `budget` bytes."""
    low, high = 0, batch.num_rows
    while low < high:
        middle = (low + high + 1) // 2
        if batch.slice(0, middle).nbytes <= budget:
            low = middle
        else:
            high = middle - 1
    return batch.slice(0, low)


class Tainted(Exception):
    """A query ended the transaction it ran in: what it did may outlive it, so the worker stops."""


def answer(connection, sql: str, row_limit: int, byte_limit: int) -> dict:
    """Rows (Arrow IPC) up to the limits, or the error DuckDB gave. The query runs in a transaction of its own on a
    fresh cursor, rolled back and closed after it; if it cannot be rolled back, the worker stops (Tainted)."""
    import duckdb
    import pyarrow as pa

    started = time.perf_counter()
    cursor = connection.cursor()
    cursor.begin()
    try:
        reader = cursor.sql(sql).to_arrow_reader(BATCH_ROWS) if sql else None
        schema = reader.schema if reader is not None else pa.schema([])
        batches, rows, size, cut, cut_bytes, first_row = [], 0, 0, False, False, None
        for batch in reader or ():
            if rows + batch.num_rows > row_limit:
                batch, cut = batch.slice(0, row_limit - rows), True
            if size + batch.nbytes > byte_limit:
                if rows == 0 and batch.num_rows:
                    first_row = batch.slice(0, 1).nbytes
                batch, cut, cut_bytes = _fitting(batch, byte_limit - size), True, True
            batches.append(batch)
            rows, size = rows + batch.num_rows, size + batch.nbytes
            if cut:
                break
        if cut_bytes and rows == 0:
            return {"error": None, "too_wide": first_row, "seconds": time.perf_counter() - started}
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, schema) as writer:
            for batch in batches:
                writer.write_batch(batch)
        return {"ipc": sink.getvalue().to_pybytes(), "cut": cut, "cut_bytes": cut_bytes,
                "seconds": time.perf_counter() - started}
    except (duckdb.Error, MemoryError, OSError, pa.ArrowException) as err:
        memory = isinstance(err, MemoryError | duckdb.OutOfMemoryException) or "Out of Memory" in str(err)
        return {"error": str(err) or type(err).__name__, "memory": memory, "seconds": time.perf_counter() - started}
    finally:
        try:
            cursor.rollback()
        except duckdb.Error as err:
            if "no transaction is active" in str(err):
                raise Tainted from err
        finally:
            cursor.close()


# ------------------------------------------------------------------------------ the server's end


class Handle:
    """The server's end: one worker process and its pipes."""

    def __init__(self, database: Path):
        self.process = subprocess.Popen([sys.executable, "-m", "evidence.query.console_worker", str(database)],
                                        cwd=settings.REPO, env=settings.child_env(), stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        if self._read(time.monotonic() + 60) != b"ready":
            self.kill()
            raise RuntimeError("the SQL console's worker did not start")

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        if self.alive():
            self.process.kill()
        self.process.wait()
        for pipe in (self.process.stdin, self.process.stdout):
            pipe.close()

    def _read_exactly(self, count: int, deadline: float) -> bytes | None:
        chunks, wanted, fd = [], count, self.process.stdout.fileno()
        while wanted:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                return None
            chunk = os.read(fd, min(wanted, 1 << 20))
            if not chunk:  # the worker died
                return None
            chunks.append(chunk)
            wanted -= len(chunk)
        return b"".join(chunks)

    def _read(self, deadline: float) -> bytes | None:
        head = self._read_exactly(HEADER.size, deadline)
        return None if head is None else self._read_exactly(HEADER.unpack(head)[0], deadline)

    def ask(self, request: dict, deadline: float) -> dict | None:
        """The worker's answer, or None if it missed the deadline or died."""
        payload = pickle.dumps(request)
        try:
            self.process.stdin.write(HEADER.pack(len(payload)) + payload)
            self.process.stdin.flush()
        except (BrokenPipeError, OSError):
            return None
        reply = self._read(deadline)
        return None if reply is None else pickle.loads(reply)


# ------------------------------------------------------------------------------ the worker


def main(argv: list[str]) -> int:
    import duckdb

    from evidence.data import queries

    connection = duckdb.connect(":memory:", config={"threads": 1, "memory_limit": f"{MEMORY_LIMIT_MB}MB"})
    for statement in duckdb.extract_statements(queries.ddl("console_setup")):  # the copy, then the lock-down
        takes_path = "path" in queries.parameters_of(statement.query)
        connection.execute(statement.query, {"path": argv[0]} if takes_path else None)
    answer(connection, "SELECT 1", 1, 1_000)  # warm: the first query's one-time allocations happen before the cap
    _cap_address_space()
    inbox, outbox = sys.stdin.buffer, sys.stdout.buffer
    write_message(outbox, b"ready")
    while (message := read_message(inbox)) is not None:
        request = pickle.loads(message)
        try:
            reply = answer(connection, request["sql"], request["rows"], request["bytes"])
        except Tainted:
            return 3  # the server sees the worker gone, says so, and starts a fresh one for the next query
        write_message(outbox, pickle.dumps(reply))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
