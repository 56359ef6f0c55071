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
def participant_table(*, countries: tuple[str, ...], kinds: tuple[str, ...]) -> tuple[int, pa.Table]:
    """The participants from the chosen countries and kinds of organisation (all when none is chosen), and how
    many participants there are in all."""
    shown = rows("participants", countries=list(countries), kinds=list(kinds))
    total = len(rows("participants", countries=None, kinds=None))
    return total, pa.Table.from_pandas(shown, preserve_index=False)


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
    """A table's first 100 rows."""
    return pa.Table.from_pandas(rows("table_rows", table_name=table).head(100), preserve_index=False)
