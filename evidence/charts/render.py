"""A chart from a named query, ready to draw or to export: the builder (charts/) fed the query's rows (query/),
built once per input and cached; its plain Vega-Lite specification for the brief and the deck; PNG, SVG and CSV
bytes for the downloads. No Streamlit widget here (ui/chart_panel.py draws it)."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pandas as pd
import vl_convert
from streamlit.dataframe_util import convert_anything_to_arrow_bytes

from evidence import charts
from evidence.data import formats
from evidence.query import cache, store

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
    return formats.csv_bytes(store.arrow(name=name, **params))
