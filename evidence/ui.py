"""What every page shares in Streamlit: the one cached database, and the bad-data page."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from evidence.db import Database, build_database, data_dir_from_env
from evidence.validate import DataError


@st.cache_resource(show_spinner="Loading the evidence base…")
def _database(data_dir: str) -> Database:
    return build_database(data_dir)


def database() -> Database:
    """The process's database for the configured data folder (built once, then shared)."""
    return _database(str(data_dir_from_env()))


def problems_frame(err: DataError) -> pd.DataFrame:
    # Strings throughout, so a problem without a line or column shows blank, not "None".
    return pd.DataFrame(
        [
            {"file": p.file, "line": "" if p.line is None else str(p.line), "column": p.column or "",
             "rule": p.rule, "problem": p.message}
            for p in err.problems
        ]
    )


def show_data_problems(err: DataError) -> None:
    """Instead of a traceback: the list of problems, each naming file, line, column and rule."""
    st.error(
        f"The data in `{err.data_dir}` could not be loaded: {len(err.problems)} problem(s). "
        "Fix them and reload the page; `make validate` prints the same list."
    )
    st.dataframe(problems_frame(err), hide_index=True, width="stretch")
