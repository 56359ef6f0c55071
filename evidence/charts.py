"""Chart builders: a DataFrame from a named query in, an Altair chart out. No Streamlit here.

Every chart has a title, a subtitle naming its source in the report, and tooltips that carry the
source (and, for survey values, the qualifier). Values the project coded or derived are drawn
lighter and dashed, with a legend entry.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from evidence import palette

BUILDERS: dict[str, callable] = {}


def builder(function):
    """Register a chart builder by name, so pages and slides can refer to it by name."""
    BUILDERS[function.__name__] = function
    return function


def _title(title: str, source: str, note: str | None = None) -> alt.Title:
    subtitle = [f"Source: {source}"] + ([note] if note else [])
    return alt.Title(title, subtitle=subtitle, anchor="start", subtitleColor=palette.GREY)


def _finish(chart: alt.TopLevelMixin, large: bool) -> alt.TopLevelMixin:
    size = 18 if large else 12
    if large:
        # On a slide the headline is the title: keep only the source lines, to fit one screen.
        lines = list(chart.title.subtitle)
        chart = chart.properties(title=alt.Title(lines[0], subtitle=lines[1:], anchor="start", color=palette.GREY,
                                                 fontWeight="normal", subtitleColor=palette.GREY))
    return (
        chart.configure_title(fontSize=size if large else 16, subtitleFontSize=size, offset=12)
        .configure_axis(labelFontSize=size, titleFontSize=size, labelLimit=460 if large else 340)
        .configure_legend(labelFontSize=size, titleFontSize=size, orient="bottom", labelLimit=400)
        .configure_view(stroke=None)
        # Fit the width to the page; the height set by each builder is the plot's own, so titles and
        # legends add to it instead of squeezing it (Streamlit's default would fit both). Side-by-side
        # charts cannot be fitted: they keep the widths their builder gives them.
        .properties(autosize=alt.AutoSizeParams(
            type="pad" if isinstance(chart, alt.HConcatChart) else "fit-x", contains="padding"))
    )


def _coding_legend() -> dict:
    domain = [palette.STATED, palette.CODED]
    return {
        "opacity": alt.Opacity("coding:N", scale=alt.Scale(domain=domain, range=[1.0, 0.45]),
                               legend=alt.Legend(title=None)),
        "strokeDash": alt.StrokeDash("coding:N", scale=alt.Scale(domain=domain, range=[[1, 0], [4, 3]]),
                                     legend=alt.Legend(title=None)),
    }


# ------------------------------------------------------------------------------ cases (section 3.2)


@builder
def type_counts(frame: pd.DataFrame, large: bool = False) -> alt.Chart:
    """Per internationalisation type: the report's count over the 12 cases beside the cases it names."""
    rows = []
    for row in frame.itertuples():
        rows.append({"type_id": row.type_id, "type": row.label, "order": row.sort_order,
                     "measure": "counted by the report (of 12)", "cases": row.reported_count,
                     "coding": palette.STATED, "detail": row.reported_wording or "The report gives no count.",
                     "source": "Section 3.2"})
        rows.append({"type_id": row.type_id, "type": row.label, "order": row.sort_order,
                     "measure": "named in the report", "cases": row.named_cases,
                     "coding": palette.CODED, "detail": row.named_case_list or "No case is named.",
                     "source": "Sections 3.2, 3.4, Annex 1 (counted by the project)"})
    data = pd.DataFrame(rows)
    data["shown"] = data["cases"].fillna(0)
    data["label"] = data["cases"].map(lambda c: "no count given" if pd.isna(c) else f"{int(c)}")
    order = list(frame.sort_values("sort_order")["label"])
    domain, colours = palette.scale(palette.TYPES)
    base = alt.Chart(data)
    bars = base.mark_bar(stroke=palette.INK, strokeWidth=0.6).encode(
        y=alt.Y("type:N", sort=order, title=None),
        yOffset=alt.YOffset("measure:N", sort=["counted by the report (of 12)", "named in the report"]),
        x=alt.X("shown:Q", title="cases (of 12)", scale=alt.Scale(domain=[0, 12]), axis=alt.Axis(format="d")),
        color=alt.Color("type_id:N", scale=alt.Scale(domain=domain, range=colours), legend=None),
        tooltip=[alt.Tooltip("type:N"), alt.Tooltip("measure:N"), alt.Tooltip("cases:Q"),
                 alt.Tooltip("detail:N", title="the report says"), alt.Tooltip("source:N")],
        **_coding_legend(),
    )
    labels = base.mark_text(align="left", dx=4, fontSize=18 if large else 12).encode(
        y=alt.Y("type:N", sort=order),
        yOffset=alt.YOffset("measure:N", sort=["counted by the report (of 12)", "named in the report"]),
        x=alt.X("shown:Q"),
        text=alt.Text("label:N"),
    )
    chart = alt.layer(bars, labels).properties(
        title=_title("Collaboration is the most common type; the report names fewer cases than it counts",
                     "Section 3.2 (counts over the 12 cases); named cases from sections 3.2, 3.4 and Annex 1",
                     "Dark bars: the report's count. Light, dashed: the cases it names for the type."),
        height=250 if large else 300,
    )
    return _finish(chart, large)


