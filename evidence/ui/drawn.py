"""The charts each view drew in this session, for its brief: ui/chart_panel.py reports each chart it draws, the
view's *Take it away* section (takeaway/offer.py) starts each full run, the brief reads what was drawn."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

_DRAWN = "takeaway-drawn"
_VIEW = "takeaway-view"


def _view_record(view: str | None = None) -> dict:
    views = st.session_state.setdefault(_DRAWN, {})
    view = view or st.session_state.get(_VIEW) or ""
    return views.setdefault(view, {"run": 0, "charts": {}})


def drawn(chart: str, name: str, params: tuple, key: str) -> None:
    """Called by ui/chart_panel.py for every chart it draws: remember it for the brief of this view. A chart is
    known by its builder and query, so a fragment's rerun replaces what it drew before with what it draws now.
    Slides (presenter mode) are not a view's brief: the deck is theirs."""
    if not key.startswith(("export-", "slide-")):
        record = _view_record()
        record["charts"][(chart, name)] = (record["run"], params)


def start_view(view: str) -> None:
    """A full run of the view: charts not drawn in this run or the one before are gone from the view. (Not
    this run alone: a run cut short by the reader's click would leave the brief without its charts.)"""
    st.session_state[_VIEW] = view
    if not getattr(get_script_run_ctx(), "fragment_ids_this_run", None):
        record = _view_record(view)
        record["run"] += 1
        record["charts"] = {k: v for k, v in record["charts"].items() if v[0] >= record["run"] - 1}


def drawn_charts(view: str) -> list[tuple[str, str, tuple]]:
    """The charts of a view, in the order it drew them: (builder, query, frozen parameters)."""
    return [(chart, name, params) for (chart, name), (_, params) in _view_record(view)["charts"].items()]
