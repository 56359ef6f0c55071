"""Charts of EU policy (sections 4.1, 4.2): SMEs abroad, the WHAT/HOW matrix, budgets, the Policy page."""

from __future__ import annotations

import altair as alt
import pandas as pd

from evidence.charts import palette
from evidence.charts.base import _finish, _title, builder, centred_on_tick, described, lines, sized, wrapped

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
    data["says"] = data["text"] + " of European SMEs " + data["short"]
    base = alt.Chart(data)
    bars = base.mark_bar(color=palette.BLUE).encode(
        y=alt.Y("short:N", sort=["imported goods", "exported", "had an R&D partner abroad"], title=None),
        x=alt.X("value:Q", title="% of European SMEs", scale=alt.Scale(domain=[0, 100])),
        tooltip=["label:N", alt.Tooltip("value:Q", title="%"), alt.Tooltip("wording:N", title="the report says"),
                 "source:N"],
        description="says:N",
    )
    labels = base.mark_text(align="left", dx=6, fontSize=sized(large, 20, 13), fontWeight="bold",
                            aria=False).encode(
        y=alt.Y("short:N", sort=["imported goods", "exported", "had an R&D partner abroad"]), x="value:Q",
        text="text:N"
    )
    chart = alt.layer(bars, labels).properties(
        title=_title("Few European SMEs work with an R&D partner abroad", "Section 4.1 (S. Maenhout, DG RTD)"),
        height=220 if large else 180,
    )
    return _finish(described(chart, "; ".join(data.sort_values("order")["says"]) + "."), large)


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
    data["says"] = _cell_words(data)
    columns = list(data.sort_values("column_index")["process_label"].unique())
    rows = list(data.sort_values("type_order")["type_label"].unique())
    base = alt.Chart(data).encode(
        x=alt.X("process_label:N", sort=columns, title="Business process (WHAT, project's reading)",
                axis=alt.Axis(orient="top", labelAngle=0, labelExpr=lines(large, 10),
                              # On a phone the labels take two lines: the first goes up, clear of the cells.
                              labelPadding=sized(large, 2, 16))),
        y=alt.Y("type_label:N", sort=rows, title="Type of internationalisation (HOW)"),
    )
    cells = base.mark_rect(stroke=palette.GREY, strokeDash=[4, 3], strokeWidth=1).encode(
        color=alt.Color("symbols:O", scale=alt.Scale(domain=[0, 1, 3], range=["#ffffff", "#9ecae1", palette.BLUE]),
                        legend=alt.Legend(title="symbols in the figure")),
        tooltip=[alt.Tooltip("type_label:N", title="HOW"), alt.Tooltip("process_label:N", title="WHAT"),
                 "symbols:Q", "intensity:N", alt.Tooltip("reading:N", title="note"), "source:N"],
        description="says:N",
    )
    text = base.mark_text(fontSize=sized(large, 24, 16), aria=False).encode(
        text="marks:N",
        color=alt.condition("datum.symbols >= 2", alt.value("white"), alt.value(palette.INK)),
    )
    chart = alt.layer(cells, text).properties(
        title=_title("Case activity focused on export and R&D, not so much on production",
                     "Figure in section 4.2 (symbols counted from the text export)",
                     "Project's reading: column labels and intensity are inferred "
                     "(the coding notes on the Data view give the rationale)"),
        height=230 if large else 260,
    )
    return _finish(described(chart, _matrix_words(data)), large)


