"""Charts of the Case studies page (section 3.2, 3.4, Annex 1): the typology blocks, the types with the cases the
report names, the home countries, and the totals the report gives only over all 12 cases."""

from __future__ import annotations

import altair as alt
import pandas as pd

from evidence.charts import palette
from evidence.charts.base import _finish, _title, builder, centred, described, sized, wrapped
from evidence.charts.cases import _counts_over_twelve

# ------------------------------------------------------------------------------ the Case studies page


def _case_highlight() -> dict:
    return {
        "opacity": alt.condition("datum.in_filter", alt.value(1.0), alt.value(0.22)),
        "strokeWidth": alt.condition("datum.selected", alt.value(4), alt.value(0.8)),
    }


def _blocks(frame: pd.DataFrame, group: str, name: str) -> pd.DataFrame:
    """One unit-wide block per row, side by side within its group (x0..x1), ordered by name.

    Positions are computed here rather than stacked by Vega-Lite, so each block keeps its own row's
    fields (filtered, selected) for highlighting.
    """
    ordered = frame.sort_values([group, name]).copy()
    ordered["x0"] = ordered.groupby(group).cumcount()
    ordered["x1"] = ordered["x0"] + 1
    ordered["xm"] = ordered["x0"] + 0.5
    return ordered


@builder
def case_typology(frame: pd.DataFrame, large: bool = False) -> alt.Chart:
    """The typology groups with the cases in each: one block per case, filtered cases bright, the selected outlined."""
    data = _blocks(frame, "typology_order", "name").assign(
        source="Section 3.2",
        status=lambda f: f["in_filter"].map({True: "matches the filters", False: "filtered out"}))
    data["says"] = (data["name"] + ", " + data["typology_label"] + ", " + data["home_country_label"].fillna("")
                    + " (" + data["status"] + ")")
    # Names on a bright block take black or white, whichever reads (white fails on orange, green and pink).
    data["ink"] = [palette.label_on(palette.TYPOLOGY.get(t, palette.BLUE)) if f else palette.INK
                   for t, f in zip(data["typology_id"], data["in_filter"], strict=True)]
    order = list(data.sort_values("typology_order")["typology_label"].unique())
    domain, colours = palette.scale(palette.TYPOLOGY)
    pick = alt.selection_point(name="pick_typology", fields=["typology_id"], on="click", clear="dblclick")
    y = alt.Y("typology_label:N", sort=order, title=None)
    blocks = alt.Chart(data).mark_bar(stroke=palette.INK, cursor="pointer").add_params(pick).encode(
        y=y, x=alt.X("x0:Q", title="cases", axis=alt.Axis(tickMinStep=1, format="d"), scale=alt.Scale(domain=[0, 4])),
        x2="x1:Q",
        color=alt.Color("typology_id:N", scale=alt.Scale(domain=domain, range=colours), legend=None),
        tooltip=[alt.Tooltip("name:N", title="case"), alt.Tooltip("typology_label:N", title="group"),
                 alt.Tooltip("home_country_label:N", title="home"), "status:N", "source:N"],
        description="says:N",
        **_case_highlight(),
    )
    # Names in lines within their block ("Real / Project / Partner"), never cut inside a word, centred.
    lines = data["name"].map(lambda n: wrapped(n, 7, break_words=False))
    named = data.assign(lines=lines)
    names = centred(lambda dy: alt.Chart(named).mark_text(
        fontSize=sized(large, 16, 11), fontWeight="bold", lineBreak="\n", lineHeight=13, dy=dy, aria=False).encode(
        y=y, x="xm:Q", text="lines:N", color=alt.Color("ink:N", scale=None)), named, "lines", 13)
    chart = alt.layer(blocks, *names).properties(
        title=_title("The typology: born, urged, intentional and accidental globals",
                     "Section 3.2 (the study's typology of the 12 cases)",
                     "One block per case; click a group to filter by it, click it again to remove the filter."),
        height=240,
    )
    return _finish(described(chart, "One block per case, by group: " + "; ".join(data["says"]) + "."), large)


