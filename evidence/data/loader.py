"""Loading the data folder in a child process, started as early as possible.

The loading (parsing every CSV with the schema's types, enforcing every key and check in DuckDB) runs in
`python -m evidence.data.loader DIR` (this module's entry point, below), so the key indexes it needs (~100 MB)
never enter the server's memory; the server gets the checked tables back as Arrow. `app.py` starts the child
before it imports anything heavy, so the two processes import their libraries at the same time (the cold start
is shorter by about a second). Standard library only, so importing this module costs nothing.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
import threading
from pathlib import Path

from evidence.settings import REPO, child_env, data_dir_from_env

_lock = threading.Lock()
_pending: dict[str, subprocess.Popen] = {}
_loaded: set[str] = set()


def _spawn(data_dir: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "evidence.data.loader", str(data_dir)], cwd=REPO,
                            env=child_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def start(data_dir: Path | None = None) -> None:
    """Start loading `data_dir` in the background, unless it is loading or has been loaded in this process."""
    key = str(data_dir or data_dir_from_env())
    with _lock:
        if key not in _pending and key not in _loaded:
            _pending[key] = _spawn(Path(key))


def result(data_dir: Path, timeout_s: float = 300):
    """The child's answer for `data_dir` (starting it if nobody has): (tables, counts, problems), or None and
    the child's last error line if it failed."""
    key = str(data_dir)
    with _lock:
        child = _pending.pop(key, None) or _spawn(Path(key))
        _loaded.add(key)
    out, err = child.communicate(timeout=timeout_s)
    if child.returncode != 0:
        lines = err.decode("utf-8", "replace").strip().splitlines()
        return None, lines[-1] if lines else f"exit code {child.returncode}"
    return pickle.loads(out), None


def main(argv: list[str]) -> int:
    """The loading child: check the data folder and write (tables, counts, problems), pickled, to stdout."""
    from evidence.data.validate import validated_tables  # the heavy imports happen in the child only

    sys.stdout.buffer.write(pickle.dumps(validated_tables(Path(argv[0]))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
