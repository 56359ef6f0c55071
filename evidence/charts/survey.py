"""Charts of the expert survey (Annex 3): shares as precisely as reported, the sample, the Expert survey page."""

from __future__ import annotations

import altair as alt
import pandas as pd

from evidence import palette
from evidence.charts.base import LINES, _coding_legend, _finish, _title, builder, wrapped

# ------------------------------------------------------------------------------ survey (Annex 3)


@builder
def survey_shares(frame: pd.DataFrame, large: bool = False) -> alt.Chart:
    """The shares the report gives for the items of one figure: exact two-level results stacked,
    qualified ones ("almost 80%") as a marker with their qualifier, never as an exact bar."""
    data = frame[frame["value_pct"].notna()].copy()
    data["item"] = (data["letter"] + ". " + data["text"]).map(lambda t: wrapped(t, 40 if large else 34))
    data["shown"] = data.apply(
        lambda r: f"{r.value_pct}%" if r.qualifier == "exact" else f"{r.qualifier} {r.value_pct}%", axis=1)
    data["measure_label"] = data["measure"].str.replace("_", " ")
    data["source_label"] = data["source"].str.replace("sec-", "Section ")
    stacked = data[data["measure"].isin(["high_priority", "priority"]) & (data["qualifier"] == "exact")]
    others = data.drop(stacked.index)
    others = others[~others["measure"].isin(["priority_total"])]
    colours = alt.Scale(domain=["high priority", "priority"], range=[palette.BLUE, palette.SKY])
    tooltip = [alt.Tooltip("text:N", title="item"), alt.Tooltip("measure_label:N", title="measure"),
               alt.Tooltip("shown:N", title="share"), alt.Tooltip("qualifier:N"),
               alt.Tooltip("wording:N", title="the report says"), alt.Tooltip("source_label:N", title="source")]
    y = alt.Y("item:N", title=None, sort=alt.SortField("letter"), axis=alt.Axis(labelExpr=LINES))
    bars = alt.Chart(stacked).mark_bar().encode(
        y=y, x=alt.X("value_pct:Q", title="% of respondents", stack="zero", scale=alt.Scale(domain=[0, 100])),
        color=alt.Color("measure_label:N", scale=colours, legend=alt.Legend(title=None)),
        order=alt.Order("measure:N", sort="ascending"), tooltip=tooltip,
    )
    marks = alt.Chart(others).mark_point(shape="diamond", size=220 if large else 120, filled=True,
                                         color=palette.ORANGE).encode(y=y, x="value_pct:Q", tooltip=tooltip)
    notes = alt.Chart(others).mark_text(align="left", dx=10, fontSize=16 if large else 11).encode(
        y=y, x="value_pct:Q", text=alt.Text("note:N")
    ).transform_calculate(note="datum.shown + ' ' + datum.measure_label")
    chart = alt.layer(bars, marks, notes).properties(
        title=_title("Experts' priorities: SME networks and grants for international R&D",
                     "Figure 6, Section 7.3.3 (N = 37)",
                     "Bars: shares the report prints exactly. "
                     "Diamonds: shares it qualifies (almost, about, more than)."),
        height=230 if large else 240,
    )
    return _finish(chart, large)


