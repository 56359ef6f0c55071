"""Data: every table with its description, fields, row count, preview and downloads; and a safe SQL console."""

import streamlit as st

from evidence.api import canned
from evidence.content import state, tables
from evidence.content.markup import fmt, md
from evidence.data import formats as api_formats
from evidence.data import queries
from evidence.query import console, store
from evidence.query import package as query_package
from evidence.query import shared_console as shared
from evidence.takeaway import offer as takeaway
from evidence.ui import api_links, downloads, page, print_view, url_choice

package = query_package.datapackage()
RESOURCES = {resource["name"]: resource for resource in package["resources"]}
counts = store.database().row_counts
EXAMPLES = {name: query.sql for name, query in queries.library().items() if not query.params}

page.review_params("data")
page.header("Data", charts=False)
takeaway.section("data", "Data")
st.markdown(
    fmt("The evidence base is **{} tables, {} rows**, extracted by hand from the report, with the project's own "
        "themes, policy links and coding notes and a country list from general knowledge. Every row taken from the "
        "report names its source; columns marked PROJECT CODING are the project's reading. Browse a table, download "
        "it, or query all of them with SQL below.", len(RESOURCES), sum(counts.values()))
)
if not query_package.describes_itself():
    st.caption(":material/info: This data folder has no datapackage.json of its own: its tables are described here as "
               "the app's schema describes them.")
st.download_button("Download the whole data package (zip: CSV files, datapackage.json, data dictionary)",
                   data=downloads.package_zip, file_name="sme-evidence-data-package.zip", mime="application/zip",
                   on_click="ignore", icon=":material/folder_zip:")

# ------------------------------------------------------------------------------ the tables

st.header("Tables")
overview = tables.table_list()  # Arrow, built once: Streamlit sends it as is
st.dataframe(overview, hide_index=True, width="stretch", height=35 * 8 + 3,
             column_config={"what it holds": st.column_config.TextColumn(width="large")})
print_view.table(overview, key=("tables",))
table = st.selectbox("Table", list(RESOURCES), key="table", bind="query-params", index=None,
                     placeholder="Pick a table to see its fields, a preview and downloads")
if table:
    resource = RESOURCES[table]
    st.subheader(md(table))
    schema = resource["schema"]
    key_fields = fmt(" · key: {}", ", ".join(schema["primaryKey"])) if "primaryKey" in schema else ""
    st.markdown(fmt("{}  \n:gray[{} rows · file {}.csv{}]", resource["description"], counts.get(table, 0), table,
                    key_fields))
    fields = tables.table_fields(table=table)
    st.dataframe(fields, hide_index=True, width="stretch",
                 column_config={"description": st.column_config.TextColumn(width="large")})
    print_view.table(fields, key=("fields", table))
    buttons = st.container(horizontal=True)
    for kind, mime in (("csv", "text/csv"), ("parquet", "application/vnd.apache.parquet"),
                       ("json", "application/json")):
        buttons.download_button(kind.upper(), data=lambda k=kind: downloads.table_bytes(table, k),
                                file_name=f"{table}.{kind}", mime=mime, on_click="ignore", key=f"download-{kind}",
                                icon=":material/download:")
    api_links.show_table(table)
    st.caption("Preview: the first 100 rows.")
    preview = tables.table_preview(table=table)
    st.dataframe(preview, hide_index=True, width="stretch")
    print_view.table(preview, key=("preview", table))

# ------------------------------------------------------------------------------ the SQL console