@builder
def budgets(frame: pd.DataFrame, large: bool = False) -> alt.Chart:
    """The budgets the report gives, on a log scale (EUR 600,000 to EUR 6 billion)."""
    def label(value: float, qualifier: str) -> str:
        text = f"EUR {value / 1e9:g} bn" if value >= 1e9 else (
            f"EUR {value / 1e6:g} m" if value >= 1e6 else f"EUR {value:,.0f}")
        return text if qualifier == "exact" else f"{text} ({qualifier})"

    data = frame.assign(
        text=[label(v, q) for v, q in zip(frame["value"], frame["qualifier"], strict=True)],
        source=frame["source_label"],
        baseline=1e5,  # a log axis has no zero: bars start at EUR 100,000
    )
    # The amount goes under the name, in the label: beside the bar it would be cut on a phone.
    data["name"] = [f"{wrapped(n, 26)}\n{t}" for n, t in zip(data["instrument_name"], data["text"], strict=True)]
    data["says"] = data["instrument_name"] + ": " + data["text"] + " (" + data["source"] + ")"
    base = alt.Chart(data)
    # The neutral: blue on this view is the cases' activity (the matrix, the gaps).
    bars = base.mark_bar(color=palette.NEUTRAL).encode(
        y=alt.Y("name:N", sort="-x", title=None, axis=alt.Axis(labelExpr=lines(large, 26, keep_breaks=True),
                                                              **({} if large else centred_on_tick(13)))),
        x=alt.X("value:Q", title="budget (log scale)", scale=alt.Scale(type="log", domain=[1e5, 1e11]),
                axis=alt.Axis(values=[1e5, 1e6, 1e7, 1e8, 1e9, 1e10], labelOverlap="greedy", labelSeparation=8,
                              labelExpr=(
                    "datum.value >= 1e9 ? 'EUR ' + datum.value / 1e9 + ' billion' : datum.value >= 1e6 ? "
                    "'EUR ' + datum.value / 1e6 + ' million' : 'EUR ' + format(datum.value, ',')"))),
        x2="baseline:Q",
        tooltip=[alt.Tooltip("instrument_name:N", title="instrument"), alt.Tooltip("text:N", title="budget"),
                 "qualifier:N", alt.Tooltip("wording:N", title="the report says"), "source:N"],
        description="says:N",
    )
    chart = bars.properties(
        title=_title("Most EU money for SMEs goes through the research programmes",
                     "Sections 4.1 and 4.4.1 (Horizon 2020 and the planned forum)"),
        height=230 if large else len(data) * (14 * max(n.count("\n") + 1 for n in data["name"]) + 10),
    )
    return _finish(described(chart, "Budgets on a log scale: " + "; ".join(data["says"]) + "."), large)


# ------------------------------------------------------------------------------ the Policy page


def _cell_words(data: pd.DataFrame) -> list[str]:
    """One cell of the matrix in words: "Collaboration, R&D: 3 symbols (high)"."""
    return [f"{how}, {what}: {int(n)} symbol{'s' if n != 1 else ''}" + (f" ({i})" if isinstance(i, str) else "")
            for how, what, n, i in zip(data["type_label"], data["process_label"], data["symbols"].fillna(0),
                                       data["intensity"], strict=True)]


def _matrix_words(data: pd.DataFrame) -> str:
    active = data[data["symbols"].fillna(0) > 0]
    return ("Cells with case activity, by type of internationalisation and business process: "
            + "; ".join(_cell_words(active)) + ". Every other cell has none.")


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
    data["says"] = _cell_words(data)
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
        description="says:N",
    )
    # The chosen cell's ring in ink: vermillion means a gap on this view.
    outline = base.mark_rect(fill=None, stroke=palette.INK, strokeWidth=4, aria=False).transform_filter(
        "datum.selected")
    text = base.mark_text(fontSize=18, aria=False).encode(
        text="marks:N", color=alt.condition("datum.symbols >= 2", alt.value("white"), alt.value(palette.INK)))
    chart = alt.layer(cells, outline, text).properties(
        title=_title("The WHAT/HOW matrix: where the cases' activity sits",
                     "Figure in section 4.2 (symbols counted from the text export)",
                     "Project's reading: column labels and intensity are inferred "
                     "(the coding notes on the Data view give the rationale). "
                     "Click a cell."),
        height=260,
    )
    return _finish(described(chart, _matrix_words(data) + " Pick a cell to see what concerns it."), large)


