"""Settings: where the repository and the data folder are, and the environment a child process of the package gets.

The lowest layer: standard library only, importing nothing of the package, so every layer may read it (and the
loading child, started first thing by app.py, costs nothing to import it)."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = REPO / "data"
DATA_DIR_ENV = "SME_EVIDENCE_DATA"
# The live mode's state (issue 25): a folder outside data/, git-ignored, that `make run` creates; the live store is
# a SQLite file in it unless $SME_LIVE_DB names a PostgreSQL database (postgresql://user@host:port/db).
STATE_DIR_ENV = "SME_STATE_DIR"
DEFAULT_STATE_DIR = REPO / "state"
LIVE_DB_ENV = "SME_LIVE_DB"


def data_dir_from_env() -> Path:
    """The data folder: $SME_EVIDENCE_DATA if set (e.g. a later survey wave), else the bundled data/."""
    value = os.environ.get(DATA_DIR_ENV, "").strip()
    return Path(value) if value else DEFAULT_DATA_DIR


def state_dir() -> Path:
    """The state folder: $SME_STATE_DIR if set, else state/ beside the code (never data/: the report's data is read
    only)."""
    value = os.environ.get(STATE_DIR_ENV, "").strip()
    return Path(value) if value else DEFAULT_STATE_DIR


def child_env() -> dict[str, str]:
    """The environment of a child process that imports this package (the loader, the console's workers)."""
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
