"""Charts of the expert survey (Annex 3): shares as precisely as reported, the sample, the Expert survey page."""

from __future__ import annotations

import altair as alt
import pandas as pd

from evidence.charts import palette
from evidence.charts.base import (
    LINES,
    NARROW,
    _coding_legend,
    _finish,
    _title,
    builder,
    described,
    lines,
    sized,
    wrapped,
)

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
    data["says"] = data["letter"] + ". " + data["text"] + ": " + data["shown"] + " " + data["measure_label"]
    stacked = data[data["measure"].isin(["high_priority", "priority"]) & (data["qualifier"] == "exact")]
    others = data.drop(stacked.index)
    others = others[~others["measure"].isin(["priority_total"])]
    colours = alt.Scale(domain=["high priority", "priority"], range=[palette.BLUE, palette.SKY])
    tooltip = [alt.Tooltip("text:N", title="item"), alt.Tooltip("measure_label:N", title="measure"),
               alt.Tooltip("shown:N", title="share"), alt.Tooltip("qualifier:N"),
               alt.Tooltip("wording:N", title="the report says"), alt.Tooltip("source_label:N", title="source")]
    y = alt.Y("item:N", title=None, sort=alt.SortField("letter"), axis=alt.Axis(labelExpr=lines(large, 26)))
    bars = alt.Chart(stacked).mark_bar().encode(
        y=y, x=alt.X("value_pct:Q", title="% of respondents", stack="zero", scale=alt.Scale(domain=[0, 100])),
        color=alt.Color("measure_label:N", scale=colours, legend=alt.Legend(title=None)),
        order=alt.Order("measure:N", sort="ascending"), tooltip=tooltip, description="says:N",
    )
    marks = alt.Chart(others).mark_point(shape="diamond", size=sized(large, 220, 120), filled=True,
                                         color=palette.ORANGE).encode(y=y, x="value_pct:Q", tooltip=tooltip,
                                                                      description="says:N")
    others["note"] = others["shown"] + " " + others["measure_label"]
    others["note_lines"] = others["note"].map(lambda n: wrapped(n, 14))
    notes = alt.Chart(others).mark_text(align="left", dx=10, fontSize=sized(large, 16, 11), aria=False).encode(
        y=y, x="value_pct:Q", text=alt.Text("note:N"))
    layers = [bars, marks, notes]
    if large:
        # A slide on a phone: the note in lines, and left of a marker past the middle, so it ends inside the chart.
        shown = {"text": alt.Text("shown_note:N")}
        layers = [bars, marks,
                  notes.encode(**shown).transform_filter(f"!{NARROW} || datum.value_pct <= 50").transform_calculate(
                      shown_note=f"{NARROW} ? datum.note_lines : datum.note").mark_text(
                      align="left", dx=10, fontSize=sized(large, 16, 11), lineBreak="\n", aria=False),
                  notes.encode(**shown).transform_filter(f"{NARROW} && datum.value_pct > 50").transform_calculate(
                      shown_note="datum.note_lines").mark_text(
                      align="right", dx=-10, fontSize=sized(large, 16, 11), lineBreak="\n", aria=False)]
    chart = alt.layer(*layers).properties(
        title=_title("Experts' priorities: SME networks and grants for international R&D",
                     "Figure 6, Section 7.3.3 (N = 37)",
                     "Bars: shares the report prints exactly. "
                     "Diamonds: shares it qualifies (almost, about, more than)."),
        height=230 if large else 240,
    )
    return _finish(described(chart, "; ".join(data.drop_duplicates("says")["says"].str.replace("\n", " ")) + "."),
                   large)


