"""What every page shares in Streamlit: the database, cached queries and charts, chart panels with
downloads, URL-state notices, the share link, and the bad-data page."""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import streamlit as st
import vl_convert
from streamlit.dataframe_util import convert_anything_to_arrow_bytes

from evidence import api_links, browser, charts, state, takeaway
from evidence.db import Database, build_database, data_dir_from_env
from evidence.validate import DataError

EXPORT_WIDTH = 900  # px of a chart exported as PNG or SVG


# ------------------------------------------------------------------------------ database and queries


@st.cache_resource(show_spinner="Loading the evidence base…")
def _database(data_dir: str) -> Database:
    return build_database(data_dir)


def database() -> Database:
    """The process's database for the configured data folder (built once, then shared)."""
    return _database(str(data_dir_from_env()))


# Query results, chart specifications and the text built from them are shared by every session of the
# process, cached by their inputs and the data folder. Not st.cache_data: it hands each caller a fresh
# unpickled copy, and on a page of six charts that costs more than the rest of the rerun; not
# st.cache_resource either, whose hashing of the arguments costs ~0.1 ms a call, and a page makes dozens.
# Callers get a shallow copy of a frame (pandas copy-on-write: nothing they do to it reaches the cache).


def memo(maxsize: int = 256):
    """Cache a pure function of the evidence base by its (hashable) arguments and the data folder."""

    def wrap(function):
        cached = functools.lru_cache(maxsize)(lambda data_dir, *args: function(*args))

        @functools.wraps(function)
        def call(*args):
            return cached(str(data_dir_from_env()), *args)

        call.clear = cached.cache_clear
        return call

    return wrap


def frozen(params: dict) -> tuple:
    """Query parameters as a hashable key (lists become tuples)."""
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))


@memo(1024)
def _query(name: str, params: tuple) -> pd.DataFrame:
    return database().query(name, **{k: list(v) if isinstance(v, tuple) else v for k, v in params})


def query(name: str, **params) -> pd.DataFrame:
    """A named query's result, cached by its name and parameters: a rerun with the same inputs runs no SQL."""
    return _query(name, frozen(params)).copy(deep=False)


@memo(256)
def _table(name: str, params: tuple, labels: tuple[str, ...]) -> pa.Table:
    frame = _query(name, params)
    frame = frame.assign(**{column: frame[column].map(source_label) for column in labels})
    return pa.Table.from_pandas(frame, preserve_index=False)


def table(name: str, labels: tuple[str, ...] = (), **params) -> pa.Table:
    """A named query's rows ready for st.dataframe (Arrow, which Streamlit sends as is), with the source
    columns in `labels` shown as the report labels them; cached by its inputs."""
    return _table(name, frozen(params), labels)


@dataclass(frozen=True)
class Chart:
    """A chart ready to draw: its spec with the datasets already in Arrow (so Streamlit does not convert them
    again on every rerun), and the plain Vega-Lite JSON for the PNG and SVG exports."""

    spec: dict
    export_json: str

    @property
    def side_by_side(self) -> bool:
        return "hconcat" in self.spec


@memo(512)
def _chart(chart: str, name: str, params: tuple, large: bool) -> Chart:
    plain = charts.BUILDERS[chart](_query(name, params), large=large).to_dict()
    ready = dict(plain)
    if "datasets" in plain:
        ready["datasets"] = {key: convert_anything_to_arrow_bytes(pd.DataFrame(rows))
                             for key, rows in plain["datasets"].items()}
    return Chart(spec=ready, export_json=json.dumps(plain))


def chart(chart: str, name: str, params: dict, large: bool = False) -> Chart:
    """A chart from a named query, cached by its inputs: a rerun builds no chart twice."""
    return _chart(chart, name, frozen(params), large)


def chart_spec(chart_name: str, name: str, params: dict, large: bool = False) -> dict:
    """A chart's plain Vega-Lite specification (data inline), as exported."""
    return json.loads(chart(chart_name, name, params, large).export_json)


@memo(1)
def _source_labels() -> dict[str, str]:
    sources = _query("table_rows", (("table_name", "sources"),))
    return dict(zip(sources["source_id"], sources["label"], strict=True))


def source_label(source_id: str) -> str:
    """How the report labels a source id ("sec-3.2" -> "Section 3.2")."""
    return _source_labels().get(source_id, str(source_id))


# ------------------------------------------------------------------------------ safe text


_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md(text: object) -> str:
    """Data text made safe for st.markdown: every markdown and HTML character is escaped, so it shows as typed."""
    return _MARKDOWN.sub(r"\\\1", str(text))


# ------------------------------------------------------------------------------ charts with downloads


def _export_spec(spec: dict) -> dict:
    exported = dict(spec)
    if not isinstance(exported.get("width"), int):
        exported["width"] = EXPORT_WIDTH
    return exported


def png_bytes(spec_json: str) -> bytes:
    return vl_convert.vegalite_to_png(_export_spec(json.loads(spec_json)), scale=2)


def svg_bytes(spec_json: str) -> bytes:
    return vl_convert.vegalite_to_svg(_export_spec(json.loads(spec_json))).encode("utf-8")


def csv_bytes(name: str, params: tuple) -> bytes:
    return _query(name, params).to_csv(index=False).encode("utf-8")


