"""What prints: a static copy of each table, hidden on screen and shown on paper (Streamlit's tables are drawn on
a canvas that holds only the rows in view, so a printed table would stop after ten rows), and where the print styles
are (`assets/print.css`; the browser script of takeaway.py puts them on the page, with the printed pages' foot)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import pandas as pd
import pyarrow as pa
import streamlit as st

from evidence.query import cache
from evidence.settings import data_dir_from_env

# Tables the views draw are mostly cached objects (the same object on every rerun): their rows as JSON are kept in
# the one cache beside them (the object is held too, so its id is not reused), and a rerun builds no print copy
# twice.

STYLES = Path(__file__).resolve().parents[2] / "assets" / "print.css"


def _frame(data) -> pd.DataFrame:
    if isinstance(data, pa.Table):
        return data.to_pandas()
    return data if isinstance(data, pd.DataFrame) else pd.DataFrame(data)


def _cell(value) -> str:
    if hasattr(value, "__len__") and not isinstance(value, str):
        return ", ".join(str(v) for v in value)
    if value is None or pd.isna(value):
        return ""
    return str(value).replace("\n", " ")


def _header(column: str, headers: Mapping | None) -> str:
    """A column's heading: from `headers`, which may be the st.dataframe's own column_config (a label, or a column
    configuration with its label), else the column's name."""
    given = (headers or {}).get(column)
    if isinstance(given, Mapping):
        given = given.get("label")
    return given if isinstance(given, str) and given else column


def rows_json(data, columns: list[str] | None = None, headers: Mapping | None = None) -> bytes:
    """Every row of a table as plain text, the headers first: the JSON (UTF-8) the print copy is drawn from."""
    frame = _frame(data)
    columns = [c for c in (columns or list(frame.columns)) if c in frame.columns]
    return json.dumps({"headers": [_header(c, headers) for c in columns],
                       "rows": [[_cell(v) for v in row] for row in frame[columns].itertuples(index=False, name=None)]},
                      ensure_ascii=False).encode("utf-8")


_COMPONENT = st.components.v2.component(
    "sme_print_table",
    html='<div class="sme-print-table"></div>',
    js=(Path(__file__).with_name("print_view") / "print_table.js").read_text(encoding="utf-8"),
    # In the page's own DOM, so the print styles (assets/print.css) and the tests reach the table.
    isolate_styles=False,
)


def table(data, columns: list[str] | None = None, headers: Mapping | None = None,
          key: tuple | None = None) -> None:
    """A print-only copy of a table the view shows: all its rows, hidden on screen, headed as on screen when
    `headers` is the column_config the view gives st.dataframe. The copy is built once per table object, or per
    `key` (then `data` may be a function giving the table, called only to build it).

    One element whose rows go to the browser as JSON in bytes (its script writes them with textContent): a
    markdown table was dedented, parsed and drawn again on every rerun, a fifth of the Workshop's; bytes go as
    they are, where text would be encoded as JSON twice more on every rerun."""
    which = ("key", key) if key is not None else (id(data), tuple(columns or ()),
                                                  tuple((c, _header(c, headers)) for c in headers or ()))
    cache_key = (str(data_dir_from_env()), "print_view.table", which)
    made = cache.lookup(cache_key)
    if made is None or (key is None and made[0] is not data):
        made = (data, rows_json(data() if callable(data) else data, columns, headers))
        cache.remember(cache_key, made, len(made[1]) + 200)
    # The key names the class that hides it on screen; the text's hash keeps it the same across reruns.
    _COMPONENT(data=made[1], key=f"print-table-{hash(made[1]) & 0xFFFFFFFF:08x}")
