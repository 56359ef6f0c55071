"""What a view shows for the reader's selection, as the brief prints it (issue 23: a brief is the screen on paper).

For each view, the selection in its link (a case, a survey item, a matrix cell, an agenda item, a search) and the
lists as its filters leave them, in plain blocks: the report's words with their sources (set in quotation marks),
names and labels (plain), and the project's coding, pairing or paraphrase (marked ◇). The view shows the same
rows from the same named queries; this module only lays them out for paper.
"""

from __future__ import annotations

import re

import pandas as pd

from evidence.content import choices, state, text
from evidence.content.survey_text import share
from evidence.query import store
from evidence.takeaway import brief_lists
from evidence.takeaway.brief_lists import counted, entry, section


def _first(params: dict[str, list[str]], name: str) -> str | None:
    values = [value for value in params.get(name) or [] if value]
    return values[0] if values else None


# ------------------------------------------------------------------------------ Case studies: the case card


def case_card(params: dict[str, list[str]]) -> list[dict]:
    case_id = choices.case_choices()["ids"]["case"].get(_first(params, "case"))
    if not case_id:
        return []
    card = store.rows("case_card", case_id=case_id).iloc[0]
    source = store.source_label(card["source"])
    said = [entry(f"Home: {card['home_country_label']} · Typology: {card['typology_label']}", "plain", source)]
    if isinstance(card["description"], str):
        said.append(entry(card["description"], "quote", source, label="What it does"))
    said.append(entry(card["typology_reason"], "quote", store.source_label(card["typology_source"]),
                      label=f"Why {card['typology_label'].lower()}"))
    for row in store.rows("case_activities", case_id=case_id).itertuples():
        partners = f" · partners: {row.partner_countries}" if isinstance(row.partner_countries, str) else ""
        coded = [(f"Project's match: {row.coding_rationale}", "coded")] if row.coding == "project" else []
        said.append(entry(row.evidence, "quote", store.source_label(row.source) + partners, coded,
                          label=f"{row.type_label} ({'does' if row.stance == 'does' else 'does not'})"))
    figures = text.case_figures(card)
    if figures:
        said.append(entry("; ".join(figures), "plain", source, label="Figures"))
    if card["presented_at_workshop"]:
        for row in store.rows("statements", section=card["presentation_source"]).itertuples():
            said.append(entry(f"{row.speaker_label}: {row.paraphrase}", "coded",
                              store.source_label(row.source) + " (the project's paraphrase of the presentation)"))
    return [section(f"The case: {card['name']}", "What the case's card on the view shows.", said)]


# ------------------------------------------------------------------------------ Expert survey: the item panel


def survey_item(params: dict[str, list[str]]) -> list[dict]:
    item_id = _first(params, "item")
    if item_id not in choices.survey_item_labels():
        return []
    item = store.rows("survey_item", item_id=item_id).iloc[0]
    said = [entry(item["text"], "quote", f"{item['figure_title']} · {item['n_text']} · "
                                          f"{store.source_label(item['source'])}", label="The statement")]
    results = store.rows("survey_results", item_id=item_id)
    for row in results.itertuples():
        printed = " ".join(part for part in (
            share(row.value_pct, row.qualifier) if pd.notna(row.value_pct) else "",
            f"({int(row.value_count)})" if pd.notna(row.value_count) else "") if part)
        notes = [(f"The report contradicts itself here: {row.contradiction_topic}", "contradiction")] \
            if isinstance(row.contradiction_id, str) else []
        notes.append((f"Project's reading: measure {row.measure}, verdict {row.verdict}", "coded"))
        said.append(entry(row.wording, "quote", store.source_label(row.source), notes, label=printed))
    if results.empty:
        said.append(entry("The report gives no result for this item: its chart was lost, and the prose does not "
                          "mention it.", "plain", ""))
    for passage in store.rows("survey_item_passages", item_id=item_id).itertuples():
        said.append(entry(passage.text, "quote", store.source_label(passage.source),
                          [("Linked to the item by the project", "coded")]))
    blocks = [section(f"Figure {item['figure_id']}, item {item['letter']}: what the report says about it",
                      "As the item's panel on the view shows it.", said)]
    tested = store.rows("study_vs_experts", outcome=None)
    tested = [entry(r.study_statement, "quote", store.source_label(r.study_source),
                    [(f"The report compares them: “{r.outcome_wording}”", "plain")] if r.coding == "stated" else
                    [(f"Paired by the project, not the report: {r.coding_rationale}", "coded")])
              for r in tested[tested["item_id"] == item_id].itertuples()]
    if tested:
        blocks.append(section("The study finding it tested", "Matched to the item by the project.", tested))
    comments = store.rows("survey_comments", question_ids=[item["question_id"]])
    blocks.append(section(f"Respondents' comments on this question ({len(comments)})",
                          "" if len(comments) else "The report quotes no comment on this question.",
                          [entry(c.text, "quote", c.source_label) for c in comments.itertuples()]))
    return blocks