@builder
def case_aggregates(frame: pd.DataFrame, large: bool = False) -> alt.Chart:
    """Motives, barriers or impacts the report counts over the 12 cases."""
    data = frame.assign(
        coding=frame["count_derived"].map({True: palette.CODED, False: palette.STATED}),
        label=[f"{int(c)} of 12" if pd.notna(c) else q for c, q in zip(frame["cases_count"],
                                                                         frame["count_qualifier"], strict=True)],
        shown=frame["cases_count"].fillna(0),
    )
    domain, colours = palette.scale(palette.TOPICS)
    topics = ", ".join(sorted(set(data["topic"])))
    base = alt.Chart(data)
    bars = base.mark_bar(stroke=palette.INK, strokeWidth=0.6).encode(
        y=alt.Y("item:N", sort="-x", title=None),
        x=alt.X("shown:Q", title="cases (of 12)", scale=alt.Scale(domain=[0, 12]), axis=alt.Axis(format="d")),
        color=alt.Color("topic:N", scale=alt.Scale(domain=domain, range=colours), legend=None),
        tooltip=[alt.Tooltip("item:N"), alt.Tooltip("label:N", title="cases"),
                 alt.Tooltip("wording:N", title="the report says"), alt.Tooltip("source:N")],
        **_coding_legend(),
    )
    labels = base.mark_text(align="left", dx=4, fontSize=18 if large else 12).encode(
        y=alt.Y("item:N", sort="-x"), x="shown:Q", text="label:N"
    )
    chart = alt.layer(bars, labels).properties(
        title=_title(f"What the 12 cases report: {topics}", "Section 3.2"),
        height=max(100, 40 * len(data)) if large else max(90, 32 * len(data)),
    )
    return _finish(chart, large)


@builder
def typology(frame: pd.DataFrame, large: bool = False) -> alt.Chart:
    """The 12 cases by typology group (born, urged, intentional, accidental globals)."""
    data = (
        frame.groupby(["typology_id", "typology_label", "typology_order"], as_index=False)
        .agg(cases=("name", "size"), names=("name", lambda n: ", ".join(sorted(n))))
        .assign(source="Section 3.2")
    )
    domain, colours = palette.scale(palette.TYPOLOGY)
    order = list(data.sort_values("typology_order")["typology_label"])
    base = alt.Chart(data)
    bars = base.mark_bar().encode(
        y=alt.Y("typology_label:N", sort=order, title=None),
        x=alt.X("cases:Q", title="cases", axis=alt.Axis(tickMinStep=1)),
        color=alt.Color("typology_id:N", scale=alt.Scale(domain=domain, range=colours), legend=None),
        tooltip=[alt.Tooltip("typology_label:N", title="group"), "cases:Q", alt.Tooltip("names:N", title="cases"),
                 "source:N"],
    )
    labels = base.mark_text(align="left", dx=6, fontSize=18 if large else 12).encode(
        y=alt.Y("typology_label:N", sort=order), x="cases:Q", text="names:N"
    )
    chart = alt.layer(bars, labels).properties(
        title=_title("Born, urged, intentional and accidental globals", "Section 3.2 (the study's typology)"),
        height=240 if large else 220,
    )
    return _finish(chart, large)


