"""Charts on a page: built once per input from a named query, drawn with a data toggle (the accessible view)
and PNG, SVG and CSV downloads that are rendered only when clicked."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

import pandas as pd
import streamlit as st
import vl_convert
from streamlit.dataframe_util import convert_anything_to_arrow_bytes

from evidence import charts
from evidence.data import formats as api_formats
from evidence.query import cache, store
from evidence.takeaway import offer as takeaway
from evidence.ui import api_links

EXPORT_WIDTH = 900  # px of a chart exported as PNG or SVG


@dataclass(frozen=True)
class Chart:
    """A chart ready to draw: its layout as JSON and its datasets already in Arrow (so Streamlit does not convert
    them on every rerun), and the plain Vega-Lite JSON for the PNG and SVG exports. Immutable: `spec` is a new
    dict at every call, so nothing a page does to it reaches the cache."""

    layout_json: str
    datasets: tuple[tuple[str, bytes], ...]
    export_json: str
    side_by_side: bool
    alt: str | None  # the text alternative (charts.base.described): Streamlit's alt, not in the drawn spec

    @property
    def spec(self) -> dict:
        spec = json.loads(self.layout_json)
        if self.datasets:
            spec["datasets"] = dict(self.datasets)
        return spec


@cache.cached()
def chart(*, chart: str, name: str, params: dict, large: bool = False) -> Chart:
    """A chart from a named query, cached by its inputs: a rerun builds no chart twice."""
    plain = charts.BUILDERS[chart](store.rows(name, **params), large=large).to_dict()
    # The description goes to Streamlit as alt only: it warns, with a stack, when the spec has it too.
    layout = {k: v for k, v in plain.items() if k not in ("datasets", "description")}
    datasets = tuple((key, convert_anything_to_arrow_bytes(pd.DataFrame(values)))
                     for key, values in plain.get("datasets", {}).items())
    return Chart(layout_json=json.dumps(layout), datasets=datasets, export_json=json.dumps(plain),
                 side_by_side="hconcat" in plain, alt=plain.get("description"))


def chart_spec(chart_name: str, name: str, params: dict, large: bool = False) -> dict:
    """A chart's plain Vega-Lite specification (data inline), as exported."""
    return json.loads(chart(chart=chart_name, name=name, params=params, large=large).export_json)


def _export_spec(spec: dict) -> dict:
    exported = dict(spec)
    if not isinstance(exported.get("width"), int):
        exported["width"] = EXPORT_WIDTH
    return exported


def png_bytes(spec_json: str) -> bytes:
    return vl_convert.vegalite_to_png(_export_spec(json.loads(spec_json)), scale=2)


def svg_bytes(spec_json: str) -> bytes:
    return vl_convert.vegalite_to_svg(_export_spec(json.loads(spec_json))).encode("utf-8")


def csv_bytes(name: str, params: dict) -> bytes:
    """The chart's rows as CSV, written as data/ and the API write it (whole numbers stay whole, true/false)."""
    return api_formats.csv_bytes(store.arrow(name=name, **params))


def chart_panel(chart_name: str, name: str, params: dict | None = None, *, key: str, large: bool = False,
                show_tools: bool = True, on_select=None, selection: str | None = None,
                height: int | str = "content") -> None:
    """A chart from a named query, with a data toggle (the accessible view) and PNG, SVG and CSV downloads.

    Downloads are rendered only when clicked (a callable), never on a rerun. With `on_select`, a click on
    a mark of the chart's selection `selection` calls it (the page maps the click to its URL state).
    """
    params = params or {}
    drawn = chart(chart=chart_name, name=name, params=params, large=large)
    takeaway.drawn(chart_name, name, cache.key_value(params), key)  # the view's brief takes the charts it drew
    # Side-by-side charts keep their builder's widths; Streamlit would stretch each part to the page.
    width = "content" if drawn.side_by_side else "stretch"
    if on_select is None:
        st.vega_lite_chart(drawn.spec, width=width, height=height, theme=None, key=f"{key}-chart", alt=drawn.alt)
    else:
        st.vega_lite_chart(drawn.spec, width=width, height=height, theme=None, key=f"{key}-chart",
                           on_select=on_select, selection_mode=selection, alt=drawn.alt)
    if not show_tools:
        return
    # The downloads sit behind the data toggle: three download buttons on every chart cost a fifth of a
    # page's rerun (each registers a deferred file), and most reruns never use them.
    if not st.toggle("Data and downloads", key=f"{key}-data",
                     help="Show the chart's rows as a table, with PNG, SVG and CSV downloads"):
        return
    tools = st.container(horizontal=True, vertical_alignment="center", gap="small")
    tools.download_button("PNG", data=functools.partial(png_bytes, drawn.export_json), file_name=f"{key}.png",
                          mime="image/png", on_click="ignore", key=f"{key}-png", icon=":material/image:")
    tools.download_button("SVG", data=functools.partial(svg_bytes, drawn.export_json), file_name=f"{key}.svg",
                          mime="image/svg+xml", on_click="ignore", key=f"{key}-svg", icon=":material/draw:")
    tools.download_button("CSV", data=functools.partial(csv_bytes, name, params), file_name=f"{key}.csv",
                          mime="text/csv", on_click="ignore", key=f"{key}-csv", icon=":material/table:")
    st.dataframe(store.table(name=name, **params), hide_index=True, width="stretch")
    api_links.show_query(name, params)  # the same rows from the API, with pandas and R snippets
