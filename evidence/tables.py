"""The tables the views show, as Arrow (which Streamlit sends as is), built once per input and shared."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa

from evidence.cache import cached
from evidence.store import rows


@cached()
def case_table(*, params: dict, type_labels: tuple[tuple[str, str], ...]) -> pa.Table:
    """The cases matching the Case studies filters, as the page's table shows them."""
    cases = rows("case_filter", **{k: list(v) if isinstance(v, tuple) else v for k, v in params.items()})
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