# ------------------------------------------------------------------------------ context (section 4.1)


@builder
def sme_activity_abroad(frame: pd.DataFrame, large: bool = False) -> alt.Chart:
    """Shares of European SMEs importing, exporting, with an R&D partner abroad."""
    data = frame[frame["key_figure_id"].isin(["smes-imported", "smes-exported", "smes-rnd-partner"])].copy()
    data["order"] = data["key_figure_id"].map({"smes-imported": 1, "smes-exported": 2, "smes-rnd-partner": 3})
    data["short"] = data["key_figure_id"].map({"smes-imported": "imported goods", "smes-exported": "exported",
                                               "smes-rnd-partner": "had an R&D partner abroad"})
    data["text"] = data["value"].map(lambda v: f"{v:.0f}%")
    data["source"] = "Section 4.1"
    base = alt.Chart(data)
    bars = base.mark_bar(color=palette.BLUE).encode(
        y=alt.Y("short:N", sort=["imported goods", "exported", "had an R&D partner abroad"], title=None),
        x=alt.X("value:Q", title="% of European SMEs", scale=alt.Scale(domain=[0, 100])),
        tooltip=["label:N", alt.Tooltip("value:Q", title="%"), alt.Tooltip("wording:N", title="the report says"),
                 "source:N"],
    )
    labels = base.mark_text(align="left", dx=6, fontSize=20 if large else 13, fontWeight="bold").encode(
        y=alt.Y("short:N", sort=["imported goods", "exported", "had an R&D partner abroad"]), x="value:Q",
        text="text:N"
    )
    chart = alt.layer(bars, labels).properties(
        title=_title("Few European SMEs work with an R&D partner abroad", "Section 4.1 (S. Maenhout, DG RTD)"),
        height=220 if large else 180,
    )
    return _finish(chart, large)


# ------------------------------------------------------------------------------ policy (section 4.2)


@builder
def what_how(frame: pd.DataFrame, large: bool = False) -> alt.Chart:
    """The WHAT/HOW matrix read from the surviving symbols (project coding)."""
    data = frame.assign(
        marks=frame["symbols"].map(lambda n: "●" * int(n) if n else "–"),
        coding=palette.CODED,
        reading="The column labels and the intensity are the project's reading of the lost figure.",
        source="Figure in section 4.2",
    )
    columns = list(data.sort_values("column_index")["process_label"].unique())
    rows = list(data.sort_values("type_order")["type_label"].unique())
    base = alt.Chart(data).encode(
        x=alt.X("process_label:N", sort=columns, title="Business process (WHAT, project's reading)",
                axis=alt.Axis(orient="top", labelAngle=0)),
        y=alt.Y("type_label:N", sort=rows, title="Type of internationalisation (HOW)"),
    )
    cells = base.mark_rect(stroke=palette.GREY, strokeDash=[4, 3], strokeWidth=1).encode(
        color=alt.Color("symbols:O", scale=alt.Scale(domain=[0, 1, 3], range=["#ffffff", "#9ecae1", palette.BLUE]),
                        legend=alt.Legend(title="symbols in the figure")),
        tooltip=[alt.Tooltip("type_label:N", title="HOW"), alt.Tooltip("process_label:N", title="WHAT"),
                 "symbols:Q", "intensity:N", alt.Tooltip("reading:N", title="note"), "source:N"],
    )
    text = base.mark_text(fontSize=24 if large else 16).encode(
        text="marks:N",
        color=alt.condition("datum.symbols >= 2", alt.value("white"), alt.value(palette.INK)),
    )
    chart = alt.layer(cells, text).properties(
        title=_title("Case activity sits in export and R&D, hardly in production",
                     "Figure in section 4.2 (symbols counted from the text export)",
                     "Project's reading: column labels and intensity are inferred (see coding_notes)"),
        height=230 if large else 260,
    )
    return _finish(chart, large)


