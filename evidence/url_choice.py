"""A single choice whose id lives in the URL while the widget shows the report's words.

Streamlit's `bind="query-params"` writes a select box's *label* into the URL; links to a matrix cell, a survey
item or an agenda slot name them by id (`?cell=customising-export`, `?item=6.f`), and so do the links other
views and the search make. This keeps the id in the URL and the words on screen, and follows the URL when a
link, Back or Forward changes it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st

_SYNCED = "_url-choice-{}"


def _write(key: str, value: str | None) -> None:
    if value is None:
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = value
    st.session_state[_SYNCED.format(key)] = value


def choose(key: str, value: str | None) -> None:
    """Set the choice from a callback (a chart click): the widget and the URL together."""
    st.session_state[key] = value
    _write(key, value)


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
