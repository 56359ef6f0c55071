"""The benchmark's baseline: a bare one-chart page with a DuckDB query and a table, default configuration."""

from pathlib import Path

import altair as alt
import duckdb
import streamlit as st

st.title("Baseline")
# A cursor of its own per run: the default connection refuses a second caller while one query runs, and
# many sessions rerun at once.
frame = duckdb.cursor().sql((Path(__file__).parent / "baseline.sql").read_text(encoding="utf-8")).df()
st.altair_chart(alt.Chart(frame).mark_line().encode(x="x", y="y"), use_container_width=True)
st.dataframe(frame)