@builder
def budgets(frame: pd.DataFrame, large: bool = False) -> alt.Chart:
    """The budgets the report gives, on a log scale (EUR 600,000 to EUR 6 billion)."""
    def label(value: float, qualifier: str) -> str:
        text = f"EUR {value / 1e9:g} bn" if value >= 1e9 else (
            f"EUR {value / 1e6:g} m" if value >= 1e6 else f"EUR {value:,.0f}")
        return text if qualifier == "exact" else f"{text} ({qualifier})"

    data = frame.assign(
        text=[label(v, q) for v, q in zip(frame["value"], frame["qualifier"], strict=True)],
        source=frame["source"].map(lambda s: s.replace("sec-", "Section ")),
        baseline=1e5,  # a log axis has no zero: bars start at EUR 100,000
    )
    base = alt.Chart(data)
    bars = base.mark_bar(color=palette.BLUE).encode(
        y=alt.Y("instrument_name:N", sort="-x", title=None),
        x=alt.X("value:Q", title="EUR (log scale)", scale=alt.Scale(type="log", domain=[1e5, 1e12]),
                axis=alt.Axis(format="~s")),
        x2="baseline:Q",
        tooltip=[alt.Tooltip("instrument_name:N", title="instrument"), alt.Tooltip("text:N", title="budget"),
                 "qualifier:N", alt.Tooltip("wording:N", title="the report says"), "source:N"],
    )
    labels = base.mark_text(align="left", dx=6, fontSize=18 if large else 12).encode(
        y=alt.Y("instrument_name:N", sort="-x"), x="value:Q", text="text:N"
    )
    chart = alt.layer(bars, labels).properties(
        title=_title("Most EU money for SMEs goes through the research programmes",
                     "Sections 4.1 and 4.4.1 (Horizon 2020 and the planned forum)"),
        height=230 if large else 200,
    )
    return _finish(chart, large)


# ------------------------------------------------------------------------------ survey (Annex 3)


@builder
def survey_shares(frame: pd.DataFrame, large: bool = False) -> alt.Chart:
    """The shares the report gives for the items of one figure: exact two-level results stacked,
    qualified ones ("almost 80%") as a marker with their qualifier, never as an exact bar."""
    data = frame[frame["value_pct"].notna()].copy()
    data["item"] = data["letter"] + ". " + data["text"].str.slice(0, 60)
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
    y = alt.Y("item:N", title=None, sort=alt.SortField("letter"))
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
                     "The report gives 68% and 70%: both are shown (contradiction c-fig7-share)."),
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
        **_case_highlight(),
    )
    names = alt.Chart(data).mark_text(color="white", fontSize=16 if large else 12, fontWeight="bold",
                                      limit=140).encode(
        y=y, x="xm:Q", text="name:N",
        opacity=alt.condition("datum.in_filter", alt.value(1.0), alt.value(0.6)),
        color=alt.condition("datum.in_filter", alt.value("white"), alt.value(palette.INK)),
    )
    chart = alt.layer(blocks, names).properties(
        title=_title("The typology: born, urged, intentional and accidental globals",
                     "Section 3.2 (the study's typology of the 12 cases)",
                     "One block per case; click a group to filter, double-click to clear."),
        height=200,
    )
    return _finish(chart, large)


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
    domain, colours = palette.scale(palette.TYPES)
    measures = ["counted by the report", "named in the report"]
    pick = alt.selection_point(name="pick_type", fields=["type_id"], on="click", clear="dblclick")
    y = alt.Y("type_label:N", sort=order, title=None)
    offset = alt.YOffset("measure:N", sort=measures)
    colour = alt.Color("type_id:N", scale=alt.Scale(domain=domain, range=colours), legend=None)
    report_bars = alt.Chart(counted).mark_bar(stroke=palette.INK, strokeWidth=0.6, cursor="pointer").add_params(
        pick).encode(
        y=y, yOffset=offset, color=colour,
        x=alt.X("cases:Q", title="cases (of 12)", scale=alt.Scale(domain=[0, 12]), axis=alt.Axis(format="d")),
        tooltip=[alt.Tooltip("type_label:N", title="type"), alt.Tooltip("label:N", title="the report counts"),
                 alt.Tooltip("reported_wording:N", title="the report says"), "source:N"],
    )
    report_labels = alt.Chart(counted).mark_text(align="left", dx=4, fontSize=16 if large else 12).encode(
        y=y, yOffset=offset, x="cases:Q", text="label:N")
    case_blocks = alt.Chart(named).mark_bar(strokeDash=[4, 3], stroke=palette.INK, cursor="pointer").encode(
        y=y, yOffset=offset, color=colour, x="x0:Q", x2="x1:Q",
        tooltip=[alt.Tooltip("case_name:N", title="case"), alt.Tooltip("type_label:N", title="type"),
                 alt.Tooltip("coding:N", title="stated or project's match"),
                 alt.Tooltip("evidence:N", title="the report says"), "source:N"],
        **_case_highlight(),
    )
    named_labels = alt.Chart(named).mark_text(fontSize=10, limit=44).encode(
        y=y, yOffset=offset, x="xm:Q", text="case_name:N",
        color=alt.condition("datum.in_filter", alt.value("white"), alt.value(palette.INK)),
    )
    chart = alt.layer(report_bars, report_labels, case_blocks, named_labels).properties(
        title=_title("What the report counts over the 12, and the cases it names",
                     "Section 3.2 (counts); sections 3.2, 3.4 and Annex 1 (named cases)",
                     f"Upper bar: the report's count. Lower, dashed: one block per case it names "
                     f"({len(named)} in all). Click a type to filter."),
        height=300,
    )
    return _finish(chart, large)


