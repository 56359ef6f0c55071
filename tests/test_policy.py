"""The Policy view, server-side with AppTest: every matrix cell, SWOT item, implication and instrument appears."""


import pytest
from streamlit.testing.v1 import AppTest

from tests.views import open_view, shown_text


def open_page() -> AppTest:
    return open_view("pages/policy.py")



def test_every_swot_item_implication_and_route_appears(db):
    text = shown_text(open_page())
    for item in db.query("swot", quadrant=None)["text"]:
        assert item in text, item[:50]
    for item in db.query("policy_implications")["text"]:
        assert item in text, item[:50]
    for route in db.query("table_rows", table_name="routes")["text"]:
        assert route in text


def test_every_instrument_appears(db):
    app = open_page()
    table = next(frame.value for frame in app.dataframe if "kind" in frame.value.columns)
    assert set(table["name"]) == set(db.query("instruments", level=None)["name"])


@pytest.mark.parametrize("cell", ["branch-export", "branch-production", "branch-rnd", "collaboration-export",
                                  "collaboration-production", "collaboration-rnd", "customising-export",
                                  "customising-production", "customising-rnd", "ip-export", "ip-production",
                                  "ip-rnd", "employment-export", "employment-production", "employment-rnd"])
def test_every_matrix_cell_opens_its_panel(db, cell):
    app = open_page()
    app.selectbox(key="cell").set_value(cell).run()
    assert not app.exception
    type_id, process_id = cell.split("-", 1)
    text = shown_text(app)
    links = db.query("cell_links", type_id=type_id, process_id=process_id)
    for kind, title in (("instrument", "Instruments"), ("swot", "SWOT items"), ("implication", "Implications")):
        assert f"{title} that concern it ({int((links['entity_kind'] == kind).sum())})" in text
    for case in db.query("type_activities", type_id=type_id)["case_name"]:
        assert case in text


def test_customising_export_shows_its_cases_instruments_and_swot(db):
    app = open_page()
    app.selectbox(key="cell").set_value("customising-export").run()
    text = shown_text(app)
    assert all(case in text for case in ("Food Freshly", "Intermet", "LifeTec"))
    assert "little attention for (upgrading) customisation" in text
    assert "innovation-oriented trade missions" in text
    assert "Project's link" in text  # the links are marked as project coding


def test_swot_filter_and_theme():
    app = open_page()
    app.text_input(key="swot_q").input("chin").run()  # China, Chinese (case-insensitive)
    assert not app.exception
    assert any("2 of 23 items shown" in c.value for c in app.caption)
    app.text_input(key="swot_q").input("").run()
    app.selectbox(key="swot_theme").set_value("Knowledge and R&D").run()
    assert any(":orange-badge[theme]" in m.value for m in app.markdown)


def test_instrument_filters():
    app = open_page()
    app.multiselect(key="level").set_value(["network"]).run()
    table = next(frame.value for frame in app.dataframe if "kind" in frame.value.columns)
    assert set(table["level"]) == {"network"} and len(table) >= 3
    app.text_input(key="q").input("zzz-nothing").run()
    assert any("No instrument matches" in i.value for i in app.info)


def test_gaps_are_counted_from_the_data(db):
    app = open_page()
    cells = db.query("what_how_cells", type_id=None, process_id=None)
    gaps = int(((cells["symbols"] > 0) & (cells["cell_instruments"] == 0)).sum())
    active = int((cells["symbols"] > 0).sum())
    assert any(f"{gaps} of {active} cells with case activity" in c.value for c in app.caption)