@builder
def policy_gaps(frame: pd.DataFrame, large: bool = False) -> alt.Chart:
    """Per cell: case activity beside the instruments that reach it; activity with no instrument aimed at it
    stands out."""
    data = frame.assign(
        gap=(frame["symbols"] > 0) & (frame["cell_instruments"] == 0),
        # Three short lines a cell can hold even on a phone: the activity, then the two instrument counts.
        label=[f"{'●' * int(s) if s else '–'}\n{c} here\n{k} process"
               for s, c, k in zip(frame["symbols"], frame["cell_instruments"], frame["column_instruments"],
                                  strict=True)],
        says=[f"{how}, {what}: " + (f"case activity ({int(s)} symbols)" if s else "no case activity")
              + f"; {c} existing instrument{'s' if c != 1 else ''} aimed at the cell, {k} for the whole process"
              for how, what, s, c, k in zip(frame["type_label"], frame["process_label"], frame["symbols"],
                                            frame["cell_instruments"], frame["column_instruments"], strict=True)],
        budget=frame["column_budget_eur"].map(lambda v: "none given" if pd.isna(v) else f"EUR {v / 1e9:.2f} bn"),
        coding=palette.CODED,
        source="Figure and SWOT in section 4.2; instruments of sections 4.1-4.4 (links: project coding)",
    )
    base = _cell_base(data)
    cells = base.mark_rect(stroke="white", strokeWidth=2).encode(
        color=alt.Color("status:N", scale=alt.Scale(
            domain=["activity, no instrument aimed at it", "activity and an instrument aimed at it", "no activity"],
            # Green, not blue: blue on this view is the matrix's three symbols.
            range=[palette.VERMILLION, palette.GREEN, "#EEF0F3"]),
            legend=alt.Legend(title=None, orient="bottom", direction="vertical", columns=1)),
        tooltip=[alt.Tooltip("type_label:N", title="HOW"), alt.Tooltip("process_label:N", title="WHAT"),
                 alt.Tooltip("symbols:Q", title="case activity (symbols)"),
                 alt.Tooltip("cell_instruments:Q", title="existing instruments aimed at the cell"),
                 alt.Tooltip("column_instruments:Q", title="existing instruments for the whole process"),
                 alt.Tooltip("budget:N", title="budgets the report gives for the process"), "source:N"],
        description="says:N",
    ).transform_calculate(
        status="datum.symbols > 0 ? (datum.cell_instruments == 0 ? 'activity, no instrument aimed at it' : "
               "'activity and an instrument aimed at it') : 'no activity'")
    # Black on vermillion and on green: the pairs that pass 4.5:1 (palette.label_on).
    ink = (f"datum.symbols > 0 ? (datum.cell_instruments == 0 ? '{palette.label_on(palette.VERMILLION)}' : "
           f"'{palette.label_on(palette.GREEN)}') : '{palette.INK}'")
    # Three lines, centred in their cell (Vega sets a text's first line where a one-line text would go).
    text = base.mark_text(fontSize=12, lineHeight=14, dy=-14, lineBreak="\n", aria=False).encode(
        text="label:N", color=alt.Color("ink:N", scale=None)).transform_calculate(ink=ink)
    chart = alt.layer(cells, text).properties(
        title=_title("Gaps: case activity the portfolio does not aim at",
                     "Section 4.2 (figure, SWOT); instruments of sections 4.1-4.4",
                     "Each cell: the case activity (●, – for none), the existing instruments aimed at the cell "
                     "(here) and at its whole business process (process). Links are the project's coding."),
        height=300,
    )
    gaps = data[data["gap"]]
    return _finish(described(chart, f"{len(gaps)} cells have case activity but no instrument aimed at them: "
                             + "; ".join(f"{h}, {w}" for h, w in zip(gaps["type_label"], gaps["process_label"],
                                                                       strict=True)) + "."), large)
