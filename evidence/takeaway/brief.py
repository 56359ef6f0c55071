"""A brief of the current view as PDF: the view's title, its filters and selection in words, its headline figures,
its charts as vector graphics, the report's words with their sources (the project's coding marked as such), the
citation and the view's link. Built only when the reader asks (takeaway.py), from the named queries the view drew.
"""

from __future__ import annotations

import pandas as pd

from evidence.content import choices, citation
from evidence.query import store
from evidence.takeaway import brief_charts, typeset
from evidence.takeaway.brief_lists import counted
from evidence.takeaway.brief_selection import selection
from evidence.views import VIEWS

MAX_WORDS = 24  # sentences of the report per brief; the rest are named as left out, with the link to the view
DRAWN = tuple[str, str, tuple]  # a chart the view drew: (chart builder, named query, frozen parameters)


# What of a chart's rows is the report's words: (text column, source column, column saying the project coded it).
WORDS: dict[str, tuple[str, str, str | None]] = {
    "case_aggregates": ("wording", "source", "count_derived"),
    "case_type_cases": ("evidence", "source", None),
    "survey_samples": ("wording", "source", None),
    "survey_statement_results": ("wording", "source", None),
    "survey_results": ("wording", "source", None),
    "survey_figure_results": ("wording", "source", None),
    "survey_regions": ("share_wording", "source", "count_derived"),
    "study_vs_experts": ("expert_statement", "expert_source", "coding"),
    "instrument_figures": ("wording", "source", None),
    "key_figures": ("wording", "source", None),
    "agenda": ("title", "source", None),
}
CODING_NOTE = ("Quoted: the report's words. Marked ◇: the project's coding, pairing or arithmetic, "
               "not stated by the report.")


def _coded(value) -> bool:
    if isinstance(value, str):
        return value.lower() not in {"stated", "", "no", "false"}
    return bool(value) and not pd.isna(value)


def _value_words(view: str, name: str, values: list[str]) -> str:
    """A URL value in words: ids the view keeps in its link become what they name."""
    names: dict[str, str] = {}
    if name == "cell":
        cells = store.rows("what_how_cells", type_id=None, process_id=None)
        names = {f"{r.type_id}-{r.process_id}": f"{r.type_label} × {r.process_label}" for r in cells.itertuples()}
    elif name == "item":
        items = store.rows("survey_items", figure_id=None)
        names = {r.item_id: f"{r.item_id}: {r.text}" for r in items.itertuples()}
    elif name == "slot":
        names = {r.slot_id: f"{str(r.start_time)[:5]} {r.title}" for r in store.rows("agenda").itertuples()}
    elif name == "present":
        names = {"1": "on"}
    return ", ".join(names.get(value, value) for value in values)


def filters_in_words(view: str, params: dict[str, list[str]]) -> list[list[str]]:
    labels = VIEWS[view].labels
    return [[labels.get(name, name), _value_words(view, name, values)]
            for name, values in params.items() if values and any(values)]


def _figures(view: str, params: dict[str, list[str]], drawn: list[DRAWN]) -> tuple[str, list[list[str]]]:
    """The view's headline figures: what it puts first, with their sources."""
    if view == "overview":
        rows = store.rows("headline_figures", sample_id="2016-06-30")
        return "Headline figures", [[r.figure, f"{r.value} ({r.note})", r.source] for r in rows.itertuples()]
    for _, name, frozen in drawn:
        rows = store.rows(name, **dict(frozen))
        if name == "case_filter":
            total, rows = len(rows), rows[rows["in_filter"]]
            return (f"The {counted(total, 'case')}" if len(rows) == total else
                    f"{counted(len(rows), 'case')} of {total} in this view",
                    [[r.name, f"{r.home_country_label}; {r.typology_label}", store.source_label(r.source)]
                     for r in rows.itertuples()])
        if name == "survey_samples":
            return ("Who answered", [[r.respondent_type, f"{r.share_pct:g}%" if pd.notna(r.share_pct) else
                                      "not given", store.source_label(r.source)] for r in rows.itertuples()])
        if name == "instrument_figures":
            return ("Budgets the report gives", [[r.instrument_name, r.wording, store.source_label(r.source)]
                                                 for r in rows.itertuples()])
        if name == "agenda":
            return ("The agenda", [[f"{str(r.start_time)[:5]}–{str(r.end_time)[:5]}", f"{r.title} ({r.speakers})"
                                    if isinstance(r.speakers, str) else r.title, store.source_label(r.source)]
                                   for r in rows.itertuples()])
    if view == "data":
        tables = store.rows("schema_tables")
        return "The tables", [[r.table_name, str(getattr(r, "rows", "")), "data/datapackage.json"]
                              for r in tables.itertuples()]
    return "", []


def _words(drawn: list[DRAWN], printed: set[str]) -> tuple[list[dict], int]:
    """The report's words in the rows of the charts the view drew, less those the selection printed already."""
    seen, words = set(printed), []
    for _, name, params in drawn:
        if name not in WORDS:
            continue
        column, source, coded = WORDS[name]
        rows = store.rows(name, **dict(params))
        if "selected" in rows and rows["selected"].any():
            rows = rows[rows["selected"]]
        elif "in_filter" in rows:
            rows = rows[rows["in_filter"]]
        for row in rows.to_dict("records"):
            said = row.get(column)
            if not isinstance(said, str) or not said or " ".join(said.split()) in seen:
                continue
            seen.add(" ".join(said.split()))
            words.append({"text": said, "source": store.source_label(row.get(source)),
                          "coded": bool(coded) and _coded(row.get(coded))})
    return words[:MAX_WORDS], max(len(words) - MAX_WORDS, 0)


def brief_data(view: str, params: dict[str, list[str]], link: str, drawn: list[DRAWN], today: str) -> tuple[dict,
                                                                                                          dict]:
    """The brief's text (for the template) and its chart files."""
    known = VIEWS[view]
    title, figures = _figures(view, params, drawn)
    selected = selection(view, params)
    words, more = _words(drawn, {e["text"] for block in selected for e in block["entries"]})
    charts, files, too_tall = brief_charts.chart_files(drawn)
    data = {
        "report": citation.TITLE, "kind": "A brief of one view of the evidence dashboard",
        "title": known.title, "summary": known.summary, "link": link, "date": today,
        "filters": filters_in_words(view, params), "selection": selected,
        "no_filters": "No filter or selection: the view as it opens, with everything shown.",
        "figures_title": title, "figures": figures, "charts": charts, "words": words, "coding_note": CODING_NOTE,
        "too_tall": [f"Not printed, as it is taller than a page at legible type (it is on the view, the link above): "
                     f"the chart {name}." for name in too_tall],
        "more": f"{more} more passages of the report are on the view itself (the link above)." if more else "",
        "citation": citation.apa(), "view_citation": citation.view_citation(known.title, link, today),
        "left_out": citation.LEFT_OUT,
    }
    if view == "overview" and not params.get("present"):
        said = store.rows("statements", section="sec-2")
        said = said[said["statement_id"].isin(choices.conclusion_ids())]
        data["words"] = [{"text": f"{row.speaker_label}: {row.paraphrase}",
                          "source": f"{store.source_label(row.source)} (the project's one-sentence paraphrase)",
                          "coded": True} for row in said.itertuples()
                         ][:MAX_WORDS] + data["words"]
    return data, files


def build(view: str, params: dict[str, list[str]], link: str, drawn: list[DRAWN], today: str) -> bytes:
    """The brief as PDF bytes."""
    data, files = brief_data(view, params, link, drawn, today)
    return typeset.compile_pdf("brief.typ", data, files)
