"""The Workshop and Evidence search views, and text from the data shown as text everywhere."""

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from evidence.content import state
from evidence.content.markup import highlighted
from evidence.query import store
from evidence.settings import DATA_DIR_ENV
from evidence.takeaway import brief_selection
from tests.views import APP, open_link, shown_text


def test_every_agenda_item_has_what_was_said_or_says_there_is_none(db):
    # The item panel lists the statements of the item's part of the report (checked on two items below).
    sections = set(db.query("table_rows", table_name="sources")["source_id"])
    for row in db.query("agenda").itertuples():
        if isinstance(row.report_section, str):
            assert row.report_section in sections, row.slot_id
            assert not db.query("statements", section=row.report_section).empty, row.slot_id


@pytest.mark.parametrize(("slot", "summarised"), [("1115c-weprog", True), ("1230-lunch", False)])
def test_an_agenda_item_opens_with_what_was_said(db, slot, summarised):
    app = open_link("pages/workshop.py")
    app.selectbox(key="slot").set_value(slot).run()
    assert not app.exception
    text = shown_text(app)
    section = db.query("agenda").set_index("slot_id").loc[slot, "report_section"]
    assert isinstance(section, str) is summarised
    if summarised:
        said = db.query("statements", section=section)["paraphrase"]
        assert len(said) > 0 and all(paraphrase in text for paraphrase in said)
    else:
        assert "The report summarises nothing said in this item." in text
    # Audit: an item Annex 1 names no speaker for said "speakers: nan".
    caption = next(c.value for c in app.caption if "Annex 1" in c.value)
    assert "nan" not in caption
    assert ("no speaker listed" in caption) is (slot == "1230-lunch")
    assert ("Corinna Möhrlen" in caption) is (slot == "1115c-weprog")


def test_the_workshop_brief_of_an_item_without_speakers_says_none_is_listed():
    head = brief_selection.workshop({"slot": ["1145-discussion"]})[0]["entries"][0]["text"]
    assert "no speaker listed" in head and "nan" not in head
    head = brief_selection.workshop({"slot": ["1315c-discussants"]})[0]["entries"][0]["text"]
    assert "speakers: " in head and "Christin Pfeiffer" in head


@pytest.mark.parametrize(("field", "value", "expected"), [("from", ["Italy"], 3), ("org", ["SME"], 2),
                                                          ("from", ["EU"], 16)])
def test_participant_filters(field, value, expected):
    app = open_link("pages/workshop.py")
    app.multiselect(key=field).set_value(value).run()
    listed = next(frame.value for frame in app.dataframe if "family_name" in frame.value.columns)
    assert len(listed) == expected
    assert f"{expected} of 33 participants" in shown_text(app)


def test_who_said_what_filters(db):
    app = open_link("pages/workshop.py")
    app.multiselect(key="speaker").set_value(["Christin Pfeiffer"]).run()
    said = next(frame.value for frame in app.dataframe if "paraphrase" in frame.value.columns)
    expected = db.query("statements_filtered", speakers=["Christin Pfeiffer"], organisations=None, section=None,
                        theme=None)
    assert len(said) == len(expected) > 3


def test_search_finds_a_known_phrase_ranked_first():
    app = open_link("pages/search.py")
    app.text_input(key="search").input("informal business networks").run()
    assert not app.exception
    first = next(m.value for m in app.markdown if "blue-badge" in m.value)
    assert "informal" in first and ":orange-background[" in first


def test_search_marks_the_projects_paraphrase_and_labels(db):
    """Issue 23: statements showed the project's paraphrase unmarked (the Workshop view marks it)."""
    app = open_link("pages/search.py")
    app.text_input(key="search").input("daunting endeavour").run()
    statements = [m.value for m in app.markdown if ":blue-badge[statement]" in m.value]
    assert statements and all(":orange[Project's paraphrase:]" in s for s in statements)
    assert "The report's words: “:orange-background[daunting]" in statements[0]  # the quote, apart and unmarked
    app.multiselect(key="kinds").set_value(["contradiction"]).run()
    app.text_input(key="search").input("accessible").run()
    found = [m.value.replace("\\", "") for m in app.markdown if ":blue-badge[contradiction]" in m.value]
    assert found and all(":orange[(project's label)]" in f for f in found)


def test_participant_roles_are_headed_as_the_projects_coding():
    app = open_link("pages/workshop.py")
    listed = next(frame for frame in app.dataframe if "workshop_role" in frame.value.columns)
    assert "Role (project coding)" in str(listed.proto.columns)


