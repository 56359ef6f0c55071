"""Long lists where they are drawn (issue 26): the first rows, a *Show more* and a count of the rest, so what a rerun
sends grows with what a reader reads, not with what the data folder holds. At today's size every list is shorter
than its page, so nothing of this shows: the screen is as it was.

How many rows a list shows lives in the session (`<key>-shown`), as a chart's click does: a rerun keeps it, and other
filters (`given`) make another list, which starts again at its first page."""

from __future__ import annotations

import pyarrow as pa
import streamlit as st

from evidence.content.markup import fmt

ROWS = 100  # a table's page: longer than every table at today's size but the statements
STATEMENTS = 200  # the statements' page: today there are 175
ITEMS = 40  # a list's page in words (one markdown line an item): today's longest (a section's statements) is 28


def shown(key: str, page: int = ROWS, given: object = None) -> int:
    """How many rows the list `key` shows: a page, and a page more after each *Show more* while the filters that feed
    the list (`given`, any value that compares equal when they do) stay as they were."""
    if given is not None and st.session_state.get(f"{key}-given") != given:
        st.session_state[f"{key}-given"] = given
        st.session_state.pop(f"{key}-shown", None)
    return st.session_state.get(f"{key}-shown", page)


def head(data: pa.Table, key: str, columns: list[str] | None = None, page: int = ROWS) -> pa.Table:
    """The rows of `data` the list shows (its `columns` only: st.dataframe sends every column it is given); a slice,
    so nothing is copied."""
    cut = data.slice(0, shown(key, page))
    return cut.select([c for c in columns if c in cut.column_names]) if columns else cut


def _more(key: str, page: int) -> None:
    st.session_state[f"{key}-shown"] = shown(key, page) + page


def more(key: str, listed: int, total: int, noun: str, page: int = ROWS) -> None:
    """Under a list that shows `listed` of `total`: how many are not shown, and a button that shows a page more.
    Nothing when the list shows them all."""
    if listed >= total:
        return
    st.caption(fmt("The first {} of {} {}; {} more are not shown here (the Data view and the API have them all).",
                   f"{listed:,}", f"{total:,}", noun, f"{total - listed:,}"))
    st.button(fmt("Show {} more", f"{min(page, total - listed):,}"), key=f"{key}-more", icon=":material/expand_more:",
              on_click=_more, args=(key, page))