@builder
def case_map(frame: pd.DataFrame, large: bool = False) -> alt.Chart:
    """Home countries on a tile grid of Europe (and Israel): how many cases each, how many pass the filters."""
    from evidence.tiles import TILES

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
    pick = alt.selection_point(name="pick_country", fields=["iso2"], on="click", clear="dblclick")
    base = alt.Chart(tiles).encode(
        x=alt.X("col:O", axis=None), y=alt.Y("row:O", axis=None),
    )
    squares = base.mark_rect(stroke="white", strokeWidth=2, cornerRadius=3, cursor="pointer").add_params(
        pick).encode(
        color=alt.condition(
            "datum.cases == 0", alt.value("#EEF0F3"),
            alt.Color("matching:Q", scale=alt.Scale(domain=[0, 2], range=["#cfe3f1", palette.BLUE]),
                      legend=alt.Legend(title="cases matching", values=[0, 1, 2], format="d")),
        ),
        tooltip=["country:N", alt.Tooltip("cases:Q", title="case firms based here"),
                 alt.Tooltip("matching:Q", title="matching the filters"), alt.Tooltip("names:N", title="cases"),
                 "source:N"],
    )
    outline = base.mark_rect(fill=None, stroke=palette.VERMILLION, strokeWidth=4).transform_filter("datum.selected")
    labels = base.mark_text(fontSize=12, lineBreak="\n").encode(
        text="label:N",
        color=alt.condition("datum.matching >= 1", alt.value("white"), alt.value(palette.INK)),
    )
    chart = alt.layer(squares, outline, labels).properties(
        title=_title("Where the case firms are based", "Section 3.2 (home countries; WEPROG counts for DK and DE)",
                     "Number: cases matching the filters. Click a country to filter."),
        height=300, width=340,
    )
    return _finish(chart, large)


