"""Loading the data folder in a child process, started as early as possible.

The loading (parsing every CSV with the schema's types, enforcing every key and check in DuckDB) runs in
`python -m evidence.data.loader DIR` (this module's entry point, below), so the key indexes it needs (~100 MB)
never enter the server's memory; the server gets the checked tables back as Arrow. `app.py` starts the child
before it imports anything heavy, so the two processes import their libraries at the same time (the cold start
is shorter by about a second). Standard library only, so importing this module costs nothing.

A folder that loaded without a problem is kept, as the child's answer, in the state folder (`cache/`), named by
the folder's files (names, sizes, times) and the loading code's (evidence/data/, queries/): the next start of the
server with the same files and code reads it back instead of checking the folder again, and spares the busy first
seconds the child's CPU (a second of it on this 2-core machine). A changed file or code gives another name.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import subprocess
import sys
import threading
from pathlib import Path

from evidence.settings import REPO, child_env, data_dir_from_env, state_dir

_lock = threading.Lock()
_pending: dict[str, subprocess.Popen] = {}
_loaded: set[str] = set()
KEEP = 4  # answers kept in the state folder's cache/, the newest first


def _spawn(data_dir: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "evidence.data.loader", str(data_dir)], cwd=REPO,
                            env=child_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _kept(data_dir: Path) -> Path | None:
    """Where the answer for `data_dir` as its files are now is kept between starts; None if a file cannot be read."""
    digest = hashlib.sha256(f"{sys.version}\0{Path(data_dir).resolve()}".encode())
    try:
        for folder in (Path(data_dir), Path(__file__).parent, REPO / "queries"):
            with os.scandir(folder) as entries:
                for entry in sorted(entries, key=lambda entry: entry.name):
                    if entry.is_file():
                        stat = entry.stat()
                        digest.update(f"{folder}\0{entry.name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    except OSError:
        return None
    return state_dir() / "cache" / f"tables-{digest.hexdigest()[:32]}.pickle"


def _keep(kept: Path | None, out: bytes) -> None:
    """Keep a folder's answer (written whole, then renamed, so no reader sees half of it); a read-only state folder
    only means the next start checks the folder again."""
    if kept is None:
        return
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        partial = kept.with_name(f"{kept.name}.{os.getpid()}.partial")
        partial.write_bytes(out)
        os.replace(partial, kept)
        # The newest few answers stay (a folder or two, a code change); older ones would only fill the disk.
        older = sorted(kept.parent.glob("tables-*.pickle"), key=lambda path: path.stat().st_mtime, reverse=True)
        for path in older[KEEP:]:
            path.unlink(missing_ok=True)
    except OSError:
        pass


def start(data_dir: Path | None = None) -> None:
    """Start loading `data_dir` in the background, unless it is loading or has been loaded in this process, or
    its answer is kept from an earlier start."""
    key = str(data_dir or data_dir_from_env())
    kept = _kept(Path(key))
    if kept is not None and kept.is_file():
        return
    with _lock:
        if key not in _pending and key not in _loaded:
            _pending[key] = _spawn(Path(key))


def result(data_dir: Path, timeout_s: float = 300):
    """The child's answer for `data_dir` (starting it if nobody has): (tables, counts, problems), or None and
    the child's last error line if it failed."""
    key, kept = str(data_dir), _kept(Path(data_dir))
    with _lock:
        child = _pending.pop(key, None)
        _loaded.add(key)
    if child is None and kept is not None and kept.is_file():
        try:
            return pickle.loads(kept.read_bytes()), None
        except (OSError, EOFError, pickle.UnpicklingError):
            pass  # unreadable: check the folder again
    child = child or _spawn(Path(key))
    out, err = child.communicate(timeout=timeout_s)
    if child.returncode != 0:
        lines = err.decode("utf-8", "replace").strip().splitlines()
        return None, lines[-1] if lines else f"exit code {child.returncode}"
    answer = pickle.loads(out)
    if not answer[2]:  # no problem: kept for the next start (a folder with problems is checked again)
        _keep(kept, out)
    return answer, None


def main(argv: list[str]) -> int:
    """The loading child: check the data folder and write (tables, counts, problems), pickled, to stdout."""
    from evidence.data.validate import validated_tables  # the heavy imports happen in the child only

    sys.stdout.buffer.write(pickle.dumps(validated_tables(Path(argv[0]))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
