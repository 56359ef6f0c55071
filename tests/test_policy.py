"""The Policy view: what each of the 15 matrix cells lists (a plain call of the text builder the view calls), and
the view itself, server-side with AppTest: every SWOT item, implication, route and instrument, the gap count,
one cell's panel, the filters."""

import pytest
from streamlit.testing.v1 import AppTest

from evidence.content import text
from tests.quoted import spans, unmarked
from tests.views import open_link, shown_text

CELLS = ["branch-export", "branch-production", "branch-rnd", "collaboration-export", "collaboration-production",
         "collaboration-rnd", "customising-export", "customising-production", "customising-rnd", "ip-export",
         "ip-production", "ip-rnd", "employment-export", "employment-production", "employment-rnd"]
TITLES = {"instrument": "Instruments", "swot": "SWOT items", "implication": "Implications"}


def open_page() -> AppTest:
    return open_link("pages/policy.py")


def table_of_instruments(app: AppTest):
    return next(frame.value for frame in app.dataframe if "kind" in frame.value.columns)


def test_every_swot_item_implication_route_and_instrument_appears_and_the_gaps_are_counted(db, report_text):
    app = open_page()
    said = shown_text(app)
    for item in db.query("swot", quadrant=None)["text"]:
        assert item in said, item[:50]
    for item in db.query("policy_implications")["text"]:
        assert item in said, item[:50]
    for route in db.query("table_rows", table_name="routes")["text"]:
        assert route in said
    assert set(table_of_instruments(app)["name"]) == set(db.query("instruments", level=None)["name"])
    # Section 4.2's figure has case activity in 9 of its 15 cells; instruments reach two of them (collaboration
    # and employment in R&D): 7 gaps.
    assert any("7 of 9 cells with case activity" in c.value for c in app.caption)
    gaps = next(unmarked(c.value) for c in app.caption if "cells with case activity" in c.value)
    # Audit: the SWOT does not name "the same gaps" (it names two, and its first strength speaks of instruments
    # focusing on production); the caption says which two, and quotes them as printed (capital L included).
    assert "same gaps" not in gaps and "no instrument at all" not in gaps
    assert "The SWOT's weaknesses name two related gaps" in gaps and "the project's coding" in gaps
    quoted = spans(gaps)
    assert "Little attention yet for human resource management (employment)" in quoted
    assert "a mix of instruments focusing on export & trade, production and innovation" in quoted
    printed = " ".join(report_text.split())
    assert all(" ".join(q.split()) in printed for q in quoted), quoted
    # Second independent audit: the caption may not say no instrument reaches these cells while the project links
    # the Enterprise Europe Network to a whole column and a whole row; it says so, and the data holds those links.
    assert "aims at that cell" in gaps and "Enterprise Europe Network" in gaps
    wide = db.query("table_rows", table_name="policy_links")
    een = wide[(wide["entity_id"] == "een") & (wide["type_id"].isna() | wide["process_id"].isna())]
    assert {("export" if p == "export" else t) for t, p in zip(een["type_id"], een["process_id"], strict=True)} == \
        {"export", "ip"}


def linked(db, type_id: str, process_id: str, kind: str):
    """The links of the raw policy_links table that reach a cell: made for it, its row, its column, or all."""
    links = db.query("table_rows", table_name="policy_links")
    reach = (links["type_id"].isna() | (links["type_id"] == type_id)) & (
        links["process_id"].isna() | (links["process_id"] == process_id))
    return links[reach & (links["entity_kind"] == kind)]


@pytest.mark.parametrize("cell", CELLS)
def test_every_matrix_cells_panel_lists_what_concerns_it(db, cell):
    type_id, process_id = cell.split("-", 1)
    links = text.cell_links(type_id=type_id, process_id=process_id)
    panel = {title: (count, listed.replace("\\", "")) for title, count, listed in links}
    texts = {"swot": dict(zip(*db.query("swot", quadrant=None)[["swot_id", "text"]].T.values, strict=True)),
             "implication": dict(zip(*db.query("policy_implications")[["implication_id", "text"]].T.values,
                                     strict=True)),
             "instrument": dict(zip(*db.query("instruments", level=None)[["instrument_id", "name"]].T.values,
                                    strict=True))}
    for kind, title in TITLES.items():
        links = linked(db, type_id, process_id, kind)
        count, listed = panel[title]
        assert count == len(links), (cell, kind)
        for entity in links["entity_id"]:
            assert texts[kind][entity] in listed, (cell, entity)
    count, cases = text.cell_cases(type_id=type_id)
    for case in db.query("type_activities", type_id=type_id)["case_name"]:
        assert case in cases.replace("\\", "")
    assert count == db.query("type_activities", type_id=type_id).query("stance == 'does'")["case_id"].nunique()
    doing = cases.split("**Named as not doing it**")[0]
    assert count == len([line for line in doing.splitlines() if line.startswith("- ")]), cell  # the count is the list's


def test_the_branching_panel_counts_what_it_lists(db):
    """Issue 23: "Cases of this type (2...)" over three lines (LifeTec, which sets up no branch, among them)."""
    app = open_page()
    app.selectbox(key="cell").set_value("branch-production").run()
    panel = next(m.value for m in app.markdown if m.value.startswith("**Cases of this type**"))
    head, listed = panel.split("\n\n", 1)
    assert head.startswith("**Cases of this type** (2;")
    doing, not_doing = listed.split("**Named as not doing it** (1)")
    assert [line[:20] for line in doing.split("\n") if line.startswith("- ")] == ["- **Food Freshly** d",
                                                                                 "- **KeyGene** does: "]
    assert "LifeTec" in not_doing and "does **not**" in not_doing


def test_route_cards_mark_the_projects_title_and_viability(db):
    app = open_page()
    table = next(m.value for m in app.markdown if m.value.startswith("| Route |"))  # the routes: one table, a row each
    cards = [line for line in table.splitlines() if line.startswith("| **Route ")]
    assert len(cards) == 3
    for card in cards:
        assert ":orange[(project's title)]" in card and "Viability: **" in card
        assert ":orange[(project's coding of the report's words)]" in card
    app.selectbox(key="cell").set_value("collaboration-rnd").run()
    starts = next(m.value for m in app.markdown if "starts here" in m.value)
    assert "starts here** :orange[(project's reading)]" in starts
    assert "(project's coding of the report's words)" in starts


def test_customising_export_shows_its_cases_instruments_and_swot(db):
    app = open_page()
    app.selectbox(key="cell").set_value("customising-export").run()
    assert not app.exception
    said = shown_text(app)
    assert all(case in said for case in ("Food Freshly", "Intermet", "LifeTec"))
    assert "little attention for (upgrading) customisation" in said
    assert "innovation-oriented trade missions" in said
    assert "Project's link" in said  # the links are marked as project coding
    for kind, title in TITLES.items():
        assert f"{title} that concern it ({len(linked(db, 'customising', 'export', kind))})" in said


def test_swot_and_instrument_filters():
    app = open_page()
    app.text_input(key="swot_q").input("chin").run()  # China, Chinese (case-insensitive)
    assert not app.exception
    assert any("2 of 23 items shown" in c.value for c in app.caption)
    app.text_input(key="swot_q").input("").run()
    app.selectbox(key="swot_theme").set_value("Knowledge and R&D").run()
    assert any(":orange-badge[theme]" in m.value for m in app.markdown)
    app.multiselect(key="level").set_value(["network"]).run()
    table = table_of_instruments(app)
    assert set(table["level"]) == {"network"} and len(table) >= 3
    app.text_input(key="q").input("zzz-nothing").run()
    assert any("No instrument matches" in i.value for i in app.info)
