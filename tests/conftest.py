import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest

from evidence.data.db import build_database
from evidence.settings import DEFAULT_DATA_DIR, STATE_DIR_ENV

# Every app server a test starts creates its live store at start-up (app.py): in a folder of this test run, never
# in the checkout's state/ folder. A test that needs its own store sets SME_STATE_DIR itself.
os.environ.setdefault(STATE_DIR_ENV, tempfile.mkdtemp(prefix="sme-test-state-"))

REPORT = DEFAULT_DATA_DIR / "report.txt"


@pytest.fixture(scope="session")
def db():
    return build_database(DEFAULT_DATA_DIR)


@pytest.fixture(scope="session")
def schema_db():
    """The loading database itself, keys, checks and comments included (the app holds a compact copy)."""
    return build_database(DEFAULT_DATA_DIR, keep_schema=True)


@pytest.fixture(scope="session")
def report_text() -> str:
    """The report with every run of whitespace collapsed to one space."""
    return re.sub(r"\s+", " ", REPORT.read_text(encoding="utf-8"))


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A writable copy of the bundled data folder, to break in a test."""
    target = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, target)
    return target