@builder
def case_reasons(frame: pd.DataFrame, large: bool = False) -> alt.Chart:
    """Motives, barriers and impact the report counts over all 12 cases (it does not say which cases)."""
    data = frame[frame["topic"] != "activity"].copy()
    data["coding"] = data["count_derived"].map({True: palette.CODED, False: palette.STATED})
    data["label"] = [f"{int(c)} of 12" if pd.notna(c) else q
                     for c, q in zip(data["cases_count"], data["count_qualifier"], strict=True)]
    data["shown"] = data["cases_count"].fillna(0)
    order = list(data.sort_values(["topic", "shown"], ascending=[True, False])["item"])
    domain, colours = palette.scale({k: v for k, v in palette.TOPICS.items() if k != "activity"})
    base = alt.Chart(data)
    bars = base.mark_bar(stroke=palette.INK, strokeWidth=0.6).encode(
        y=alt.Y("item:N", sort=order, title=None),
        x=alt.X("shown:Q", title="cases (of 12)", scale=alt.Scale(domain=[0, 12]), axis=alt.Axis(format="d")),
        color=alt.Color("topic:N", scale=alt.Scale(domain=domain, range=colours), legend=alt.Legend(title=None)),
        tooltip=[alt.Tooltip("topic:N"), alt.Tooltip("item:N"), alt.Tooltip("label:N", title="cases"),
                 alt.Tooltip("wording:N", title="the report says"), alt.Tooltip("source:N")],
        **_coding_legend(),
    )
    labels = base.mark_text(align="left", dx=4).encode(y=alt.Y("item:N", sort=order), x="shown:Q", text="label:N")
    chart = alt.layer(bars, labels).properties(
        title=_title("Why they went abroad, what held them back, what it brought",
                     "Section 3.2 (counts over the 12 cases)",
                     "The report gives these only as totals: filters do not apply."),
        height=260,
    )
    return _finish(chart, large)


# ------------------------------------------------------------------------------ the Expert survey page


def _item_label(frame: pd.DataFrame) -> pd.Series:
    return frame["figure_id"] + "." + frame["letter"] + "  " + frame["text"].str.slice(0, 56) + frame["text"].map(
        lambda t: "…" if len(t) > 56 else "")


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
    y = alt.Y("item:N", sort=order, title=None, axis=alt.Axis(labelLimit=300))
    row_height = 30 if large else 26
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
                        legend=alt.Legend(title="measure", orient="right", direction="vertical", columns=1,
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
                        legend=alt.Legend(title="how precise the report is", orient="right", direction="vertical",
                                          columns=1, labelLimit=260)),
        color=alt.Color("measure:N", scale=alt.Scale(domain=measure_domain, range=measure_range)),
        stroke=alt.condition("datum.flag != ''", alt.value(palette.VERMILLION), alt.value(None)),
        strokeWidth=alt.condition("datum.flag != ''", alt.value(2.5), alt.value(0)),
        tooltip=tooltip,
    )
    shares = alt.layer(bars, spans, marks).properties(
        height=height, width=360, title=alt.Title("Shares the report gives", anchor="start", fontSize=12))
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
    note = (f"The shares add up to {int(total)}% (rounding; contradiction c-respondent-shares)." if total > 100
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
                     f"{int(data['respondents'].sum())} answers, against 44 valid responses (c-ease-total)."),
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


# ------------------------------------------------------------------------------ the Policy page


def _cell_base(data: pd.DataFrame):
    columns = list(data.sort_values("column_index")["process_label"].unique())
    rows = list(data.sort_values("type_order")["type_label"].unique())
    return alt.Chart(data).encode(
        x=alt.X("process_label:N", sort=columns, title="Business process (WHAT, project's reading)",
                axis=alt.Axis(orient="top", labelAngle=0)),
        y=alt.Y("type_label:N", sort=rows, title="Type of internationalisation (HOW)"),
    )


@builder
def what_how_cells(frame: pd.DataFrame, large: bool = False) -> alt.Chart:
    """The WHAT/HOW matrix as a heatmap to click: a cell opens everything that concerns it."""
    data = frame.assign(
        marks=frame["symbols"].map(lambda n: "●" * int(n) if n else "–"),
        reading="Column labels and intensity are the project's reading of the lost figure.",
        source="Figure in section 4.2",
    )
    pick = alt.selection_point(name="pick_cell", fields=["type_id", "process_id"], on="click", clear="dblclick")
    base = _cell_base(data)
    cells = base.mark_rect(stroke=palette.GREY, strokeDash=[4, 3], strokeWidth=1, cursor="pointer").add_params(
        pick).encode(
        color=alt.Color("symbols:O", scale=alt.Scale(domain=[0, 1, 3], range=["#ffffff", "#9ecae1", palette.BLUE]),
                        legend=alt.Legend(title="symbols in the figure")),
        tooltip=[alt.Tooltip("type_label:N", title="HOW"), alt.Tooltip("process_label:N", title="WHAT"),
                 "symbols:Q", "intensity:N", alt.Tooltip("named_cases:Q", title="cases named for the type"),
                 alt.Tooltip("swot_items:Q", title="SWOT items"), "implications:Q",
                 alt.Tooltip("reading:N", title="note"), "source:N"],
    )
    outline = base.mark_rect(fill=None, stroke=palette.VERMILLION, strokeWidth=4).transform_filter("datum.selected")
    text = base.mark_text(fontSize=18).encode(
        text="marks:N", color=alt.condition("datum.symbols >= 2", alt.value("white"), alt.value(palette.INK)))
    chart = alt.layer(cells, outline, text).properties(
        title=_title("The WHAT/HOW matrix: where the cases' activity sits",
                     "Figure in section 4.2 (symbols counted from the text export)",
                     "Project's reading: column labels and intensity are inferred (see coding_notes). "
                     "Click a cell."),
        height=260,
    )
    return _finish(chart, large)


