"""The choices each view offers (the widgets' options, labels and counts), read once from the data."""

from __future__ import annotations

from evidence.query.cache import cached
from evidence.query.store import rows

# The chapters above the sections statements cite, offered as filters too.
CHAPTERS = ("sec-3", "sec-4", "sec-3.4", "sec-4.3", "sec-4.4")


@cached()
def statement_sections() -> tuple[tuple[str, str], ...]:
    """The parts of the report the statements come from (and the chapters above them): (label, source id)."""
    used = set(rows("statements_filtered", speakers=None, organisations=None, section=None, theme=None)["source"])
    used |= set(CHAPTERS)
    return tuple((row.label, row.source_id) for row in rows("sources").itertuples() if row.source_id in used)


@cached()
def policy_choices() -> dict:
    """The Policy view's choices and counts, read once: cells (as ?cell= names them), levels, kinds, themes."""
    cells = rows("what_how_cells", type_id=None, process_id=None)
    instruments = rows("instruments_filtered", levels=None, kinds=None, text=None)
    swot = rows("swot_search", text=None, theme=None)
    active = cells["symbols"] > 0
    by_name = {f"{r.type_id}-{r.process_id}": r for r in cells.itertuples()}
    return {
        "cells": tuple(by_name),
        "cell_names": {name: f"{r.type_label} × {r.process_label}" for name, r in by_name.items()},
        "cell_symbols": {name: (int(r.symbols), r.intensity) for name, r in by_name.items()},
        "levels": tuple(sorted(instruments["level"].dropna().unique())),
        "kinds": tuple(sorted(instruments["kind"].unique())),
        "instrument_count": len(instruments),
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
    participants = rows("participants", countries=None, kinds=None)
    statements = rows("statements_filtered", speakers=None, organisations=None, section=None, theme=None)
    return {
        "slots": tuple(agenda["slot_id"]),
        "slot_labels": {row.slot_id: f"{str(row.start_time)[:5]}–{str(row.end_time)[:5]}  {row.title}"
                        for row in agenda.itertuples()},
        "countries": tuple(sorted(participants["country_label"].unique())),
        "kinds": tuple(sorted(participants["org_type"].unique())),
        "speakers": tuple(sorted(statements["speaker_label"].unique())),
        "statement_count": len(statements),
    }


@cached()
def survey_item_labels() -> dict[str, str]:
    """The survey's items in Annex 3's order, each labelled as the Expert survey's item selector shows it
    ("Figure 6, item f: …"); the URL keeps the short id (?item=6.f)."""
    return {row.item_id: f"Figure {row.figure_id}, item {row.letter}: {row.text}"
            for row in rows("survey_items", figure_id=None).itertuples()}