@builder
def case_types(frame: pd.DataFrame, large: bool = False) -> alt.Chart:
    """Per type: the report's count over the 12 beside the cases it names, one block per named case."""
    order = list(frame.drop_duplicates("type_id").sort_values("type_order")["type_label"])
    counted = frame.drop_duplicates("type_id").assign(
        measure="counted by the report", cases=lambda f: f["reported_count"].fillna(0),
        label=lambda f: f["reported_count"].map(lambda c: "no count given" if pd.isna(c) else f"{int(c)} of 12"),
        source="Section 3.2",
    )
    named = _blocks(frame[frame["case_id"].notna()], "type_order", "case_name").assign(
        measure="named in the report", in_filter=lambda f: f["in_filter"].fillna(False).astype(bool))
    counted["says"] = counted["type_label"] + ": the report counts " + counted["label"]
    named["says"] = (named["case_name"] + ", named for " + named["type_label"] + " ("
                     + named["coding"].fillna("") + ")")
    measures = ["counted by the report", "named in the report"]
    pick = alt.selection_point(name="pick_type", fields=["type_id"], on="click", clear="dblclick")
    y = alt.Y("type_label:N", sort=order, title=None)
    offset = alt.YOffset("measure:N", sort=measures)
    # The types are named on the axis: their bars take the neutral, as the typology owns the hues on this view.
    colour = alt.value(palette.NEUTRAL)
    report_bars = alt.Chart(counted).mark_bar(stroke=palette.INK, strokeWidth=0.6, cursor="pointer").add_params(
        pick).encode(
        y=y, yOffset=offset, color=colour,
        # Room after the longest bar for its label ("11 of 12", on a phone too); the axis still ends at 12.
        x=alt.X("cases:Q", title="cases (of 12)", scale=alt.Scale(domain=[0, 15]),
                axis=alt.Axis(format="d", values=[0, 2, 4, 6, 8, 10, 12])),
        tooltip=[alt.Tooltip("type_label:N", title="type"), alt.Tooltip("label:N", title="the report counts"),
                 alt.Tooltip("reported_wording:N", title="the report says"), "source:N"],
        description="says:N",
    )
    report_labels = alt.Chart(counted).mark_text(align="left", dx=4, fontSize=sized(large, 16, 12),
                                                 aria=False).encode(
        y=y, yOffset=offset, x="cases:Q", text="label:N")
    case_blocks = alt.Chart(named).mark_bar(strokeDash=[4, 3], stroke=palette.INK, cursor="pointer").encode(
        y=y, yOffset=offset, color=colour, x="x0:Q", x2="x1:Q",
        tooltip=[alt.Tooltip("case_name:N", title="case"), alt.Tooltip("type_label:N", title="type"),
                 alt.Tooltip("coding:N", title="stated or project's match"),
                 alt.Tooltip("evidence:N", title="the report says"), "source:N"],
        description="says:N",
        **_case_highlight(),
    )
    # The named cases as words after their blocks (in the blocks, a name would be cut to "Food F…").
    names = (named.groupby(["type_id", "type_label", "measure"], as_index=False)
             .agg(end=("x1", "max"), names=("case_name", lambda n: wrapped(", ".join(n), 26))))
    named_labels = alt.Chart(names).mark_text(align="left", dx=4, fontSize=sized(large, 14, 11), lineBreak="\n",
                                              aria=False).encode(
        y=y, yOffset=offset, x="end:Q", text="names:N")
    chart = alt.layer(report_bars, report_labels, case_blocks, named_labels).properties(
        title=_title("What the report counts over the 12, and the cases it names",
                     "Section 3.2 (counts); sections 3.2, 3.4 and Annex 1 (named cases)",
                     f"Upper bar: the report's count. Lower, dashed: one block per case it names "
                     f"({len(named)} in all). Click a type to filter."),
        height=360,
    )
    return _finish(described(chart, "; ".join(counted["says"]) + ". Cases named: " + "; ".join(
        f"{t}: {n}" for t, n in zip(names["type_label"], names["names"].str.replace("\n", " "), strict=True))
        + "."), large)


