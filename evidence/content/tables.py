"""The tables the views show, as Arrow (which Streamlit sends as is), built once per input and shared."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa

from evidence.data.queries import unfrozen
from evidence.query import package, store
from evidence.query.cache import cached
from evidence.query.store import rows


@cached()
def case_table(*, params: dict, type_labels: tuple[tuple[str, str], ...]) -> pa.Table:
    """The cases matching the Case studies filters, as the page's table shows them."""
    cases = rows("case_filter", **unfrozen(params))
    matching = cases[cases["in_filter"]]
    labels = dict(type_labels)
    shown = matching.assign(
        home=matching["home_country_label"],
        types=matching["types_named"].fillna("").map(lambda t: [labels[x] for x in t.split(";") if x]),
        presented=matching["presented_at_workshop"].map({True: "yes", False: ""}),
        founded=matching["founded_year"].map(lambda y: "–" if pd.isna(y) else str(int(y))),
        staff=[("–" if pd.isna(n) else ("about " if q == "about" else "") + str(int(n)))
               for n, q in zip(matching["staff"], matching["staff_qualifier"], strict=True)],
        source=matching["source_label"],
    )[["case_id", "name", "home", "typology_label", "types", "presented", "founded", "staff", "source"]]
    return pa.Table.from_pandas(shown, preserve_index=False)


@cached()
def participant_table(*, countries: tuple[str, ...], kinds: tuple[str, ...], shown: int) -> tuple[int, int, pa.Table]:
    """The first `shown` participants from the chosen countries and kinds of organisation (all when none is chosen),
    how many there are from them, and how many in all: paged and counted in SQL (issue 26)."""
    chosen = {"countries": list(countries) or None, "kinds": list(kinds) or None}
    page = rows("participants_page", **chosen, rows=shown)
    count = int(rows("participants_count", **chosen)["participants"].iloc[0])
    total = int(rows("participants_count", countries=None, kinds=None)["participants"].iloc[0])
    return total, count, pa.Table.from_pandas(page, preserve_index=False)


@cached()
def recommendation_table() -> pa.Table:
    """Every statement classed as a recommendation, with who made it."""
    return pa.Table.from_pandas(rows("recommendations"), preserve_index=False)


@cached()
def table_list() -> pa.Table:
    """Every table of the evidence base: its name, its rows and what it holds (the Data view's list)."""
    counts = store.database().row_counts
    return pa.Table.from_pylist([{"table": resource["name"], "rows": counts.get(resource["name"], 0),
                                  "what it holds": resource["description"]}
                                 for resource in package.datapackage()["resources"]])


@cached()
def table_fields(*, table: str) -> pa.Table:
    """A table's fields as its schema declares them: name, type, whether required, allowed values, description."""
    (resource,) = [r for r in package.datapackage()["resources"] if r["name"] == table]
    return pa.Table.from_pylist([{"field": f["name"], "type": f["type"],
                                  "required": f.get("constraints", {}).get("required", False),
                                  "allowed values": ", ".join(f.get("constraints", {}).get("enum", [])),
                                  "description": f["description"]} for f in resource["schema"]["fields"]])


@cached()
def table_preview(*, table: str) -> pa.Table:
    """A table's first 100 rows, asked of SQL (a page, not the whole table: issue 26)."""
    return pa.Table.from_pandas(rows("table_page", table_name=table, size=100, offset=0), preserve_index=False)
