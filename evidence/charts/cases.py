"""Charts of the 12 case studies (section 3.2, 3.4): counts over the 12 and the typology (the Case studies page's
own charts are in case_studies.py)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from evidence.charts import palette
from evidence.charts.base import (
    NARROW,
    _coding_legend,
    _finish,
    _title,
    builder,
    centred_on_tick,
    described,
    lines,
    sized,
    wrapped,
)

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
    data["says"] = [f"{t}, {m}: " + ("no count given" if pd.isna(c) else f"{int(c)} cases") + f". {d}"
                    for t, m, c, d in zip(data["type"], data["measure"], data["cases"], data["detail"], strict=True)]
    # A type the report neither counts nor names gets one label on its upper bar, not "no count given" over "0".
    uncounted = data.groupby("type_id")["cases"].transform(lambda c: c.isna().any() and (c.fillna(0) == 0).all())
    data["label"] = [
        ("no count given,\nno case named" if measure.startswith("counted") else "") if empty
        else ("no count given" if pd.isna(c) else f"{int(c)}")
        for c, measure, empty in zip(data["cases"], data["measure"], uncounted, strict=True)]
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
        description="says:N",
        **_coding_legend(),
    )
    labels = base.mark_text(align="left", dx=4, fontSize=sized(large, 18, 12), aria=False, lineBreak="\n").encode(
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
    counted = data[data["measure"].str.startswith("counted")]
    return _finish(described(chart, "Cases per type, as the report counts them: " + "; ".join(
        f"{t} {'no count given' if pd.isna(c) else int(c)}" for t, c in zip(counted["type"], counted["cases"],
                                                                             strict=True)) + "."), large)


def _counts_over_twelve(frame: pd.DataFrame, title: str, note: str | None, large: bool,
                        named: bool = False) -> alt.Chart:
    """Bars of the counts the report gives over the 12 cases, by topic; a count it does not give is written
    in its words ("specific cases"), a derived one ("half" = 6) is drawn as the project's arithmetic. The
    topic is a colour, or with `named` the label's first word ("Barrier: …") on bars of the neutral."""
    data = frame.assign(
        coding=frame["count_derived"].map({True: palette.CODED, False: palette.STATED}),
        label=[f"{int(c)} of 12" if pd.notna(c) else q
               for c, q in zip(frame["cases_count"], frame["count_qualifier"], strict=True)],
        shown=frame["cases_count"].fillna(0),
        # Whole labels in lines, never cut: the report's words are the point of the chart.
        line=[wrapped(f"{t.capitalize()}: {i}" if named else i, 44 if large else 26)
              for t, i in zip(frame["topic"], frame["item"], strict=True)],
    )
    data["says"] = data["item"] + ": " + data["label"] + " cases. The report says: " + data["wording"].fillna("")
    order = list(data.sort_values(["topic", "shown"], ascending=[True, False])["line"])
    shown_topics = [topic for topic in palette.TOPICS if topic in set(data["topic"])]
    domain, colours = palette.scale({topic: palette.TOPICS[topic] for topic in shown_topics})
    base = alt.Chart(data)
    bars = base.mark_bar(stroke=palette.INK, strokeWidth=0.6).encode(
        y=alt.Y("line:N", sort=order, title=None,
                axis=alt.Axis(labelExpr=lines(large, 26), **({} if large else centred_on_tick(13)))),
        # Room after the longest bar for its label ("9 of 12"); the axis still ends at 12.
        x=alt.X("shown:Q", title="cases (of 12)", scale=alt.Scale(domain=[0, 16]),
                axis=alt.Axis(format="d", values=[0, 4, 8, 12])),
        color=alt.value(palette.NEUTRAL) if named else alt.Color(
            "topic:N", scale=alt.Scale(domain=domain, range=colours),
            legend=alt.Legend(title=None, columns=2) if len(shown_topics) > 1 else None),
        tooltip=[alt.Tooltip("topic:N"), alt.Tooltip("item:N"), alt.Tooltip("label:N", title="cases"),
                 alt.Tooltip("wording:N", title="the report says"), alt.Tooltip("source:N")],
        description="says:N",
        **_coding_legend(),
    )
    labels = base.mark_text(align="left", dx=4, fontSize=sized(large, 18, 12), aria=False).encode(
        y=alt.Y("line:N", sort=order), x="shown:Q", text="label:N")
    chart = alt.layer(bars, labels).properties(
        title=_title(title, "Section 3.2 (counts over the 12 cases)", note),
        # Every row as high as the longest label needs (a band scale gives all rows the same height).
        height=max(100, 40 * len(data)) if large else max(90, len(data) * max(
            32, 13 * max(line.count("\n") + 1 for line in data["line"]) + 8)),
    )
    return _finish(described(chart, "Counts over the 12 cases: " + "; ".join(
        f"{i}: {lab}" for i, lab in zip(data["item"], data["label"], strict=True)) + "."), large)


@builder
def case_aggregates(frame: pd.DataFrame, large: bool = False) -> alt.Chart:
    """Motives, barriers or impacts the report counts over the 12 cases."""
    return _counts_over_twelve(frame, f"What the 12 cases report: {', '.join(sorted(set(frame['topic'])))}",
                               None, large)


@builder
def typology(frame: pd.DataFrame, large: bool = False) -> alt.Chart:
    """The 12 cases by typology group (born, urged, intentional, accidental globals)."""
    data = (
        frame.groupby(["typology_id", "typology_label", "typology_order"], as_index=False)
        .agg(cases=("name", "size"), names=("name", lambda n: ", ".join(sorted(n))))
        .assign(source="Section 3.2")
    )
    data["says"] = data["typology_label"] + ": " + data["cases"].astype(str) + " cases, " + data["names"]
    domain, colours = palette.scale(palette.TYPOLOGY)
    order = list(data.sort_values("typology_order")["typology_label"])
    base = alt.Chart(data)
    bars = base.mark_bar().encode(
        y=alt.Y("typology_label:N", sort=order, title=None),
        x=alt.X("cases:Q", title="cases (of 12)", scale=alt.Scale(domain=[0, 12]), axis=alt.Axis(format="d")),
        color=alt.Color("typology_id:N", scale=alt.Scale(domain=domain, range=colours), legend=None),
        tooltip=[alt.Tooltip("typology_label:N", title="group"), "cases:Q", alt.Tooltip("names:N", title="cases"),
                 "source:N"],
        description="says:N",
    )
    # The names in lines after their bar on a page or a phone (in one line they run past the chart's edge).
    data["name_lines"] = data["names"].map(lambda n: wrapped(n, 20))
    labels = base.mark_text(align="left", dx=6, fontSize=sized(large, 18, 12), lineBreak="\n", aria=False).encode(
        y=alt.Y("typology_label:N", sort=order), x="cases:Q", text="shown:N"
    ).transform_calculate(shown=f"{NARROW} ? datum.name_lines : datum.names" if large else "datum.name_lines")
    chart = alt.layer(bars, labels).properties(
        title=_title("Born, urged, intentional and accidental globals", "Section 3.2 (the study's typology)"),
        height=240 if large else 220,
    )
    return _finish(described(chart, "The 12 cases by group: " + "; ".join(data["says"]) + "."), large)
