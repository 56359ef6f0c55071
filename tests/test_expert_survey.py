"""The Expert survey view, server-side with AppTest: sample switch, themes, items, comments, honesty of shares."""


import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from evidence import charts
from evidence.content import survey_text
from tests.views import open_link, shown_text

THEMES = {"Views on SMEs": "general_statements", "Drivers": "drivers", "Barriers": "barriers",
          "Trade missions": "trade_missions", "Networking mechanisms": "networking",
          "Support measures": "support_measures", "Regional focus": "regional_focus"}


def open_page() -> AppTest:
    return open_link("pages/expert_survey.py")


def metrics(app: AppTest) -> dict:
    return {m.label: m.value for m in app.metric}


def unescaped(markdown: str) -> str:
    """Markdown built by the view, with the escapes of data text removed (as `shown_text` does)."""
    return markdown.replace("\\", "")


def test_sample_switch(db):
    app = open_page()
    assert metrics(app)["Valid responses"] == "44"
    assert metrics(app)["Partially completed"] == "9"
    app.segmented_control(key="sample").set_value("9 June 2016").run()
    assert not app.exception
    sample = db.query("survey_samples", sample_id="2016-06-09").iloc[0]
    assert metrics(app)["Valid responses"] == str(sample["valid_responses"]) == "43"
    assert metrics(app)["Partially completed"] == "8"
    assert "By 9th June 2016, 43 valid responses" in shown_text(app)


@pytest.mark.parametrize("question", sorted(THEMES.values()))
def test_each_themes_statements_are_its_items_and_results(db, question):
    # What the view's theme filter asks for (one question), against the survey's own count of items and results.
    statements = db.query("survey_statement_results", questions=[question], item=None)
    counts = db.query("survey_questions").set_index("question_id").loc[question]
    assert statements["item_id"].nunique() == counts["items"] > 0
    assert statements["result_id"].notna().sum() == counts["results"]
    asked = {item for item in db.query("survey_items", figure_id=None)["item_id"]
             if db.query("survey_item", item_id=item).iloc[0]["question_id"] == question}
    assert set(statements["item_id"]) == asked


def test_the_theme_filter_shows_the_chosen_themes_statements(db):
    # The view's wiring, once: its theme labels, and several chosen at once (labels to question ids, the caption).
    app = open_page()
    assert app.multiselect(key="theme").options == list(THEMES) + ["Further measures (open question)"]
    chosen = ["Views on SMEs", "Drivers", "Barriers", "Regional focus"]
    app.multiselect(key="theme").set_value(chosen).run()
    assert not app.exception
    counts = db.query("survey_questions").set_index("question_id").loc[[THEMES[label] for label in chosen]]
    assert f"{counts['items'].sum()} items, {counts['results'].sum()} results." in shown_text(app)
    assert "comments quoted in Annex 3 for the chosen themes." in shown_text(app)


def test_open_question_has_no_chart_but_its_comments():
    app = open_page()
    app.multiselect(key="theme").set_value(["Further measures (open question)"]).run()
    assert not app.exception
    assert any("the open question's answers are the comments below" in i.value for i in app.info)
    assert "8 comments quoted in Annex 3 for the chosen themes." in shown_text(app)


def test_item_with_no_reported_figure():
    app = open_page()
    app.selectbox(key="item").set_value("1a.a").run()
    assert not app.exception
    said = shown_text(app)
    assert "The report gives no result for this item" in said
    assert "Compared to larger firms, SMEs are more hesitant" in said


def test_item_panel_shows_results_comments_and_the_finding_tested():
    app = open_page()
    app.selectbox(key="item").set_value("3.b").run()
    said = shown_text(app)
    assert "more important" in said
    assert "It depends very much on the proximity or distance of the new market" in said  # a barriers comment
    assert "most case SMEs were found to be able to manage related issues" in said  # the study finding tested
    assert "diverged" in said


def test_the_default_view_lists_every_comment_and_offers_every_item(db):
    app = open_page()
    said = shown_text(app)
    for comment in db.query("survey_comments", question_ids=None)["text"]:  # all of them by default
        assert comment in said, comment[:60]
    offered = app.selectbox(key="item").options
    items = db.query("survey_items", figure_id=None)
    assert len(offered) == len(items) == 42
    for row, label in zip(items.itertuples(), offered, strict=True):  # each item by its figure, letter and text
        assert label == f"Figure {row.figure_id}, item {row.letter}: {row.text}"


def test_every_items_panel_has_its_results_and_its_questions_comments(db):
    """What the item panel writes for each of the 42 items (the view's wiring is checked above on 1a.a, 3.b)."""
    comments = db.query("survey_comments", question_ids=None)
    for row in db.query("survey_items", figure_id=None).itertuples():
        item = db.query("survey_item", item_id=row.item_id).iloc[0]
        assert item["text"] == row.text, row.item_id
        assert survey_text.item_results(item_id=row.item_id).strip(), row.item_id  # a result, or says there is none
        count, quotes = survey_text.comment_quotes(question_id=item["question_id"])
        mine = comments[comments["question_id"] == item["question_id"]]["text"]
        assert count == len(mine), row.item_id
        for comment in mine:
            assert comment in unescaped(quotes), (row.item_id, comment[:60])


def test_contradictions_about_the_survey_are_listed(db):
    app = open_page()
    table = next(m.value for m in app.markdown if m.value.startswith("| Where (label and kind: the project's coding)"))
    shown = table.replace("\\", "")  # data text arrives escaped
    found = db.query("survey_contradictions")
    assert table.count("\n") == len(found) + 1, "one row per contradiction, under the header"
    for row in found.itertuples():
        assert f"**{row.topic}** ({row.kind})" in shown and row.statement_a in shown and row.statement_b in shown


def test_no_chart_draws_a_share_the_database_does_not_hold(db):
    frame = db.query("survey_statement_results", questions=None, item=None)
    held = {(r.item_id, r.measure, int(r.value_pct)) for r in frame.itertuples() if pd.notna(r.value_pct)}
    shares = charts.survey_statements(frame)
    drawn = set()
    for layer in shares.layer:
        if isinstance(layer.data, pd.DataFrame) and "value_pct" in layer.data:
            drawn |= {(r.item_id, r.measure, int(r.value_pct)) for r in layer.data.itertuples()}
    assert drawn and drawn <= held
    assert len(drawn) == len(held)  # and every share the report gives is drawn
    respondents = db.query("survey_samples", sample_id="2016-06-09")
    bars = charts.respondent_types(respondents).layer[0]
    data = bars.data if isinstance(bars.data, pd.DataFrame) else charts.respondent_types(respondents).data
    assert set(data["share_pct"].dropna()) == {43}  # 9 June: only the first share is printed


def test_qualified_shares_are_not_drawn_as_exact(db):
    frame = db.query("survey_statement_results", questions=None, item=None)
    shares = charts.survey_statements(frame)
    bars, points = shares.layer[1].data, shares.layer[3].data
    assert set(bars["qualifier"]) == {"exact"}
    shapes = dict(zip(points["qualifier"], points["shape_key"], strict=True))
    assert shapes["almost"].startswith("almost") and shapes["more than"].startswith("more than")
    assert shapes["about"].startswith("about") and shapes["exact"].startswith("exact")
