"""The choices each view offers (the widgets' options, labels and counts), read once from the data."""

from __future__ import annotations

from evidence.data import queries
from evidence.query.cache import cached
from evidence.query.store import rows

# The chapters above the sections statements cite, offered as filters too.
CHAPTERS = ("sec-3", "sec-4", "sec-3.4", "sec-4.3", "sec-4.4")

# The choices that are not read from the data: each the page's widget options and the registry's checks of a link
# (evidence/views.py), written once here.
OUTCOMES = ["confirmed", "qualified", "diverged"]  # the Overview's study vs experts
PRESENTED = {"yes": True, "no": False}  # the Case studies' "Presented at the workshop"
SURVEY_SAMPLES = {"30 June 2016": "2016-06-30", "9 June 2016": "2016-06-09"}
SURVEY_THEMES = {  # the survey's questions, as the Expert survey names them (Annex 3's order)
    "general_statements": "Views on SMEs", "drivers": "Drivers", "barriers": "Barriers",
    "trade_missions": "Trade missions", "networking": "Networking mechanisms", "support_measures": "Support measures",
    "regional_focus": "Regional focus", "further_measures": "Further measures (open question)",
}
SEARCH_KINDS = ["statement", "survey item", "survey result", "survey comment", "SWOT item", "implication", "case",
                "case evidence", "instrument", "contradiction", "report passage"]
REPORT_PARTS = {"Section 2 (summary)": "sec-2", "Section 3 (part I: practices)": "sec-3",
                "Section 4 (part II: policies)": "sec-4", "Annex 3 (the survey)": "annex-3"}
SUMMARY = "st-001"  # section 2's first line, the report's summary: not one of its conclusions


def _options(name: str) -> dict[str, tuple[str, ...]]:
    """A query of (field, value) rows as each field's distinct values, sorted: the filters' options are read in SQL,
    not from every row (issue 26)."""
    found = rows(name)
    return {field: tuple(sorted(group["value"])) for field, group in found.groupby("field")}


@cached()
def statement_sections() -> tuple[tuple[str, str], ...]:
    """The parts of the report the statements come from (and the chapters above them): (label, source id)."""
    used = set(_options("workshop_options")["source"]) | set(CHAPTERS)
    return tuple((row.label, row.source_id) for row in rows("sources").itertuples() if row.source_id in used)


@cached()
def policy_choices() -> dict:
    """The Policy view's choices and counts, read once: cells (as ?cell= names them), levels, kinds, themes."""
    cells = rows("what_how_cells", type_id=None, process_id=None)
    options = _options("instrument_options")
    swot = rows("swot_search", text=None, theme=None)
    active = cells["symbols"] > 0
    by_name = {f"{r.type_id}-{r.process_id}": r for r in cells.itertuples()}
    return {
        "cells": tuple(by_name),
        "cell_names": {name: f"{r.type_label} × {r.process_label}" for name, r in by_name.items()},
        "cell_symbols": {name: (int(r.symbols), r.intensity) for name, r in by_name.items()},
        "levels": options["level"],
        "kinds": options["kind"],
        "instrument_count": int(rows("instruments_count", levels=None, kinds=None, text=None)["instruments"].iloc[0]),
        "swot_themes": dict(zip(swot["theme_label"], swot["theme_id"], strict=True)),
        "active_cells": int(active.sum()),
        "gaps": int((active & (cells["cell_instruments"] == 0)).sum()),
    }


@cached()
def case_choices() -> dict:
    """The Case studies view's choices: labels by field (the widgets offer labels) and ids by label."""
    options = rows("case_options")
    labels = {field: dict(zip(group["value"], group["label"], strict=True))
              for field, group in options.groupby("field")}
    labels["type"] = {key: label.removeprefix("the ").removesuffix(" type") for key, label in labels["type"].items()}
    return {"labels": labels, "ids": {field: {label: key for key, label in by.items()} for field, by in labels.items()}}


@cached()
def theme_ids() -> dict[str, str]:
    """The project's themes, id by label (PROJECT CODING), for the theme filters."""
    themes = rows("themes")
    return dict(zip(themes["label"], themes["theme_id"], strict=True))


@cached()
def workshop_choices() -> dict:
    """The Workshop view's choices, read once: agenda slots with their labels, participants' countries and kinds,
    the speakers, and how many statements there are in all."""
    agenda = rows("agenda")
    options = _options("workshop_options")
    count = rows("statements_count", speakers=None, organisations=None, section=None, theme=None)["statements"]
    return {
        "slots": tuple(agenda["slot_id"]),
        "slot_labels": {row.slot_id: f"{str(row.start_time)[:5]}–{str(row.end_time)[:5]}  {row.title}"
                        for row in agenda.itertuples()},
        "countries": options["country"],
        "kinds": options["kind"],
        "speakers": options["speaker"],
        "statement_count": int(count.iloc[0]),
    }


@cached()
def survey_item_labels() -> dict[str, str]:
    """The survey's items in Annex 3's order, each labelled as the Expert survey's item selector shows it
    ("Figure 6, item f: …"); the URL keeps the short id (?item=6.f)."""
    return {row.item_id: f"Figure {row.figure_id}, item {row.letter}: {row.text}"
            for row in rows("survey_items", figure_id=None).itertuples()}


@cached()
def conclusion_ids() -> tuple[str, ...]:
    """The conclusions of section 2 (its first line, the summary, left out), in the report's order."""
    return tuple(key for key in rows("statements", section="sec-2")["statement_id"] if key != SUMMARY)


# A view's page and count of another named query (issue 26): the forms of statements_filtered, participants and
# instruments_filtered offer the same rows.
PAGE_QUERIES = frozenset({"statements_page", "statements_count", "participants_page", "participants_count",
                          "instruments_page", "instruments_count"})


@cached()
def canned_queries() -> tuple[str, ...]:
    """The named queries the Data view offers as forms: every one that takes parameters, less the schema's (the
    Data view shows those already) and a view's pages of another query (PAGE_QUERIES)."""
    return tuple(name for name, query in sorted(queries.library().items())
                 if query.params and not name.startswith("schema_") and name not in PAGE_QUERIES)


@cached()
def canned_parameters() -> frozenset[str]:
    """Every parameter a canned query takes (the Data view accepts them in its links)."""
    return frozenset(param for name in canned_queries() for param in queries.get(name).params)
