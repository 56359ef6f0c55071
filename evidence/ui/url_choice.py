"""A single choice whose id lives in the URL while the widget shows the report's words.

Streamlit's `bind="query-params"` writes a select box's *label* into the URL; links to a matrix cell, a survey
item or an agenda slot name them by id (`?cell=customising-export`, `?item=6.f`), and so do the links other
views and the search make. This keeps the id in the URL and the words on screen, and follows the URL when a
link, Back or Forward changes it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

_SYNCED = "_url-choice-{}"
_PICKED = "_url-choice-{}-picked"  # what the chart that sets the choice has selected: its last click
_DRAWING = "_url-choice-{}-drawing"  # which drawing of that chart is on the page


def _write(key: str, value: str | None) -> None:
    if value is None:
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = value
    st.session_state[_SYNCED.format(key)] = value


def choose(key: str, value: str | None) -> None:
    """Set the choice from a chart click: the widget and the URL together. The chart keeps its drawing: its own
    selection shows the choice already."""
    st.session_state[key] = value
    _write(key, value)
    st.session_state[_PICKED.format(key)] = value


def drawing(key: str) -> int:
    """A number for the element key of the chart whose clicks set the choice `key` (read after `select`). It stays
    the same while the chart's own selection is the choice, so a click draws nothing anew (the browser updates the
    chart's data in place, a fraction of drawing it again); it changes when the choice has moved elsewhere (the
    select box, a link, Back), so the chart is drawn afresh and forgets a selection that no longer holds, which a
    click on the same mark again would otherwise not change."""
    picked = st.session_state.get(_PICKED.format(key))
    if picked is not None and picked != st.session_state.get(key):
        st.session_state[_DRAWING.format(key)] = st.session_state.get(_DRAWING.format(key), 0) + 1
        st.session_state[_PICKED.format(key)] = None
    return st.session_state.get(_DRAWING.format(key), 0)


def select(label: str, ids: Sequence[str], *, key: str, format_func: Callable[[str], str], placeholder: str,
           help: str | None = None, container=None) -> str | None:
    """A select box over `ids`, shown through `format_func`, whose value is the URL parameter `key`."""
    in_url = st.query_params.get(key)
    if in_url is not None and in_url not in ids:
        st.query_params.pop(key, None)  # the page's notice has said it was unusable
        in_url = None
    if st.session_state.get(_SYNCED.format(key), "") != in_url:
        st.session_state[key] = in_url
        st.session_state[_SYNCED.format(key)] = in_url
    return (container or st).selectbox(label, list(ids), index=None, key=key, format_func=format_func,
                                       placeholder=placeholder, help=help,
                                       on_change=lambda: _write(key, st.session_state.get(key)))
