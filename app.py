"""Entry point: page config, the evidence database, and (for now) the landing page."""

import streamlit as st

from evidence.ui import database, show_data_problems
from evidence.validate import DataError

st.set_page_config(page_title="SME innovation internationalisation: evidence", page_icon="🌍", layout="wide")

st.title("Internationalisation of Innovation in SMEs")
st.caption(
    "Evidence from the expert workshop of 13 June 2016 in Brussels (Salzburg Research for the European "
    "Commission, DG Research & Innovation), the study by empirica and Dialogic, and the experts' online survey."
)

try:
    db = database()
except DataError as err:
    show_data_problems(err)
    st.stop()

tables = db.query("schema_tables")
tables["rows"] = tables["table_name"].map(db.row_counts)

left, middle, right = st.columns(3)
left.metric("Tables", len(tables))
middle.metric("Rows", int(tables["rows"].sum()))
right.metric("Case studies", db.row_counts["cases"], help="Source: Section 3.2")

st.subheader("What the evidence base holds")
st.write(
    "Every structured thing the report contains, one table each. Every row names its source in the report; "
    "columns marked as project coding are the project's reading, not the report's words. "
    "The views (case studies, survey, policy, workshop, search and data) come next."
)
st.dataframe(
    tables.rename(columns={"table_name": "table", "comment": "what it holds"})[["table", "rows", "what it holds"]],
    hide_index=True,
    width="stretch",
    height=35 * (len(tables) + 1) + 3,
    column_config={
        "table": st.column_config.TextColumn(width="small"),
        "rows": st.column_config.NumberColumn(width="small"),
        "what it holds": st.column_config.TextColumn(width="large"),
    },
)
st.caption(f"Loaded from `{db.data_dir}`.")
