"""Settings: where the repository and the data folder are, and the environment a child process of the package gets.

The lowest layer: standard library only, importing nothing of the package, so every layer may read it (and the
loading child, started first thing by app.py, costs nothing to import it)."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = REPO / "data"
DATA_DIR_ENV = "SME_EVIDENCE_DATA"


def data_dir_from_env() -> Path:
    """The data folder: $SME_EVIDENCE_DATA if set (e.g. a later survey wave), else the bundled data/."""
    value = os.environ.get(DATA_DIR_ENV, "").strip()
    return Path(value) if value else DEFAULT_DATA_DIR


def child_env() -> dict[str, str]:
    """The environment of a child process that imports this package (the loader, the console's workers)."""
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
