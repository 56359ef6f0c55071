"""What prints: a static copy of each table, hidden on screen and shown on paper (Streamlit's tables are drawn on
a canvas that holds only the rows in view, so a printed table would stop after ten rows), and where the print styles
are (`assets/print.css`; the browser script of takeaway.py puts them on the page, with the printed pages' foot)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
import streamlit as st

from evidence import cache
from evidence.loader import data_dir_from_env
from evidence.markup import md

# Tables the views draw are mostly cached objects (the same object on every rerun): their markdown is kept in
# the one cache beside them (the object is held too, so its id is not reused), and a rerun builds no print copy
# twice.

STYLES = Path(__file__).resolve().parent.parent / "assets" / "print.css"


def _frame(data) -> pd.DataFrame:
    if isinstance(data, pa.Table):
        return data.to_pandas()
    return data if isinstance(data, pd.DataFrame) else pd.DataFrame(data)


def _cell(value) -> str:
    if hasattr(value, "__len__") and not isinstance(value, str):
        return md(", ".join(str(v) for v in value))
    if value is None or pd.isna(value):
        return ""
    return md(str(value).replace("\n", " "))


def markdown_table(data, columns: list[str] | None = None, headers: dict[str, str] | None = None) -> str:
    """Every row of a table as one escaped markdown table (data text stays text)."""
    frame = _frame(data)
    columns = [c for c in (columns or list(frame.columns)) if c in frame.columns]
    headers = headers or {}
    lines = ["| " + " | ".join(md(headers.get(c, c)) for c in columns) + " |",
             "| " + " | ".join("---" for _ in columns) + " |"]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |"
              for row in frame[columns].itertuples(index=False, name=None)]
    return "\n".join(lines)


def table(data, columns: list[str] | None = None, headers: dict[str, str] | None = None,
          key: tuple | None = None) -> None:
    """A print-only copy of a table the view shows: all its rows, hidden on screen. The copy is built once per
    table object, or per `key` (then `data` may be a function giving the table, called only to build it)."""
    which = ("key", key) if key is not None else (id(data), tuple(columns or ()),
                                                  tuple(sorted((headers or {}).items())))
    cache_key = (str(data_dir_from_env()), "print_view.table", which)
    made = cache.lookup(cache_key)
    if made is None or (key is None and made[0] is not data):
        made = (data, markdown_table(data() if callable(data) else data, columns, headers))
        cache.remember(cache_key, made, len(made[1]) * 2 + 200)
    # The key names the CSS class that hides it on screen; the text's hash keeps it the same across reruns.
    with st.container(key=f"print-table-{hash(made[1]) & 0xFFFFFFFF:08x}"):
        st.markdown(made[1])
