"""The Expert survey view, server-side with AppTest: sample switch, themes, items, comments, honesty of shares."""


import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from evidence import charts
from tests.views import open_view, shown_text

THEMES = {"Views on SMEs": "general_statements", "Drivers": "drivers", "Barriers": "barriers",
          "Trade missions": "trade_missions", "Networking mechanisms": "networking",
          "Support measures": "support_measures", "Regional focus": "regional_focus"}


def open_page() -> AppTest:
    return open_view("pages/expert_survey.py")



def metrics(app: AppTest) -> dict:
    return {m.label: m.value for m in app.metric}


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


@pytest.mark.parametrize(("theme", "question"), list(THEMES.items()))
def test_each_theme_filters_the_statements(db, theme, question):
    app = open_page()
    app.multiselect(key="theme").set_value([theme]).run()
    assert not app.exception
    counts = db.query("survey_questions").set_index("question_id").loc[question]
    assert f"{counts['items']} items, {counts['results']} results." in shown_text(app)


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
    text = shown_text(app)
    assert "The report gives no result for this item" in text
    assert "Compared to larger firms, SMEs are more hesitant" in text


def test_item_panel_shows_results_comments_and_the_finding_tested(db):
    app = open_page()
    app.selectbox(key="item").set_value("3.b").run()
    text = shown_text(app)
    assert "more important" in text
    assert "It depends very much on the proximity or distance of the new market" in text  # a barriers comment
    assert "most case SMEs were found to be able to manage related issues" in text  # the study finding tested
    assert "diverged" in text


def test_every_item_and_every_comment_is_reachable(db):
    items = db.query("survey_items", figure_id=None)
    comments = db.query("survey_comments", question_id=None)
    app = open_page()
    text = shown_text(app)
    for comment in comments["text"]:  # the comments section lists all of them by default
        assert comment in text, comment[:60]
    for row in items.itertuples():
        app.selectbox(key="item").set_value(row.item_id).run()
        assert not app.exception
        panel = shown_text(app)
        assert row.text in panel, row.item_id
        for comment in comments[comments["question_id"] == db.query("survey_item", item_id=row.item_id)
                                .iloc[0]["question_id"]]["text"]:
            assert comment in panel


def test_contradictions_about_the_survey_are_listed(db):
    app = open_page()
    topics = {e.label for e in app.expander}
    for row in db.query("survey_contradictions").itertuples():
        assert f"{row.topic} ({row.kind})" in topics


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