# ------------------------------------------------------------------------------ Policy: the cell and the lists


def policy(params: dict[str, list[str]]) -> list[dict]:
    blocks = []
    cell = _first(params, "cell")
    policy_choices = choices.policy_choices()
    if cell in policy_choices["cells"]:
        blocks += brief_lists.cell_panel(cell, policy_choices)
    levels, kinds = params.get("level") or None, params.get("kind") or None
    found = store.rows("instruments_filtered", levels=levels, kinds=kinds, text=_first(params, "q"))
    total = counted(policy_choices["instrument_count"], "instrument")
    blocks.append(section(f"Instruments: {found.shape[0]} of {total} the report names",
                          "As the view's instrument filters leave them. Level and kind are the project's coding.",
                          [entry(f"{r.name} · {r.level or 'level not coded'} {r.kind}", "plain", r.source_label)
                           for r in found.itertuples()], compact=True))
    theme = policy_choices["swot_themes"].get(_first(params, "swot_theme"))
    swot = store.rows("swot_search", text=_first(params, "swot_q"), theme=theme)
    shown = swot[swot["matches"]]
    blocks.append(section(f"SWOT: {shown.shape[0]} of {counted(len(swot), 'item')}",
                          "As the view's SWOT filter leaves them (Table in section 4.2). Theme tags are the "
                          "project's coding.",
                          [entry(r.text, "quote", f"{r.quadrant.capitalize()} · {store.source_label(r.source)}",
                                 [(f"Theme (project's coding): {r.theme_label}", "coded")] if r.highlighted else [])
                           for r in shown.itertuples()]))
    return blocks


# ------------------------------------------------------------------------------ Workshop and search


def workshop(params: dict[str, list[str]]) -> list[dict]:
    slot = _first(params, "slot")
    agenda = store.rows("agenda").set_index("slot_id")
    if slot not in agenda.index:
        return []
    item = agenda.loc[slot]
    speakers = f"speakers: {item['speakers']}" if isinstance(item["speakers"], str) else "no speaker listed"
    head = entry(f"{str(item['start_time'])[:5]}–{str(item['end_time'])[:5]} · part {item['part']} · {speakers}",
                 "plain", "Annex 1", label=str(item["title"]))
    part = item["report_section"] if isinstance(item["report_section"], str) else None
    said = store.rows("statements", section=part) if part else pd.DataFrame()
    entries = [head] + [entry(f"{row.speaker_label}: {row.paraphrase}", "coded", store.source_label(row.source))
                        for row in said.itertuples()]
    intro = (f"What was said, in the project's paraphrase ({counted(len(said), 'statement')}, "
             f"{store.source_label(part)})." if part else "The report summarises nothing said in this item.")
    return [section(f"Agenda item: {item['title']}", intro, entries)]


def search(params: dict[str, list[str]]) -> list[dict]:
    """The view's search with its filters, every result as the view lists it (the first 200)."""
    typed = _first(params, "search") or ""
    words = state.search_words(typed)
    if not words:
        return []
    # The link holds the part of the report in words: "Section 4 (part II: policies)" is section sec-4.
    part = re.match(r"(Section|Annex) (\d)", _first(params, "part") or "")
    within = f"{'sec' if part.group(1) == 'Section' else 'annex'}-{part.group(2)}" if part else None
    results = store.rows("search", phrase=typed.strip().lower(), words=words, kinds=params.get("kinds") or None,
                         theme=choices.theme_ids().get(_first(params, "topic")), section=within)
    paraphrased = [("The paraphrase is the project's; the words in quotation marks are the report's", "coded")]
    entries = [entry(row.text, "plain", store.source_label(row.source),
                     paraphrased if row.kind == "statement" else [], label=f"{row.kind}: {row.title}")
               for row in results.itertuples()]
    return [section(counted(len(results), "result"), "Each result as the view lists it, with its source.", entries)]


SELECTIONS = {"case_studies": case_card, "expert_survey": survey_item, "policy": policy, "workshop": workshop,
              "search": search}


def selection(view: str, params: dict[str, list[str]]) -> list[dict]:
    """The blocks of what the view shows for its selection and filters ([] for a view with none)."""
    build = SELECTIONS.get(view)
    return build(params) if build else []