st.header("SQL console")
st.caption(fmt("Read-only DuckDB over a copy of the same tables: one SELECT at a time, at most {:,} rows, {} MB and "
               "{:g} seconds; no files, no network, no settings, nothing changed for anyone. The query you run goes "
               "into the link, so a shared or bookmarked link runs it again. Ctrl+Enter (⌘+Enter) runs it from the "
               "box.",
               shared.console().row_limit, console.BYTE_LIMIT // 1_000_000, shared.console().time_limit_s))

ran = st.query_params.get("sql")
# The box is made anew for each query the URL holds (a link, Back, a run), starting from that query's text.
SQL_BOX = f"sql-{state.view_key(ran)}"


def load_example() -> None:
    name = st.session_state.get("example")
    if name:
        st.session_state[SQL_BOX] = EXAMPLES[name]


def run_query() -> None:
    typed = st.session_state.get(SQL_BOX) or ""
    st.query_params["sql"] = typed
    st.session_state[f"sql-{state.view_key(typed)}"] = typed
    # The example's name stays only while the box holds that example.
    if st.session_state.get("example") and EXAMPLES.get(st.session_state["example"]) != typed:
        st.session_state["example"] = None


st.selectbox("Load an example query", list(EXAMPLES), index=None, key="example", on_change=load_example,
             format_func=lambda name: f"{name}: {queries.library()[name].summary.split(':', 1)[-1].strip()}",
             placeholder="Pick one of the app's queries")
with st.form("console", border=False, enter_to_submit=False):
    st.text_area("SQL", value=ran or "", key=SQL_BOX, height=160,
                 placeholder="One SELECT over the tables above (or load an example)")
    st.form_submit_button("Run", type="primary", icon=":material/play_arrow:", on_click=run_query,
                          shortcut="Ctrl+Enter")

if ran:
    answer = shared.answer(sql=ran)
    if answer.ok:
        rows = answer.table.num_rows
        note = fmt("{:,} row{} in {:.0f} ms", rows, "" if rows == 1 else "s", answer.seconds * 1000)
        if answer.cut:
            limit = (f"{console.BYTE_LIMIT:,} bytes" if answer.cut_bytes else f"{shared.console().row_limit:,} rows")
            note += fmt(" · cut at {}: add a LIMIT or a WHERE, or select fewer columns, to see what you need", limit)
            st.warning(note, icon=":material/content_cut:")
        else:
            st.caption(note)
        if answer.renamed:
            st.caption(fmt(":material/info: Columns of one name are told apart here and in the download: {}.",
                           ", ".join(answer.renamed)))
        st.dataframe(answer.table, hide_index=True, width="stretch", key="console-result")
        print_view.table(answer.table)
        st.download_button("Download these rows (CSV)", data=api_formats.csv_bytes(answer.table),
                           file_name="query.csv", mime="text/csv", on_click="ignore")
    else:
        st.error(md(answer.message), icon=":material/block:")

# ------------------------------------------------------------------------------ the app's queries, with parameters

st.header("The app's queries, with parameters")
st.caption("Every query the views run, as a form: fill in its parameters and run it. The values go into the "
           "link. Lists are comma-separated; an empty box means NULL (usually: all).")
CANNED = canned.names()
chosen = url_choice.select("Query", CANNED, key="query", format_func=lambda name: f"{name}: {canned.summary(name)}",
                          placeholder="Pick one of the app's queries that take parameters")
if chosen:
    with st.form(f"canned-{chosen}", border=True):
        typed = {}
        for spec in canned.parameters(chosen):
            typed[spec.name] = st.text_input(
                spec.name + (" (list, comma-separated)" if spec.kind == "list" else "")
                + ("" if spec.nullable else " (required)"),
                value=st.query_params.get(spec.name, ""), help=spec.explained, key=f"canned-{chosen}-{spec.name}",
                max_chars=500)
        submitted = st.form_submit_button("Run query", type="primary", icon=":material/play_arrow:")
    if submitted:
        for name, value in typed.items():
            if value:
                st.query_params[name] = value
            else:
                st.query_params.pop(name, None)
    given = {spec.name: st.query_params.get(spec.name) for spec in canned.parameters(chosen)}
    try:
        rows = store.rows(chosen, **canned.values(chosen, given))
    except canned.BadParameter as err:  # a value the query cannot take: say which and why, keep serving
        st.error(md(str(err)), icon=":material/block:")
    else:
        st.caption(fmt("{:,} row{}", len(rows), "" if len(rows) == 1 else "s"))
        st.dataframe(rows, hide_index=True, width="stretch", key="canned-result")
        print_view.table(rows)
