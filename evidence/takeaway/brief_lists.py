"""The blocks a brief prints for a selection (brief_selection.py): an entry, a section, counts in words, and the
Policy view's cell panel (the cases, instruments, SWOT items, implications and routes that concern a cell).

An entry's `how` says whose words it holds: "quote" the report's (printed in quotation marks), "plain" a name, a
label or a figure (printed as is), "coded" the project's coding, pairing or paraphrase (printed marked ◇). Its
notes say the same of each line under it ("contradiction": the report contradicts itself there)."""

from __future__ import annotations

from evidence.query import store

HOW = ("quote", "plain", "coded")
NOTE_HOW = ("plain", "coded", "contradiction")


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """A count as words read: "1 case", "3 cases", "0 results"."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def entry(text: str, how: str, source: str, notes: list[tuple[str, str]] | None = None, label: str = "") -> dict:
    assert how in HOW and all(note_how in NOTE_HOW for _, note_how in notes or [])
    return {"text": " ".join(str(text).split()), "how": how, "source": source or "", "label": label,
            "notes": [{"text": note, "how": note_how} for note, note_how in notes or []]}


def section(title: str, intro: str, entries: list[dict], compact: bool = False) -> dict:
    """A heading, a sentence on what it holds, its entries (`compact`: one line each, for long lists of names)."""
    return {"title": title, "intro": intro, "entries": entries, "compact": compact}


def cell_panel(cell: str, choices: dict) -> list[dict]:
    """The cell's panel as the Policy view shows it."""
    type_id, process_id = cell.split("-", 1)
    symbols, intensity = choices["cell_symbols"][cell]
    head = entry(f"Case activity in the figure: {'●' * symbols or 'none'} ({intensity})", "coded", "Section 4.2",
                 [("The project's reading of the figure's lost symbols", "coded")])
    activities = store.rows("type_activities", type_id=type_id)
    does = activities[activities["stance"] == "does"]["case_id"].nunique()
    does_not = activities[activities["stance"] != "does"]["case_id"].nunique()
    named = [entry(act.evidence, "quote", store.source_label(act.source),
                   [(f"Project's match: {act.coding_rationale}", "coded")] if act.coding == "project" else [],
                   label=f"{act.case_name} {'does' if act.stance == 'does' else 'does not'}")
             for act in activities.itertuples()]
    blocks = [section(choices["cell_names"][cell], "The WHAT/HOW cell the reader selected.", [head]),
              section(f"Cases of this type: {counted(does, 'case')} the report names as doing it"
                      + (f", {does_not} as not doing it" if does_not else ""),
                      "The report does not say which business process each case's activity is in."
                      if named else "The report names no case for this type.", named)]
    links = store.rows("cell_links", type_id=type_id, process_id=process_id)
    for kind, title in (("instrument", "Instruments"), ("swot", "SWOT items"), ("implication", "Implications")):
        mine = links[links["entity_kind"] == kind]
        blocks.append(section(f"{title} that concern it ({len(mine)})",
                              "Linked to the cell by the project, each with its reason."
                              if len(mine) else f"No {title.lower()} are linked to this cell.",
                              [entry(link.text, "plain" if kind == "instrument" else "quote",
                                     f"{link.label} · {store.source_label(link.source)} · {link.scope}",
                                     [(f"Project's link: {link.rationale}", "coded")])
                               for link in mine.itertuples()]))
    routes = store.rows("routes", from_process=process_id)
    if not routes.empty:
        blocks.append(section("Routes that start here", "The route's viability is the project's coding.",
                              [entry(route.text, "quote", route.source_label,
                                     [(f"Route {route.route_id}, viability (project's coding): {route.viability}",
                                       "coded")]) for route in routes.itertuples()]))
    return blocks
