"""What every view's page has: its title with the share box, a notice for link parameters it cannot use,
and, instead of a traceback, the page that lists what is wrong with a data folder."""

from __future__ import annotations

import base64
from pathlib import Path

import pandas as pd
import streamlit as st

from evidence.content import state
from evidence.content.markup import fmt
from evidence.data.validate import DataError
from evidence.ui import browser, chart_panel
from evidence.views import VIEWS

# The page icon as a data address, read once per process: given a file's path, st.set_page_config reads, hashes and
# registers the file again on every rerun of every view (a tenth of a rerun of the Evidence search).
ICON = "data:image/png;base64," + base64.b64encode(
    (Path(__file__).resolve().parents[2] / "assets" / "icon.png").read_bytes()).decode("ascii")


def header(title: str, charts: bool = True) -> None:
    """A view's title with its share link beside it (the link is the address bar, read in the browser), and on a view
    with `charts` the one toggle for their data and downloads."""
    # One flex block, not two columns: two blocks fewer on every rerun of every view.
    with st.container(horizontal=True, vertical_alignment="bottom", wrap=False, key="view-head"):
        st.title(title)
        browser.share_box()
    if charts:
        chart_panel.data_toggle()


def side_by_side(key: str, **options):
    """A block whose elements sit side by side on a laptop and stack on a phone (assets/app.css styles the "side-"
    keys): one block, where st.columns sends one for the row and one for each column."""
    return st.container(horizontal=True, gap="medium", key=f"side-{key}", **options)


def review_params(view: str) -> None:
    """Drop link parameters the view cannot use (its parameters and their checks are in evidence/views.py), with a
    small plain-text notice; never an exception."""
    params = {name: st.query_params.get_all(name) for name in st.query_params.keys()}
    unknown, malformed = state.review(params, VIEWS[view].validators())
    for name in unknown:
        del st.query_params[name]
    message = state.notice(unknown, malformed)
    if message:
        st.caption(fmt(":material/info: {}", message))


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
    st.error(fmt("The data in {} could not be loaded: {} problem(s). Fix them and reload the page; "
                 "`make validate` prints the same list.", Path(err.data_dir).name, len(err.problems)))
    st.dataframe(problems_frame(err), hide_index=True, width="stretch")