@builder
def policy_gaps(frame: pd.DataFrame, large: bool = False) -> alt.Chart:
    """Per cell: case activity beside the instruments that reach it; activity with no instrument aimed at it
    stands out."""
    data = frame.assign(
        gap=(frame["symbols"] > 0) & (frame["cell_instruments"] == 0),
        label=[f"{'●' * int(s) if s else '–'}  |  {c} aimed · {k} column"
               for s, c, k in zip(frame["symbols"], frame["cell_instruments"], frame["column_instruments"],
                                  strict=True)],
        budget=frame["column_budget_eur"].map(lambda v: "none given" if pd.isna(v) else f"EUR {v / 1e9:.2f} bn"),
        coding=palette.CODED,
        source="Figure and SWOT in section 4.2; instruments of sections 4.1-4.4 (links: project coding)",
    )
    base = _cell_base(data)
    cells = base.mark_rect(stroke="white", strokeWidth=2).encode(
        color=alt.Color("status:N", scale=alt.Scale(
            domain=["activity, no instrument aimed at it", "activity and an instrument aimed at it", "no activity"],
            range=[palette.VERMILLION, palette.BLUE, "#EEF0F3"]), legend=alt.Legend(title=None, orient="bottom")),
        tooltip=[alt.Tooltip("type_label:N", title="HOW"), alt.Tooltip("process_label:N", title="WHAT"),
                 alt.Tooltip("symbols:Q", title="case activity (symbols)"),
                 alt.Tooltip("cell_instruments:Q", title="existing instruments aimed at the cell"),
                 alt.Tooltip("column_instruments:Q", title="existing instruments for the whole process"),
                 alt.Tooltip("budget:N", title="budgets the report gives for the process"), "source:N"],
    ).transform_calculate(
        status="datum.symbols > 0 ? (datum.cell_instruments == 0 ? 'activity, no instrument aimed at it' : "
               "'activity and an instrument aimed at it') : 'no activity'")
    text = base.mark_text(fontSize=13).encode(
        text="label:N", color=alt.condition("datum.symbols > 0", alt.value("white"), alt.value(palette.INK)))
    chart = alt.layer(cells, text).properties(
        title=_title("Gaps: case activity the portfolio does not aim at",
                     "Section 4.2 (figure, SWOT); instruments of sections 4.1-4.4",
                     "● case activity · instruments aimed at the cell · instruments for the whole process "
                     "(links are the project's coding)."),
        height=260,
    )
    return _finish(chart, large)


# ------------------------------------------------------------------------------ the Workshop page


def _minutes(value) -> int:
    text = str(value)
    hours, minutes = int(text[:2]), int(text[3:5])
    return hours * 60 + minutes


