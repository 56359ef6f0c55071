"""Data: every table with its description, fields, row count, preview and downloads; and a safe SQL console."""

import streamlit as st

from evidence import api_links, queries, state, ui

package = ui.datapackage()
RESOURCES = {resource["name"]: resource for resource in package["resources"]}
counts = ui.database().row_counts
EXAMPLES = {name: query.sql for name, query in queries.library().items() if not query.params}

ui.review_params({"table": lambda v: state.valid_choice(v, RESOURCES)})
ui.page_header("Data", "data")
st.markdown(
    f"The evidence base is **{len(RESOURCES)} tables, {sum(counts.values())} rows**, extracted by hand from the "
    "report. Every row names its source; columns marked PROJECT CODING are the project's reading. Browse a "
    "table, download it, or query all of them with SQL below."
)
st.download_button("Download the whole data package (zip: CSV files, datapackage.json, data dictionary)",
                   data=ui.package_zip, file_name="sme-evidence-data-package.zip", mime="application/zip",
                   on_click="ignore", icon=":material/folder_zip:")

# ------------------------------------------------------------------------------ the tables

st.header("Tables")
overview = [{"table": name, "rows": counts.get(name, 0), "what it holds": resource["description"]}
            for name, resource in RESOURCES.items()]
st.dataframe(overview, hide_index=True, width="stretch", height=35 * 8 + 3,
             column_config={"what it holds": st.column_config.TextColumn(width="large")})
table = st.selectbox("Table", list(RESOURCES), key="table", bind="query-params", index=None,
                     placeholder="Pick a table to see its fields, a preview and downloads")
if table:
    resource = RESOURCES[table]
    st.subheader(table)
    st.markdown(f"{ui.md(resource['description'])}  \n:gray[{counts.get(table, 0)} rows · file `{table}.csv`"
                + (f" · key: {', '.join(resource['schema']['primaryKey'])}" if "primaryKey" in resource["schema"]
                   else "") + "]")
    fields = [{"field": f["name"], "type": f["type"], "required": f.get("constraints", {}).get("required", False),
               "allowed values": ", ".join(f.get("constraints", {}).get("enum", [])),
               "description": f["description"]} for f in resource["schema"]["fields"]]
    st.dataframe(fields, hide_index=True, width="stretch",
                 column_config={"description": st.column_config.TextColumn(width="large")})
    downloads = st.container(horizontal=True)
    for fmt, mime in (("csv", "text/csv"), ("parquet", "application/vnd.apache.parquet"),
                      ("json", "application/json")):
        downloads.download_button(fmt.upper(), data=lambda f=fmt: ui.table_bytes(table, f),
                                  file_name=f"{table}.{fmt}", mime=mime, on_click="ignore", key=f"download-{fmt}",
                                  icon=":material/download:")
    api_links.show_table(table)
    st.caption("Preview: the first 100 rows.")
    st.dataframe(ui.query("table_rows", table_name=table).head(100), hide_index=True, width="stretch")

# ------------------------------------------------------------------------------ the SQL console

st.header("SQL console")
st.caption(f"Read-only DuckDB over the same tables: one SELECT at a time, at most {ui.console().row_limit:,} rows "
           f"and {ui.console().time_limit_s:g} seconds; no files, no network, no settings. "
           "Example queries come from the app's own `queries/` folder.")


def load_example() -> None:
    name = st.session_state.get("example")
    if name:
        st.session_state["sql"] = EXAMPLES[name]


st.selectbox("Load an example query", list(EXAMPLES), index=None, key="example", on_change=load_example,
             placeholder="Pick one of the app's queries")
sql = st.text_area("SQL", key="sql", height=160, placeholder="One SELECT over the tables above (or load an example)")
if st.button("Run", type="primary", icon=":material/play_arrow:"):
    answer = ui.console().run(sql)
    if answer.ok:
        note = f"{len(answer.frame):,} rows in {answer.seconds * 1000:.0f} ms"
        if answer.cut:
            note += f" · cut at {ui.console().row_limit:,} rows: add a LIMIT or a WHERE to see what you need"
            st.warning(note, icon=":material/content_cut:")
        else:
            st.caption(note)
        st.dataframe(answer.frame, hide_index=True, width="stretch")
        st.download_button("Download these rows (CSV)", data=answer.frame.to_csv(index=False).encode("utf-8"),
                           file_name="query.csv", mime="text/csv", on_click="ignore")
    else:
        st.error(ui.md(answer.message), icon=":material/block:")