@builder
def regional_focus(frame: pd.DataFrame, large: bool = False) -> alt.Chart:
    """Figure 7: should support focus on certain world regions? 32% yes, 68% no (and "70%" in 4.3.3)."""
    printed = frame[(frame["source"] == "fig-7") & frame["value_pct"].notna()].copy()
    printed["answer"] = printed["measure"].str.upper()
    printed["text"] = printed.apply(lambda r: f"{r.value_pct}% ({int(r.value_count)})", axis=1)
    printed["source_label"] = "Figure 7"
    printed["says"] = printed["answer"] + ": " + printed["text"] + " of respondents"
    other = frame[(frame["source"] != "fig-7") & frame["value_pct"].notna()].copy()
    other["note"] = "“" + other["wording"].str.slice(0, 38) + "…” says " + other["value_pct"].astype(str) + "%"
    colours = alt.Scale(domain=["YES", "NO"], range=[palette.BLUE, palette.VERMILLION])
    bars = alt.Chart(printed).mark_bar().encode(
        x=alt.X("value_pct:Q", title="% of respondents", scale=alt.Scale(domain=[0, 100])),
        y=alt.Y("answer:N", title=None, sort=["YES", "NO"]),
        color=alt.Color("answer:N", scale=colours, legend=None),
        tooltip=["answer:N", alt.Tooltip("text:N", title="share (count)"),
                 alt.Tooltip("wording:N", title="the report says"), alt.Tooltip("source_label:N", title="source")],
        description="says:N",
    )
    labels = alt.Chart(printed).mark_text(align="left", dx=6, fontSize=sized(large, 18, 12), aria=False).encode(
        x="value_pct:Q", y=alt.Y("answer:N", sort=["YES", "NO"]), text="text:N"
    )
    other["says"] = other["source_label"] + " also says " + other["value_pct"].astype(str) + "%: " + other["wording"]
    rule = alt.Chart(other).mark_rule(color=palette.INK, strokeDash=[4, 3]).encode(
        x="value_pct:Q", description="says:N",
        tooltip=[alt.Tooltip("wording:N", title="the report also says"),
                 alt.Tooltip("source_label:N", title="source"), "contradiction_id:N"],
    )
    chart = alt.layer(bars, labels, rule).properties(
        title=_title("About two thirds of experts want no regional focus",
                     "Figure 7 (YES 12, NO 25); dashed line: “A majority of experts (70%)”, Section 4.3.3",
                     "The report gives 68% and 70%: both are shown (the report contradicts itself)."),
        height=150 if large else 140,
    )
    return _finish(described(chart, "; ".join(list(printed["says"]) + list(other["says"])) + "."), large)


@builder
def study_vs_experts(frame: pd.DataFrame, large: bool = False) -> alt.Chart:
    """How many of the study's findings the experts confirmed, qualified or diverged from."""
    data = frame.assign(
        coding=frame["coding"].map({"stated": palette.STATED, "project": palette.CODED}),
        source=frame["study_source"] + " / " + frame["expert_source"],
    )
    data["says"] = data["topic"] + ": " + data["outcome"] + " (" + data["coding"] + ")"
    domain, colours = palette.scale(palette.OUTCOMES)
    pick = alt.selection_point(name="pick", fields=["outcome"], on="click", clear="dblclick")
    chart = alt.Chart(data).mark_bar(stroke=palette.INK, strokeWidth=0.6, cursor="pointer").add_params(pick).encode(
        y=alt.Y("outcome:N", sort=domain, title=None),
        x=alt.X("count():Q", title="findings", axis=alt.Axis(tickMinStep=1)),
        color=alt.Color("outcome:N", scale=alt.Scale(domain=domain, range=colours), legend=None),
        detail="topic:N",
        tooltip=["topic:N", "outcome:N", alt.Tooltip("outcome_wording:N", title="the report says"), "source:N"],
        description="says:N",
        **_coding_legend(),
    ).properties(
        title=_title("The experts largely confirmed the study", "Sections 2, 3.3, 7.2 and 7.3",
                     "One block per finding. Light, dashed: paired by the project, not by the report."),
        height=170 if large else 140,
    )
    counts = data["outcome"].value_counts()
    return _finish(described(chart, f"Of {len(data)} findings, the experts " + ", ".join(
        f"{outcome} {counts.get(outcome, 0)}" for outcome in palette.OUTCOMES) + "."), large)


# ------------------------------------------------------------------------------ the Expert survey page


@builder
def respondent_types(frame: pd.DataFrame, large: bool = False) -> alt.Chart:
    """Who answered, for one sample date: the respondent types with their shares where the report gives them."""
    data = frame.assign(
        shown=frame["share_pct"].fillna(0),
        label=frame["share_pct"].map(lambda s: "listed, no share given" if pd.isna(s) else f"{int(s)}%"),
    )
    data["says"] = data["respondent_type"] + ": " + data["label"]
    total = frame["share_pct"].sum()
    order = list(data.sort_values("position")["respondent_type"])
    base = alt.Chart(data)
    # The neutral: blue on the Expert survey view says "in favour".
    bars = base.mark_bar(color=palette.NEUTRAL).encode(
        y=alt.Y("respondent_type:N", sort=order, title=None),
        x=alt.X("shown:Q", title="% of respondents", scale=alt.Scale(domain=[0, 100])),
        tooltip=["respondent_type:N", alt.Tooltip("label:N", title="share"),
                 alt.Tooltip("source_label:N", title="source")],
        description="says:N",
    )
    labels = base.mark_text(align="left", dx=4, aria=False).encode(
        y=alt.Y("respondent_type:N", sort=order), x="shown:Q", text="label:N")
    note = (f"The shares add up to {int(total)}% (rounding; the report contradicts itself)." if total > 100
            else "Only the first share is given for this date.")
    chart = alt.layer(bars, labels).properties(
        title=_title("Who answered", f"{data['source_label'].iloc[0]} (sample of {data['sample_id'].iloc[0]})", note),
        height=max(100, 28 * len(data)),
    )
    return _finish(described(chart, "; ".join(data.sort_values("position")["says"]) + "."), large)