@builder
def agenda_timeline(frame: pd.DataFrame, large: bool = False) -> alt.Chart:
    """The agenda as a timeline, 09:30 to 16:00, one bar per item, coloured by part; click an item."""
    data = frame.assign(
        start=frame["start_time"].map(_minutes),
        end=frame["end_time"].map(_minutes),
        when=frame["start_time"].astype(str).str.slice(0, 5) + "–" + frame["end_time"].astype(str).str.slice(0, 5),
        who=frame["speakers"].fillna(""),
        source="Annex 1",
    )
    data["end"] = data[["start", "end"]].max(axis=1).where(data["end"] > data["start"], data["start"] + 5)
    data = data.drop(columns=["start_time", "end_time"])  # times are not JSON: keep the minutes and the label
    data["row"] = data["when"].str.slice(0, 5) + "  " + data["title"].str.slice(0, 64)
    order = list(data.sort_values(["start", "slot_id"])["row"])
    parts = {"opening": palette.GREY, "I": palette.BLUE, "II": palette.ORANGE, "closing": palette.PURPLE}
    pick = alt.selection_point(name="pick_slot", fields=["slot_id"], on="click", clear="dblclick")
    base = alt.Chart(data).encode(y=alt.Y("row:N", sort=order, title=None, axis=alt.Axis(labelLimit=420)))
    bars = base.mark_bar(cursor="pointer", cornerRadius=2).add_params(pick).encode(
        x=alt.X("start:Q", title="time", scale=alt.Scale(domain=[570, 965]),
                axis=alt.Axis(values=list(range(570, 961, 30)),
                              labelExpr="floor(datum.value / 60) + ':' + (datum.value % 60 < 10 ? '0' : '') "
                                        "+ datum.value % 60")),
        x2="end:Q",
        color=alt.Color("part:N", scale=alt.Scale(domain=list(parts), range=list(parts.values())),
                        legend=alt.Legend(title="part")),
        tooltip=[alt.Tooltip("title:N", title="item"), "when:N", alt.Tooltip("who:N", title="speakers"), "part:N",
                 "source:N"],
    )
    chart = bars.properties(
        title=_title("The workshop day, 13 June 2016", "Annex 1 (agenda)",
                     "Click an item to see what was said in it."),
        height=26 * len(data),
    )
    return _finish(chart, large)


def _participant_counts(frame: pd.DataFrame, field: str) -> pd.DataFrame:
    counts = frame.groupby(field, as_index=False).agg(participants=("participant_id", "size"),
                                                      names=("family_name", lambda n: ", ".join(sorted(n))))
    return counts.sort_values(["participants", field], ascending=[False, True])


@builder
def participants_by_country(frame: pd.DataFrame, large: bool = False) -> alt.Chart:
    """Participants by country as printed in Annex 2; click a bar to filter the list."""
    data = _participant_counts(frame, "country_label").assign(source="Annex 2")
    pick = alt.selection_point(name="pick_country", fields=["country_label"], on="click", clear="dblclick")
    chart = alt.Chart(data).mark_bar(color=palette.BLUE, cursor="pointer").add_params(pick).encode(
        y=alt.Y("country_label:N", sort=list(data["country_label"]), title=None),
        x=alt.X("participants:Q", axis=alt.Axis(tickMinStep=1, format="d")),
        tooltip=[alt.Tooltip("country_label:N", title="country (as printed)"), "participants:Q",
                 alt.Tooltip("names:N", title="who"), "source:N"],
    ).properties(title=_title("Participants by country", "Annex 2 (countries as printed; EU = EU bodies)"),
                 height=22 * len(data))
    return _finish(chart, large)


@builder
def participants_by_kind(frame: pd.DataFrame, large: bool = False) -> alt.Chart:
    """Participants by kind of organisation: the project's coding, drawn lighter and dashed."""
    data = _participant_counts(frame, "org_type").assign(coding=palette.CODED,
                                                          source="Annex 2 (kind: project coding)")
    pick = alt.selection_point(name="pick_kind", fields=["org_type"], on="click", clear="dblclick")
    chart = alt.Chart(data).mark_bar(color=palette.BLUE, stroke=palette.INK, cursor="pointer").add_params(
        pick).encode(
        y=alt.Y("org_type:N", sort=list(data["org_type"]), title=None),
        x=alt.X("participants:Q", axis=alt.Axis(tickMinStep=1, format="d")),
        tooltip=[alt.Tooltip("org_type:N", title="kind (project coding)"), "participants:Q",
                 alt.Tooltip("names:N", title="who"), "source:N"],
        **_coding_legend(),
    ).properties(title=_title("Participants by kind of organisation", "Annex 2",
                              "The kind of organisation is the project's coding, not the report's."),
                 height=24 * len(data))
    return _finish(chart, large)