@builder
def regional_focus(frame: pd.DataFrame, large: bool = False) -> alt.Chart:
    """Figure 7: should support focus on certain world regions? 32% yes, 68% no (and "70%" in 4.3.3)."""
    printed = frame[(frame["source"] == "fig-7") & frame["value_pct"].notna()].copy()
    printed["answer"] = printed["measure"].str.upper()
    printed["text"] = printed.apply(lambda r: f"{r.value_pct}% ({int(r.value_count)})", axis=1)
    printed["source_label"] = "Figure 7"
    other = frame[(frame["source"] != "fig-7") & frame["value_pct"].notna()].copy()
    other["source_label"] = other["source"].str.replace("sec-", "Section ")
    other["note"] = "“" + other["wording"].str.slice(0, 38) + "…” says " + other["value_pct"].astype(str) + "%"
    colours = alt.Scale(domain=["YES", "NO"], range=[palette.BLUE, palette.VERMILLION])
    bars = alt.Chart(printed).mark_bar().encode(
        x=alt.X("value_pct:Q", title="% of respondents", scale=alt.Scale(domain=[0, 100])),
        y=alt.Y("answer:N", title=None, sort=["YES", "NO"]),
        color=alt.Color("answer:N", scale=colours, legend=None),
        tooltip=["answer:N", alt.Tooltip("text:N", title="share (count)"),
                 alt.Tooltip("wording:N", title="the report says"), alt.Tooltip("source_label:N", title="source")],
    )
    labels = alt.Chart(printed).mark_text(align="left", dx=6, fontSize=18 if large else 12).encode(
        x="value_pct:Q", y=alt.Y("answer:N", sort=["YES", "NO"]), text="text:N"
    )
    rule = alt.Chart(other).mark_rule(color=palette.INK, strokeDash=[4, 3]).encode(
        x="value_pct:Q",
        tooltip=[alt.Tooltip("wording:N", title="the report also says"),
                 alt.Tooltip("source_label:N", title="source"), "contradiction_id:N"],
    )
    chart = alt.layer(bars, labels, rule).properties(
        title=_title("About two thirds of experts want no regional focus",
                     "Figure 7 (YES 12, NO 25); dashed line: “a majority of experts (70%)”, Section 4.3.3",
                     "The report gives 68% and 70%: both are shown (the report contradicts itself)."),
        height=150 if large else 140,
    )
    return _finish(chart, large)


@builder
def study_vs_experts(frame: pd.DataFrame, large: bool = False) -> alt.Chart:
    """How many of the study's findings the experts confirmed, qualified or diverged from."""
    data = frame.assign(
        coding=frame["coding"].map({"stated": palette.STATED, "project": palette.CODED}),
        source=frame["study_source"] + " / " + frame["expert_source"],
    )
    domain, colours = palette.scale(palette.OUTCOMES)
    pick = alt.selection_point(name="pick", fields=["outcome"], on="click", clear="dblclick")
    chart = alt.Chart(data).mark_bar(stroke=palette.INK, strokeWidth=0.6, cursor="pointer").add_params(pick).encode(
        y=alt.Y("outcome:N", sort=domain, title=None),
        x=alt.X("count():Q", title="findings", axis=alt.Axis(tickMinStep=1)),
        color=alt.Color("outcome:N", scale=alt.Scale(domain=domain, range=colours), legend=None),
        detail="topic:N",
        tooltip=["topic:N", "outcome:N", alt.Tooltip("outcome_wording:N", title="the report says"), "source:N"],
        **_coding_legend(),
    ).properties(
        title=_title("The experts largely confirmed the study", "Sections 2, 3.3, 7.2 and 7.3",
                     "One block per finding. Light, dashed: paired by the project, not by the report."),
        height=170 if large else 140,
    )
    return _finish(chart, large)


# ------------------------------------------------------------------------------ the Expert survey page


def _item_label(frame: pd.DataFrame) -> pd.Series:
    """Figure and letter, then the item's whole text in lines (drawn by LINES), never cut."""
    return (frame["figure_id"] + "." + frame["letter"] + "  " + frame["text"]).map(lambda t: wrapped(t, 46))