@builder
def case_map(frame: pd.DataFrame, large: bool = False) -> alt.Chart:
    """Home countries on a tile grid of Europe (and Israel): how many cases each, how many pass the filters."""
    from evidence.charts.tiles import TILES

    homes = frame.assign(iso2=frame["countries_iso2"].str.split(";")).explode("iso2")
    per_country = homes.groupby("iso2").agg(
        cases=("case_id", "size"), matching=("in_filter", "sum"),
        names=("name", lambda n: ", ".join(sorted(n))), selected=("selected", "any"),
    )
    tiles = pd.DataFrame(
        [{"iso2": iso2, "row": row, "col": col, "country": name} for iso2, (row, col, name) in TILES.items()]
    ).merge(per_country, left_on="iso2", right_index=True, how="left")
    tiles["cases"] = tiles["cases"].fillna(0).astype(int)
    tiles["matching"] = tiles["matching"].fillna(0).astype(int)
    tiles["selected"] = tiles["selected"].fillna(False).astype(bool)
    tiles["names"] = tiles["names"].fillna("no case")
    tiles["in_filter"] = tiles["matching"] > 0
    tiles["label"] = tiles.apply(lambda r: f"{r.iso2}\n{r.matching}" if r.cases else r.iso2, axis=1)
    tiles["source"] = "Section 3.2 (home countries)"
    tiles["says"] = [f"{c}: {n} case firm{'s' if n != 1 else ''} based here, {m} matching the filters ({names})"
                     for c, n, m, names in zip(tiles["country"], tiles["cases"], tiles["matching"], tiles["names"],
                                               strict=True)]
    pick = alt.selection_point(name="pick_country", fields=["iso2"], on="click", clear="dblclick")
    base = alt.Chart(tiles).encode(
        x=alt.X("col:O", axis=None), y=alt.Y("row:O", axis=None),
    )
    squares = base.mark_rect(stroke="white", strokeWidth=2, cornerRadius=3, cursor="pointer").add_params(
        pick).encode(
        # Greys, darker with more matching cases: the typology owns the hues on this view.
        color=alt.condition(
            "datum.cases == 0", alt.value("#F4F6F8"),
            alt.Color("matching:O", scale=alt.Scale(domain=[0, 1, 2], range=list(palette.NEUTRAL_STEPS)),
                      legend=alt.Legend(title="cases matching the filters", orient="bottom", direction="horizontal")),
        ),
        tooltip=["country:N", alt.Tooltip("cases:Q", title="case firms based here"),
                 alt.Tooltip("matching:Q", title="matching the filters"), alt.Tooltip("names:N", title="cases"),
                 "source:N"],
        description="says:N",
    )
    # The selected country's ring: drawn, not announced (the tile says it), and no empty group without a name.
    outline = base.mark_rect(fill=None, stroke=palette.CHOSEN, strokeWidth=4, aria=False).transform_filter(
        "datum.selected")
    # White only on the darkest grey; the lighter steps take ink. The code and its count centred in the tile.
    labels = centred(lambda dy: base.mark_text(fontSize=12, lineBreak="\n", lineHeight=13, dy=dy, aria=False).encode(
        text="label:N",
        color=alt.condition("datum.matching >= 2", alt.value(palette.label_on(palette.NEUTRAL_STEPS[2])),
                            alt.value(palette.INK)),
    ), tiles, "label", 13)
    chart = alt.layer(squares, outline, *labels).properties(
        title=_title("Where the case firms are based", "Section 3.2 (home countries;\nWEPROG counts for DK and DE)",
                     "Number: cases matching the filters.\nClick a country to filter."),
        height=300, width=340,
    )
    based = tiles[tiles["cases"] > 0]
    return _finish(described(chart, "Countries with case firms: " + "; ".join(
        f"{c} {n}" for c, n in zip(based["country"], based["cases"], strict=True)) + "."), large)


@builder
def case_reasons(frame: pd.DataFrame, large: bool = False) -> alt.Chart:
    """Motives, barriers and impact the report counts over all 12 cases (it does not say which cases)."""
    # Named, not coloured, by topic ("Motive: …"): the typology owns the hues on this view.
    return _counts_over_twelve(frame[frame["topic"] != "activity"],
                               "Why they went abroad, what held them back, what it brought",
                               "The report gives these only as totals: filters do not apply.", large, named=True)