@builder
def expertise(frame: pd.DataFrame, large: bool = False) -> alt.Chart:
    """Table 1 as a heatmap: self-assessed expertise by domain."""
    data = frame.assign(text=frame["share_pct"].astype(str) + "%", source="Table 1 (Annex 3, Section 7.1)")
    # Greys, not blue (blue on this view says "in favour"); each cell's text in ink or white, whichever reads on
    # its own fill (the scale interpolates in RGB, as computed here).
    light, dark = palette.NEUTRAL_STEPS[0], palette.NEUTRAL_STEPS[2]
    data["ink"] = [palette.label_on(palette.mix(light, dark, share / 100)) for share in data["share_pct"]]
    data["says"] = data["domain"] + ", " + data["level"].str.lower() + " expertise: " + data["text"]
    domains = ["SMEs", "Innovation", "Research", "International business"]
    base = alt.Chart(data).encode(
        x=alt.X("level:N", sort=["High", "Medium", "Low"], title="self-assessed expertise",
                axis=alt.Axis(orient="top", labelAngle=0)),
        y=alt.Y("domain:N", sort=domains, title=None),
    )
    cells = base.mark_rect(stroke="white").encode(
        color=alt.Color("share_pct:Q", scale=alt.Scale(domain=[0, 100], range=[light, dark], interpolate="rgb"),
                        legend=None),
        tooltip=["domain:N", "level:N", alt.Tooltip("share_pct:Q", title="% of respondents"), "source:N"],
        description="says:N",
    )
    text = base.mark_text(fontSize=14, aria=False).encode(
        text="text:N", color=alt.Color("ink:N", scale=None))
    # The text's colours are literal (scale=None): its own colour scale, apart from the cells' greys.
    chart = alt.layer(cells, text).resolve_scale(color="independent").properties(
        title=_title("How expert the respondents say they are", "Table 1 (Annex 3, Section 7.1)"), height=180)
    return _finish(described(chart, "Share of respondents by domain and level: " + "; ".join(data["says"]) + "."),
                   large)


@builder
def ease(frame: pd.DataFrame, large: bool = False) -> alt.Chart:
    """How easy the respondents found answering the questions."""
    data = frame.assign(source="Section 7.1")
    data["says"] = data["answer"] + ": " + data["respondents"].astype(str) + " respondents"
    order = list(data.sort_values("position")["answer"])
    base = alt.Chart(data)
    bars = base.mark_bar(color=palette.NEUTRAL).encode(
        y=alt.Y("answer:N", sort=order, title=None), x=alt.X("respondents:Q", title="respondents"),
        tooltip=["answer:N", "respondents:Q", "source:N"], description="says:N",
    )
    labels = base.mark_text(align="left", dx=4, aria=False).encode(y=alt.Y("answer:N", sort=order), x="respondents:Q",
                                                        text="respondents:Q")
    chart = alt.layer(bars, labels).properties(
        title=_title("How easy answering was", "Section 7.1",
                     f"{int(data['respondents'].sum())} answers, against 44 valid responses "
                     "(the report contradicts itself)."),
        height=100,
    )
    return _finish(described(chart, "; ".join(data.sort_values("position")["says"]) + "."), large)


@builder
def regions(frame: pd.DataFrame, large: bool = False) -> alt.Chart:
    """The regions chosen by the 12 respondents who wanted a regional focus (Figure 7)."""
    data = frame.assign(
        coding=frame["count_derived"].map({True: palette.CODED, False: palette.STATED}),
    )
    data["says"] = data["region"] + ": " + data["share_wording"].fillna("") + " (" + data["respondents"].astype(
        str) + " of 12 respondents)"
    # The report's wording goes under the region, in the label: beside the bar it would be cut on a phone.
    data["region_label"] = [f"{r}\n{wrapped(str(w), 28)}" if isinstance(w, str) else r
                            for r, w in zip(data["region"], data["share_wording"], strict=True)]
    order = list(data.sort_values("position")["region_label"])
    base = alt.Chart(data)
    bars = base.mark_bar(color=palette.NEUTRAL, stroke=palette.INK, strokeWidth=0.6).encode(
        y=alt.Y("region_label:N", sort=order, title=None, axis=alt.Axis(labelExpr=LINES)),
        x=alt.X("respondents:Q", title="respondents (of 12)", scale=alt.Scale(domain=[0, 12])),
        tooltip=["region:N", "respondents:Q", alt.Tooltip("share_wording:N", title="the report says"),
                 alt.Tooltip("source_label:N", title="source")],
        description="says:N",
        **_coding_legend(),
    )
    chart = bars.properties(
        title=_title("Which regions, for those who wanted a focus", "Figure 7 and Section 7.3.4 (N = 12)",
                     "“50%” of 12 is drawn as 6: the project's arithmetic, lighter and dashed."),
        height=max(150, len(data) * (13 * max(label.count("\n") + 1 for label in order) + 10)),
    )
    return _finish(described(chart, "; ".join(data.sort_values("position")["says"]) + "."), large)