@builder
def survey_statements(frame: pd.DataFrame, large: bool = False) -> alt.Chart:
    """Every item with what the report says: a verdict in words, and the shares it gives, drawn as precisely as
    it gives them (the marker's shape is the qualifier; two-level priorities stacked). Items with no result say so."""
    data = frame.assign(item=_item_label(frame))
    order = list(data.drop_duplicates("item_id")["item"])
    # The words column: one line per item.
    def words(group: pd.DataFrame) -> str:
        if group["result_id"].isna().all():
            return "no result given"
        verdicts = list(dict.fromkeys(group["verdict"].dropna()))
        quantities = [q for q in dict.fromkeys(group["qualifier"].dropna())
                      if q not in ("exact", "none", "almost", "nearly", "more than", "about")]
        return ", ".join(verdicts) + (f" ({', '.join(quantities)})" if quantities else "")

    summary = data.groupby(["item_id", "item"], as_index=False, sort=False).apply(
        lambda g: pd.Series({"words": words(g), "selected": bool(g["selected"].any()),
                             "flagged": bool(g["contradiction_id"].notna().any())}),
        include_groups=False,
    )
    summary["tone"] = [("selected" if selected else "no result" if words == "no result given" else "result")
                       for selected, words in zip(summary["selected"], summary["words"], strict=True)]
    numeric = data[data["value_pct"].notna()].copy()
    numeric["measure_label"] = numeric["measure"].str.replace("_", " ")
    numeric["source_label"] = numeric["source"].str.replace("sec-", "Section ").str.replace("fig-", "Figure ")
    numeric["flag"] = numeric["contradiction_id"].fillna("")
    stacked_mask = numeric["measure"].isin(["high_priority", "priority"]) & (numeric["qualifier"] == "exact")
    stacked = numeric[stacked_mask].sort_values(["item_id", "measure"]).copy()
    stacked["x0"] = stacked.groupby("item_id")["value_pct"].cumsum() - stacked["value_pct"]
    stacked["x1"] = stacked["x0"] + stacked["value_pct"]
    points = numeric[~stacked_mask].copy()
    points["rank"] = points.groupby("item_id").cumcount()
    points["shape_key"] = points["qualifier"].map(lambda q: palette.QUALIFIER_SHAPES.get(q, ("circle", q))[1])
    points["lo"] = points.apply(lambda r: r.value_pct - 5 if r.qualifier in ("almost", "nearly") else (
        r.value_pct - 3 if r.qualifier == "about" else r.value_pct), axis=1)
    points["hi"] = points.apply(lambda r: r.value_pct + 5 if r.qualifier == "more than" else (
        r.value_pct + 3 if r.qualifier == "about" else r.value_pct), axis=1)
    shape_domain = list(dict.fromkeys(label for _, label in palette.QUALIFIER_SHAPES.values()))
    shape_range = list(dict.fromkeys(shape for shape, _ in palette.QUALIFIER_SHAPES.values()))
    present = set(numeric["measure"])
    measure_domain, measure_range = palette.scale({m: c for m, c in palette.MEASURES.items() if m in present})
    pick = alt.selection_point(name="pick_item", fields=["item_id"], on="click", clear="dblclick")
    tooltip = [alt.Tooltip("item:N"), alt.Tooltip("measure_label:N", title="measure"),
               alt.Tooltip("value_pct:Q", title="%"), alt.Tooltip("qualifier:N"),
               alt.Tooltip("wording:N", title="the report says"), alt.Tooltip("source_label:N", title="source"),
               alt.Tooltip("flag:N", title="contradiction")]
    y = alt.Y("item:N", sort=order, title=None, axis=alt.Axis(labelLimit=320, labelExpr=LINES))
    lines = max((label.count("\n") + 1 for label in order), default=1)
    row_height = max(30 if large else 26, 13 * lines + 10)
    height = max(60, row_height * len(order))

    words_chart = alt.Chart(summary).mark_text(align="left", cursor="pointer").encode(
        y=y, x=alt.value(4), text="words:N",
        color=alt.Color("tone:N", scale=alt.Scale(domain=["selected", "no result", "result"],
                                                  range=[palette.VERMILLION, palette.GREY, palette.INK]),
                        legend=None),
        tooltip=[alt.Tooltip("item:N"), alt.Tooltip("words:N", title="the report says")],
    ).properties(width=175, height=height, title=alt.Title("In words", anchor="start", fontSize=12))

    x = alt.X("value_pct:Q", title="% of respondents", scale=alt.Scale(domain=[0, 100]))
    y = alt.Y("item:N", sort=order, title=None, axis=None)  # the words panel carries the item labels
    bars = alt.Chart(stacked).mark_bar(height=12, cursor="pointer").encode(
        y=y, x=alt.X("x0:Q", scale=alt.Scale(domain=[0, 100]), title="% of respondents"), x2="x1:Q",
        color=alt.Color("measure:N", scale=alt.Scale(domain=measure_domain, range=measure_range),
                        legend=alt.Legend(title="measure", orient="top", direction="horizontal", columns=3,
                                          labelExpr="replace(datum.label, /_/g, ' ')", labelLimit=200)),
        tooltip=tooltip,
    )
    spans = alt.Chart(points).mark_rule(strokeDash=[3, 2], strokeWidth=2).encode(
        y=y, yOffset=alt.YOffset("rank:O"), x=alt.X("lo:Q", scale=alt.Scale(domain=[0, 100])), x2="hi:Q",
        color=alt.Color("measure:N", scale=alt.Scale(domain=measure_domain, range=measure_range)),
    )
    marks = alt.Chart(points).mark_point(filled=True, size=110, cursor="pointer").add_params(pick).encode(
        y=y, yOffset=alt.YOffset("rank:O"), x=x,
        shape=alt.Shape("shape_key:N", scale=alt.Scale(domain=shape_domain, range=shape_range),
                        legend=alt.Legend(title="how precise the report is", orient="bottom", direction="vertical",
                                          columns=1, labelLimit=260)),
        color=alt.Color("measure:N", scale=alt.Scale(domain=measure_domain, range=measure_range)),
        stroke=alt.condition("datum.flag != ''", alt.value(palette.VERMILLION), alt.value(None)),
        strokeWidth=alt.condition("datum.flag != ''", alt.value(2.5), alt.value(0)),
        tooltip=tooltip,
    )
    shares = alt.layer(bars, spans, marks).properties(
        # Narrow enough that the two panels and the legends under them fit a laptop's page without clipping.
        height=height, width=300, title=alt.Title("Shares the report gives", anchor="start", fontSize=12))
    chart = alt.hconcat(words_chart, shares, spacing=8).resolve_scale(
        y="shared", color="independent", shape="independent").properties(
        title=_title("What the experts said, as precisely as the report says it",
                     "Annex 3 (Figures 1a to 7) and sections 3.3, 4.3.3, 7.2-7.4",
                     "Red ring: a number the report contradicts elsewhere. Click an item for its panel."),
    )
    return _finish(chart, large)


