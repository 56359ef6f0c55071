"""The Expert survey page's main chart: every statement of Figures 1a-7, what the report says about it in words,
and the shares it gives, as precisely as it gives them (Annex 3; sections 3.3, 4.3.3, 7.2-7.4)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from evidence.charts import palette
from evidence.charts.base import _finish, _title, builder, described, sized, wrapped

# The share's direction, one colour each across the view (YES/NO on Figure 7 use the same blue and vermillion).
STANCES = {
    "in favour": palette.BLUE,
    "strongly in favour": "#003f63",
    "undecided (or against)": palette.YELLOW,
    "against": palette.VERMILLION,
}
_STRONG = {"fully_agree", "very_useful", "high_priority"}
_UNDECIDED = {"undecided", "undecided_or_reject", "undecided_or_not_convinced"}
_AGAINST = {"reject", "no", "low_priority"}


def _stance(measure: str) -> str:
    return ("strongly in favour" if measure in _STRONG else "undecided (or against)" if measure in _UNDECIDED
            else "against" if measure in _AGAINST else "in favour")


def _words(group: pd.DataFrame) -> str:
    """What the report says about one item in words: its verdicts and the quantities it gives in words."""
    if group["result_id"].isna().all():
        return "no result given"
    verdicts = list(dict.fromkeys(group["verdict"].dropna()))
    quantities = [q for q in dict.fromkeys(group["qualifier"].dropna())
                  if q not in ("exact", "none", "almost", "nearly", "more than", "about")]
    return ", ".join(verdicts) + (f" ({', '.join(quantities)})" if quantities else "")


def _share_words(row) -> str:
    qualifier = "" if row.qualifier in ("exact", "none") else f"{row.qualifier} "
    return f"{qualifier}{row.value_pct:g}% {row.measure.replace('_', ' ')}"


@builder
def survey_statements(frame: pd.DataFrame, large: bool = False) -> alt.Chart:
    """Every item in full words with what the report says (a verdict in words under its text), and the shares it
    gives: the marker's shape is the qualifier, two-level priorities stacked. Every row is clickable."""
    width = 70 if large else 60  # characters a line: the words span the chart, 360 px on a phone
    data = frame.assign(code=frame["figure_id"] + "." + frame["letter"])
    summary = data.groupby(["item_id", "code", "figure_id", "letter", "text"], as_index=False, sort=False).apply(
        lambda g: pd.Series({"words": _words(g), "selected": bool(g["selected"].any())}), include_groups=False)
    # The item's whole text in lines, then what the report says in words, drawn over its strip.
    summary["item"] = [f"{wrapped(f'{c}  {t}', width)}\n→ {wrapped(w, width - 2)}"
                       for c, t, w in zip(summary["code"], summary["text"], summary["words"], strict=True)]
    summary["says"] = [f"Figure {f}, item {lt} ({c}): {t}. The report says: {w}."
                       for f, lt, c, t, w in zip(summary["figure_id"], summary["letter"], summary["code"],
                                                 summary["text"], summary["words"], strict=True)]
    labels = dict(zip(summary["item_id"], summary["item"], strict=True))
    numeric = data[data["value_pct"].notna()].copy()
    numeric["item"] = numeric["item_id"].map(labels)
    numeric["measure_label"] = numeric["measure"].str.replace("_", " ")
    numeric["stance"] = numeric["measure"].map(_stance)
    numeric["flag"] = numeric["contradiction_id"].fillna("")
    numeric["says"] = [f"Figure {f}, item {lt} ({c}): {_share_words(r)} ({r.source_label})"
                       + (f"; the report contradicts this elsewhere ({r.flag})" if r.flag else "")
                       for f, lt, c, r in zip(numeric["figure_id"], numeric["letter"], numeric["code"],
                                              numeric.itertuples(), strict=True)]
    stacked_mask = numeric["measure"].isin(["high_priority", "priority"]) & (numeric["qualifier"] == "exact")
    stacked = numeric[stacked_mask].sort_values(["item_id", "measure"]).copy()
    stacked["x0"] = stacked.groupby("item_id")["value_pct"].cumsum() - stacked["value_pct"]
    stacked["x1"] = stacked["x0"] + stacked["value_pct"]
    points = numeric[~stacked_mask].copy()
    points["shape_key"] = points["qualifier"].map(lambda q: palette.QUALIFIER_SHAPES.get(q, ("circle", q))[1])
    points["lo"] = points.apply(lambda r: r.value_pct - 5 if r.qualifier in ("almost", "nearly") else (
        r.value_pct - 3 if r.qualifier == "about" else r.value_pct), axis=1)
    points["hi"] = points.apply(lambda r: r.value_pct + 5 if r.qualifier == "more than" else (
        r.value_pct + 3 if r.qualifier == "about" else r.value_pct), axis=1)
    shape_domain = list(dict.fromkeys(label for _, label in palette.QUALIFIER_SHAPES.values()))
    shape_range = list(dict.fromkeys(shape for shape, _ in palette.QUALIFIER_SHAPES.values()))
    stances = [s for s in STANCES if s in set(numeric["stance"])]
    colour = alt.Color("stance:N", scale=alt.Scale(domain=stances, range=[STANCES[s] for s in stances]),
                       legend=alt.Legend(title="the share is", orient="top", direction="vertical", columns=1))
    pick = alt.selection_point(name="pick_item", fields=["item_id"], on="click", clear="dblclick")
    tooltip = [alt.Tooltip("text:N", title="item"), alt.Tooltip("measure_label:N", title="measure"),
               alt.Tooltip("value_pct:Q", title="%"), alt.Tooltip("qualifier:N"),
               alt.Tooltip("wording:N", title="the report says"), alt.Tooltip("source_label:N", title="source"),
               alt.Tooltip("flag:N", title="contradiction")]
    # Each item is a row as high as its own words: the words across the chart's whole width (on a phone too),
    # then a strip from 0 to 100% with its shares. Rows are laid out here, in px from the top.
    line, strip = (17, 22) if large else (13, 18)
    # An item with only words has no strip.
    summary["lines"] = summary["item"].str.count("\n") + 1
    summary["strip"] = summary["item_id"].isin(set(numeric["item_id"])) * strip
    summary["y0"] = (summary["lines"] * line + summary["strip"] + 12).cumsum().shift(fill_value=0)
    summary["text_y"] = summary["y0"] + 4
    summary["mid"] = summary["text_y"] + summary["lines"] * line + summary["strip"] / 2
    summary["y1"] = summary["mid"] + summary["strip"] / 2 + 8
    total = int(summary["y1"].max()) if len(summary) else 0
    place = summary.set_index("item_id")[["mid"]]
    for part in (stacked, points):
        part["mid"] = part["item_id"].map(place["mid"])
    y_scale = alt.Scale(domain=[0, max(total, 1)], reverse=True, nice=False, zero=False)
    y = alt.Y("mid:Q", scale=y_scale, axis=None)
    x = alt.X("value_pct:Q", title="% of respondents", scale=alt.Scale(domain=[0, 100]),
              axis=alt.Axis(orient="top", grid=False, values=[0, 25, 50, 75, 100]))
    # A whole row is the click target (words-only items too), the chosen one shaded and outlined.
    # Each layer gets only the columns it draws (with item_id, for the click): every column of every layer goes
    # to the browser on every rerun, the item texts five times over in the ticks' rows before.
    shown = ["measure", "text", "measure_label", "value_pct", "qualifier", "wording", "source_label", "flag"]
    drawn = summary[["item_id", "y0", "y1", "selected", "text", "words", "says"]]
    rows = alt.Chart(drawn).mark_rect(cursor="pointer").add_params(pick).encode(
        y=alt.Y("y0:Q", scale=y_scale, axis=None), y2="y1:Q",
        x=alt.datum(0, scale=alt.Scale(domain=[0, 100])), x2=alt.datum(100),
        color=alt.condition("datum.selected", alt.value("#E4E7EC"), alt.value("#F9FAFB")),
        stroke=alt.condition("datum.selected", alt.value(palette.CHOSEN), alt.value("#FFFFFF")),
        strokeWidth=alt.condition("datum.selected", alt.value(2), alt.value(1)),
        tooltip=[alt.Tooltip("text:N", title="item"), alt.Tooltip("words:N", title="the report says")],
        description="says:N",
    )
    stacked = stacked[["item_id", "mid", "x0", "x1", "stance", "says", *shown]]
    bars = alt.Chart(stacked).transform_calculate(top="datum.mid - 6", bottom="datum.mid + 6").mark_bar(
        cursor="pointer").encode(
        y=alt.Y("top:Q", scale=y_scale, axis=None), y2="bottom:Q",
        x=alt.X("x0:Q", scale=alt.Scale(domain=[0, 100]), title="% of respondents"), x2="x1:Q",
        color=colour, tooltip=tooltip, description="says:N")
    spans = alt.Chart(points[["item_id", "mid", "lo", "hi", "stance"]])
    spans = spans.mark_rule(strokeDash=[3, 2], strokeWidth=2, aria=False).encode(
        y=y, x=alt.X("lo:Q", scale=alt.Scale(domain=[0, 100])), x2="hi:Q", color=colour)
    marks = alt.Chart(points[["item_id", "mid", "stance", "shape_key", "says", *shown]])
    marks = marks.mark_point(filled=True, size=sized(large, 170, 110), cursor="pointer").encode(
        y=y, x=x, color=colour,
        shape=alt.Shape("shape_key:N", scale=alt.Scale(domain=shape_domain, range=shape_range),
                        legend=alt.Legend(title="how precise the report is", orient="bottom", direction="vertical",
                                          columns=1)),
        stroke=alt.condition("datum.flag != ''", alt.value(palette.CONTRADICTED), alt.value(palette.INK)),
        strokeWidth=alt.condition("datum.flag != ''", alt.value(3), alt.value(0.6)),
        tooltip=tooltip, description="says:N",
    )
    words = alt.Chart(summary[["item_id", "text_y", "item"]])
    words = words.mark_text(align="left", baseline="top", dx=4, lineBreak="\n", lineHeight=line,
                            fontSize=14 if large else 11, color=palette.INK, aria=False).encode(
        y=alt.Y("text_y:Q", scale=y_scale, axis=None), x=alt.datum(0), text="item:N")
    # The strip's scale in every row that has shares: a line from 0 to 100% with ticks at the quarters.
    shared = summary[summary["item_id"].isin(set(numeric["item_id"]))]
    guide = alt.Chart(shared[["mid"]]).mark_rule(color="#A3A7B0", strokeWidth=1, aria=False).encode(
        y=y, x=alt.datum(0), x2=alt.datum(100))
    quarters = shared[["mid"]].merge(pd.DataFrame({"at": [0, 25, 50, 75, 100]}), how="cross")
    ticks = alt.Chart(quarters).transform_calculate(
        top="datum.mid - 4", bottom="datum.mid + 4").mark_rule(color="#A3A7B0", aria=False).encode(
        y=alt.Y("top:Q", scale=y_scale, axis=None), y2="bottom:Q", x="at:Q")
    chart = alt.layer(rows, bars, spans, marks, words, guide, ticks).properties(
        height=max(total, 40),
        title=_title("What the experts said, as precisely as the report says it",
                     "Annex 3 (Figures 1a to 7) and sections 3.3, 4.3.3, 7.2-7.4",
                     "Under each item: the report's verdict in words, then its shares on a line from 0 to 100%. "
                     "Purple ring: a number the report contradicts elsewhere.\nClick an item for its panel."),
    )
    with_shares = summary[summary["item_id"].isin(set(numeric["item_id"]))]
    return _finish(described(chart, f"{len(summary)} survey items; the report gives shares for "
                             f"{len(with_shares)} of them and only words for the rest. "
                             + " ".join(summary["says"])), large)