def test_search_filters_by_kind_and_part():
    app = open_link("pages/search.py")
    app.text_input(key="search").input("chin").run()  # China, Chinese
    app.multiselect(key="kinds").set_value(["SWOT item"]).run()
    badges = [m.value for m in app.markdown if "blue-badge" in m.value]
    assert len(badges) == 2 and all("SWOT item" in b for b in badges)


def test_search_without_words_and_with_no_match_says_so():
    app = open_link("pages/search.py")
    assert any("Type at least one word" in i.value for i in app.info)
    app.text_input(key="search").input("zzzqqq nothing").run()
    assert any("Nothing in the report matches" in i.value for i in app.info)


def test_highlighting_escapes_the_text():
    marked = highlighted("a <script>alert('trade')</script> *trade*", ["trade"])
    assert "<script>" not in marked and "\\<script\\>" in marked
    assert marked.count(":orange-background[") == 2
    assert state.match_spans("Trade and trade", ["trade"]) == [(0, 5), (10, 15)]


HOSTILE = "<script>alert('x')</script> **bold** [link](javascript:alert(1)) <img src=x onerror=alert(1)>"


@pytest.fixture
def hostile_data(data_copy, monkeypatch):
    """A data folder whose text fields carry a script tag, markdown and HTML."""
    for file, old in (("statements.csv", "was found to be the most prevalent type of internationalising innovation"),
                      ("swot_items.csv", "Accessible for all SMEs."),
                      ("cases.csv", "a company that markets a device")):
        path = data_copy / file
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, old + " " + HOSTILE.replace('"', '""'), 1), encoding="utf-8")
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))
    store.clear()
    yield data_copy
    store.clear()


def raw_strings(app: AppTest) -> list[str]:
    return [m.value for m in app.markdown] + [c.value for c in app.caption]


def component_strings(app: AppTest) -> list[str]:
    """The texts the page hands its custom components as data (the Overview's conclusions as JSON, the print copies
    as JSON in UTF-8 bytes)."""
    def walk(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from walk(item)
        elif isinstance(value, list):
            for item in value:
                yield from walk(item)
    return [text for element in app.get("bidi_component")
            for text in walk(json.loads(element.proto.bytes.decode("utf-8") or element.proto.json))]


@pytest.mark.parametrize(("page", "setup"), [
    ("pages/overview.py", None),
    ("pages/policy.py", None),
    ("pages/case_studies.py", ("case", "Aisense")),
    ("pages/search.py", ("search", "script")),
])
def test_script_and_markdown_in_data_show_as_text(hostile_data, page, setup):
    app = AppTest.from_file(APP, default_timeout=30)
    app.run()
    app.switch_page(page).run()
    if setup:
        widget = app.selectbox(key=setup[0]) if setup[0] == "case" else app.text_input(key=setup[0])
        (widget.set_value(setup[1]) if setup[0] == "case" else widget.input(setup[1])).run()
    assert not app.exception
    strings = raw_strings(app)
    carrying = [s for s in strings if "alert" in s]
    # A component gets the text as data, as typed; its fixed script writes it with textContent (the poisoned-data
    # browser test checks what Chromium shows). Its HTML and script are the app's own, with nothing from the data.
    as_data = [s for s in component_strings(app) if "alert" in s]
    assert carrying or as_data, "the hostile text should be on the page"
    for element in app.get("bidi_component"):
        assert not any(part in element.proto.html_content + element.proto.js_content
                       for part in ("alert", "**bold**", "onerror"))
    for text in carrying:
        assert not re.search(r"(?<!\\)<", text), text  # every < is escaped (\<script\>): never raw HTML
        assert "**bold**" not in text  # the asterisks are escaped, so no bold
        assert not re.search(r"(?<!\\)\]\(javascript", text)  # no markdown link is formed
    # The only raw HTML is the app's own fixed text (its browser script, style sheet and share box): no data in it.
    bodies = [element.proto.body for element in app.get("html")]
    assert bodies and not any(part in body for body in bodies for part in ("alert", "**bold**", "onerror"))


def test_the_html_check_can_fail():
    """The raw HTML elements the app writes are fixed texts; the check above reads each of them."""
    app = AppTest.from_file(APP, default_timeout=30)
    app.query_params["present"] = "1"
    app.run()
    bodies = [element.proto.body for element in app.get("html")]
    assert any("sme-script" in body for body in bodies) and any("stSidebar" in body for body in bodies)