def chart_panel(chart_name: str, name: str, params: dict | None = None, *, key: str, large: bool = False,
                show_tools: bool = True, on_select=None, selection: str | None = None,
                height: int | str = "content") -> None:
    """A chart from a named query, with a data toggle (the accessible view) and PNG, SVG and CSV downloads.

    Downloads are rendered only when clicked (a callable), never on a rerun. With `on_select`, a click on
    a mark of the chart's selection `selection` calls it (the page maps the click to its URL state).
    """
    params = params or {}
    drawn = chart(chart_name, name, params, large)
    takeaway.drawn(chart_name, name, frozen(params), key)  # the view's brief takes the charts it drew
    spec = drawn.spec
    # Side-by-side charts keep their builder's widths; Streamlit would stretch each part to the page.
    width = "content" if drawn.side_by_side else "stretch"
    if on_select is None:
        st.vega_lite_chart(spec, width=width, height=height, theme=None, key=f"{key}-chart")
    else:
        st.vega_lite_chart(spec, width=width, height=height, theme=None, key=f"{key}-chart", on_select=on_select,
                           selection_mode=selection)
    if not show_tools:
        return
    # The downloads sit behind the data toggle: three download buttons on every chart cost a fifth of a
    # page's rerun (each registers a deferred file), and most reruns never use them.
    if not st.toggle("Data and downloads", key=f"{key}-data",
                     help="Show the chart's rows as a table, with PNG, SVG and CSV downloads"):
        return
    key_params = frozen(params)
    tools = st.container(horizontal=True, vertical_alignment="center", gap="small")
    tools.download_button("PNG", data=functools.partial(png_bytes, drawn.export_json), file_name=f"{key}.png",
                          mime="image/png", on_click="ignore", key=f"{key}-png", icon=":material/image:")
    tools.download_button("SVG", data=functools.partial(svg_bytes, drawn.export_json), file_name=f"{key}.svg",
                          mime="image/svg+xml", on_click="ignore", key=f"{key}-svg", icon=":material/draw:")
    tools.download_button("CSV", data=functools.partial(csv_bytes, name, key_params), file_name=f"{key}.csv",
                          mime="text/csv", on_click="ignore", key=f"{key}-csv", icon=":material/table:")
    st.dataframe(query(name, **params), hide_index=True, width="stretch")
    api_links.show_query(name, params)  # the same rows from the API, with pandas and R snippets


# ------------------------------------------------------------------------------ state in the URL


def review_params(validators: dict) -> None:
    """Drop link parameters this page cannot use, with a small plain-text notice; never an exception."""
    params = {name: st.query_params.get_all(name) for name in st.query_params.keys()}
    unknown, malformed = state.review(params, validators)
    for name in unknown:
        del st.query_params[name]
    message = state.notice(unknown, malformed)
    if message:
        st.caption(":material/info: " + md(message))


def page_header(title: str) -> None:
    """A view's title with its share link beside it (the link is the address bar, read in the browser)."""
    head, tools = st.columns([5, 2], vertical_alignment="bottom")
    head.title(title)
    with tools:
        browser.share_box()


# ------------------------------------------------------------------------------ bad data


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
    st.error(
        f"The data in {md(err.data_dir)} could not be loaded: {len(err.problems)} problem(s). "
        "Fix them and reload the page; `make validate` prints the same list."
    )
    st.dataframe(problems_frame(err), hide_index=True, width="stretch")


# ------------------------------------------------------------------------------ the analysts' console and downloads


@st.cache_resource(show_spinner="Preparing the SQL console…")
def _console(data_dir: str):
    from evidence.console import Console

    return Console(Path(data_dir), tables=_database(data_dir).arrow_tables())


@st.cache_resource(show_spinner=False)
def _datapackage(data_dir: str) -> dict:
    import json

    return json.loads((Path(data_dir) / "datapackage.json").read_text(encoding="utf-8"))


def datapackage() -> dict:
    """The data folder's datapackage.json, read once per process (not on every rerun of the Data view)."""
    return _datapackage(str(data_dir_from_env()))


def console():
    """The process's locked-down SQL console (its own DuckDB, built once)."""
    return _console(str(data_dir_from_env()))


@memo(32)
def console_answer(sql: str):
    """The console's answer to a query, kept for the reruns that follow (the query lives in the URL)."""
    return console().run(sql)


def table_bytes(table: str, fmt: str) -> bytes:
    """One table as CSV, Parquet or JSON, built when the download is clicked."""
    frame = query("table_rows", table_name=table)
    if fmt == "csv":
        return frame.to_csv(index=False).encode("utf-8")
    if fmt == "json":
        return frame.to_json(orient="records", force_ascii=False, date_format="iso", indent=1).encode("utf-8")
    import io

    import pyarrow as pa
    import pyarrow.parquet as pq

    buffer = io.BytesIO()
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), buffer)
    return buffer.getvalue()


def package_zip() -> bytes:
    """The whole data package: every CSV of the data folder, datapackage.json and the data dictionary."""
    import io
    import zipfile

    folder = Path(data_dir_from_env())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.glob("*.csv")) + [folder / "datapackage.json", folder / "README.md"]:
            if path.is_file():
                archive.write(path, arcname=f"sme-evidence/{path.name}")
    return buffer.getvalue()


def highlighted(text: str, words: list[str]) -> str:
    """Markdown for data text with the search words highlighted; every piece of the text itself is escaped."""
    from evidence.state import match_spans

    out, last = [], 0
    for start, end in match_spans(text, words):
        out.append(md(text[last:start]))
        out.append(f":orange-background[{md(text[start:end])}]")
        last = end
    out.append(md(text[last:]))
    return "".join(out)
