"""Charts of the workshop (Annexes 1, 2): the agenda timeline and the participants."""

from __future__ import annotations

import altair as alt
import pandas as pd

from evidence.charts import palette
from evidence.charts.base import LINES, _coding_legend, _finish, _title, builder, centred_on_tick, described, wrapped

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
    data["says"] = (data["when"] + ", " + data["title"] + (", " + data["who"]).where(data["who"] != "", "")
                    + " (part " + data["part"].astype(str) + ")")
    data["row"] = (data["when"].str.slice(0, 5) + "  " + data["title"]).map(lambda t: wrapped(t, 34))
    order = list(data.sort_values(["start", "slot_id"])["row"])
    parts = palette.PARTS
    pick = alt.selection_point(name="pick_slot", fields=["slot_id"], on="click", clear="dblclick")
    base = alt.Chart(data).encode(
        y=alt.Y("row:N", sort=order, title=None, axis=alt.Axis(labelLimit=230, labelExpr=LINES, **centred_on_tick(13))))
    bars = base.mark_bar(cursor="pointer", cornerRadius=2).add_params(pick).encode(
        x=alt.X("start:Q", title="time", scale=alt.Scale(domain=[570, 965]),
                axis=alt.Axis(values=list(range(570, 961, 60)), description="Time of day, from 9:30 to 16:00",
                              labelExpr="floor(datum.value / 60) + ':' + (datum.value % 60 < 10 ? '0' : '') "
                                        "+ datum.value % 60")),
        x2="end:Q",
        color=alt.Color("part:N", scale=alt.Scale(domain=list(parts), range=list(parts.values())),
                        legend=alt.Legend(title="part", columns=2)),
        tooltip=[alt.Tooltip("title:N", title="item"), "when:N", alt.Tooltip("who:N", title="speakers"), "part:N",
                 "source:N"],
        description="says:N",
    )
    chart = bars.properties(
        title=_title("The workshop day, 13 June 2016", "Annex 1 (agenda)",
                     "Click an item to see what was said in it."),
        # Every row as high as the longest label needs: a band scale gives all rows the same height.
        height=(13 * max(row.count("\n") + 1 for row in data["row"]) + 10) * len(data),
    )
    return _finish(described(chart, f"{len(data)} agenda items from {data['when'].iloc[0][:5]} to "
                             f"{data['when'].iloc[-1][-5:]}: " + "; ".join(data["says"]) + "."), large)


NAMES = 20  # names a bar lists; today's longest bar (EU) has 16


def _names(names: pd.Series) -> str:
    """A bar's names, the first NAMES of them and a count of the rest: a bar's words do not grow with the data."""
    ordered = sorted(names)
    rest = len(ordered) - NAMES
    return ", ".join(ordered[:NAMES]) + (f" and {rest:,} more" if rest > 0 else "")


def _participant_counts(frame: pd.DataFrame, field: str) -> pd.DataFrame:
    counts = frame.groupby(field, as_index=False).agg(participants=("participant_id", "size"),
                                                      names=("family_name", _names))
    return counts.sort_values(["participants", field], ascending=[False, True])


@builder
def participants_by_country(frame: pd.DataFrame, large: bool = False) -> alt.Chart:
    """Participants by country as printed in Annex 2; click a bar to filter the list."""
    data = _participant_counts(frame, "country_label").assign(source="Annex 2")
    data["says"] = (data["country_label"] + ": " + data["participants"].astype(str) + " participants ("
                    + data["names"] + ")")
    pick = alt.selection_point(name="pick_country", fields=["country_label"], on="click", clear="dblclick")
    chart = alt.Chart(data).mark_bar(color=palette.NEUTRAL, cursor="pointer").add_params(pick).encode(
        y=alt.Y("country_label:N", sort=list(data["country_label"]), title=None),
        x=alt.X("participants:Q", axis=alt.Axis(tickMinStep=1, format="d")),
        tooltip=[alt.Tooltip("country_label:N", title="country (as printed)"), "participants:Q",
                 alt.Tooltip("names:N", title="who"), "source:N"],
        description="says:N",
    ).properties(title=_title("Participants by country", "Annex 2 (countries as printed; EU = EU bodies)"),
                 height=22 * len(data))
    return _finish(described(chart, "; ".join(data["says"]) + "."), large)


@builder
def participants_by_kind(frame: pd.DataFrame, large: bool = False) -> alt.Chart:
    """Participants by kind of organisation: the project's coding, drawn lighter and dashed."""
    data = _participant_counts(frame, "org_type").assign(coding=palette.CODED,
                                                          source="Annex 2 (kind: project coding)")
    data["says"] = (data["org_type"] + ": " + data["participants"].astype(str) + " participants ("
                    + data["names"] + ")")
    pick = alt.selection_point(name="pick_kind", fields=["org_type"], on="click", clear="dblclick")
    chart = alt.Chart(data).mark_bar(color=palette.NEUTRAL, stroke=palette.INK, cursor="pointer").add_params(
        pick).encode(
        y=alt.Y("org_type:N", sort=list(data["org_type"]), title=None),
        x=alt.X("participants:Q", axis=alt.Axis(tickMinStep=1, format="d")),
        tooltip=[alt.Tooltip("org_type:N", title="kind (project coding)"), "participants:Q",
                 alt.Tooltip("names:N", title="who"), "source:N"],
        description="says:N",
        **_coding_legend(),
    ).properties(title=_title("Participants by kind of organisation", "Annex 2",
                              "The kind of organisation is the project's coding, not the report's."),
                 height=24 * len(data))
    return _finish(described(chart, "Kinds of organisation (the project's coding): " + "; ".join(data["says"])
                             + "."), large)