@builder
def respondent_types(frame: pd.DataFrame, large: bool = False) -> alt.Chart:
    """Who answered, for one sample date: the respondent types with their shares where the report gives them."""
    data = frame.assign(
        shown=frame["share_pct"].fillna(0),
        label=frame["share_pct"].map(lambda s: "listed, no share given" if pd.isna(s) else f"{int(s)}%"),
        source_label=frame["source"].str.replace("sec-", "Section "),
    )
    total = frame["share_pct"].sum()
    order = list(data.sort_values("position")["respondent_type"])
    base = alt.Chart(data)
    bars = base.mark_bar(color=palette.BLUE).encode(
        y=alt.Y("respondent_type:N", sort=order, title=None),
        x=alt.X("shown:Q", title="% of respondents", scale=alt.Scale(domain=[0, 100])),
        tooltip=["respondent_type:N", alt.Tooltip("label:N", title="share"),
                 alt.Tooltip("source_label:N", title="source")],
    )
    labels = base.mark_text(align="left", dx=4).encode(y=alt.Y("respondent_type:N", sort=order), x="shown:Q",
                                                        text="label:N")
    note = (f"The shares add up to {int(total)}% (rounding; the report contradicts itself)." if total > 100
            else "Only the first share is given for this date.")
    chart = alt.layer(bars, labels).properties(
        title=_title("Who answered", f"{data['source_label'].iloc[0]} (sample of {data['sample_id'].iloc[0]})", note),
        height=max(100, 28 * len(data)),
    )
    return _finish(chart, large)


