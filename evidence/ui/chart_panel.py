"""Charts on a page: a chart from a named query (charts/render.py) drawn with its data (the accessible view) and PNG,
SVG and CSV downloads that are rendered only when clicked, under it while the view's one data toggle is on."""

from __future__ import annotations

import contextlib
import functools

import streamlit as st

from evidence.charts.render import chart, csv_bytes, png_bytes, svg_bytes
from evidence.query import cache, store
from evidence.ui import api_links
from evidence.ui import drawn as drawn_charts

DATA_TOGGLE = "data-and-downloads"  # one toggle a view, not one a chart: each is a widget on every rerun (issue 26)


def data_toggle() -> None:
    """The view's toggle for every chart's rows and downloads; drawn once, above the view's first chart and outside
    its fragments (turning it on reruns the page, so every chart shows its data)."""
    st.toggle("Data and downloads", key=DATA_TOGGLE,
              help="Show each chart's rows as a table under it, with PNG, SVG and CSV downloads")


def chart_panel(chart_name: str, name: str, params: dict | None = None, *, key: str, large: bool = False,
                show_tools: bool = True, on_select=None, selection: str | None = None,
                height: int | str = "content") -> None:
    """A chart from a named query, with its rows as a table (the accessible view) and PNG, SVG and CSV downloads while
    the view's data toggle (`data_toggle`) is on.

    Downloads are rendered only when clicked (a callable), never on a rerun. With `on_select`, a click on
    a mark of the chart's selection `selection` calls it (the page maps the click to its URL state).
    """
    params = params or {}
    drawn = chart(chart=chart_name, name=name, params=params, large=large)
    drawn_charts.drawn(chart_name, name, cache.key_value(params), key)  # the view's brief takes the charts it drew
    # The downloads sit behind the data toggle: three download buttons on every chart cost a fifth of a
    # page's rerun (each registers a deferred file), and most reruns never use them. With them, the chart and its
    # tools are one block, so charts side by side (page.side_by_side) keep their data under them.
    tools_shown = show_tools and bool(st.session_state.get(DATA_TOGGLE))
    with st.container() if tools_shown else contextlib.nullcontext():
        _chart(drawn, key, on_select, selection, height)
        if tools_shown:
            _tools(drawn, name, params, key)


def _chart(drawn, key: str, on_select, selection: str | None, height: int | str) -> None:
    # Side-by-side charts keep their builder's widths; Streamlit would stretch each part to the page.
    width = "content" if drawn.side_by_side else "stretch"
    if on_select is None:
        st.vega_lite_chart(drawn.spec, width=width, height=height, theme=None, key=f"{key}-chart", alt=drawn.alt)
    else:
        st.vega_lite_chart(drawn.spec, width=width, height=height, theme=None, key=f"{key}-chart",
                           on_select=on_select, selection_mode=selection, alt=drawn.alt)


def _tools(drawn, name: str, params: dict, key: str) -> None:
    tools = st.container(horizontal=True, vertical_alignment="center", gap="small")
    tools.download_button("PNG", data=functools.partial(png_bytes, drawn.export_json), file_name=f"{key}.png",
                          mime="image/png", on_click="ignore", key=f"{key}-png", icon=":material/image:")
    tools.download_button("SVG", data=functools.partial(svg_bytes, drawn.export_json), file_name=f"{key}.svg",
                          mime="image/svg+xml", on_click="ignore", key=f"{key}-svg", icon=":material/draw:")
    tools.download_button("CSV", data=functools.partial(csv_bytes, name, params), file_name=f"{key}.csv",
                          mime="text/csv", on_click="ignore", key=f"{key}-csv", icon=":material/table:")
    st.dataframe(store.table(name=name, **params), hide_index=True, width="stretch")
    api_links.show_query(name, params)  # the same rows from the API, with pandas and R snippets