@builder
def expertise(frame: pd.DataFrame, large: bool = False) -> alt.Chart:
    """Table 1 as a heatmap: self-assessed expertise by domain."""
    data = frame.assign(text=frame["share_pct"].astype(str) + "%", source="Table 1 (Annex 3, Section 7.1)")
    domains = ["SMEs", "Innovation", "Research", "International business"]
    base = alt.Chart(data).encode(
        x=alt.X("level:N", sort=["High", "Medium", "Low"], title="self-assessed expertise",
                axis=alt.Axis(orient="top", labelAngle=0)),
        y=alt.Y("domain:N", sort=domains, title=None),
    )
    cells = base.mark_rect(stroke="white").encode(
        color=alt.Color("share_pct:Q", scale=alt.Scale(domain=[0, 100], range=["#f2f7fb", palette.BLUE]),
                        legend=None),
        tooltip=["domain:N", "level:N", alt.Tooltip("share_pct:Q", title="% of respondents"), "source:N"],
    )
    text = base.mark_text(fontSize=14).encode(
        text="text:N", color=alt.condition("datum.share_pct > 45", alt.value("white"), alt.value(palette.INK)))
    chart = alt.layer(cells, text).properties(
        title=_title("How expert the respondents say they are", "Table 1 (Annex 3, Section 7.1)"), height=180)
    return _finish(chart, large)


@builder
def ease(frame: pd.DataFrame, large: bool = False) -> alt.Chart:
    """How easy the respondents found answering the questions."""
    data = frame.assign(source="Section 7.1")
    order = list(data.sort_values("position")["answer"])
    base = alt.Chart(data)
    bars = base.mark_bar(color=palette.BLUE).encode(
        y=alt.Y("answer:N", sort=order, title=None), x=alt.X("respondents:Q", title="respondents"),
        tooltip=["answer:N", "respondents:Q", "source:N"],
    )
    labels = base.mark_text(align="left", dx=4).encode(y=alt.Y("answer:N", sort=order), x="respondents:Q",
                                                        text="respondents:Q")
    chart = alt.layer(bars, labels).properties(
        title=_title("How easy answering was", "Section 7.1",
                     f"{int(data['respondents'].sum())} answers, against 44 valid responses "
                     "(the report contradicts itself)."),
        height=100,
    )
    return _finish(chart, large)


@builder
def regions(frame: pd.DataFrame, large: bool = False) -> alt.Chart:
    """The regions chosen by the 12 respondents who wanted a regional focus (Figure 7)."""
    data = frame.assign(
        coding=frame["count_derived"].map({True: palette.CODED, False: palette.STATED}),
        source_label=frame["source"].str.replace("sec-", "Section "),
    )
    order = list(data.sort_values("position")["region"])
    base = alt.Chart(data)
    bars = base.mark_bar(color=palette.BLUE, stroke=palette.INK, strokeWidth=0.6).encode(
        y=alt.Y("region:N", sort=order, title=None),
        x=alt.X("respondents:Q", title="respondents (of 12)", scale=alt.Scale(domain=[0, 12])),
        tooltip=["region:N", "respondents:Q", alt.Tooltip("share_wording:N", title="the report says"),
                 alt.Tooltip("source_label:N", title="source")],
        **_coding_legend(),
    )
    labels = base.mark_text(align="left", dx=4).encode(y=alt.Y("region:N", sort=order), x="respondents:Q",
                                                        text="share_wording:N")
    chart = alt.layer(bars, labels).properties(
        title=_title("Which regions, for those who wanted a focus", "Figure 7 and Section 7.3.4 (N = 12)",
                     "“50%” of 12 is drawn as 6: the project's arithmetic, lighter and dashed."),
        height=150,
    )
    return _finish(chart, large)
