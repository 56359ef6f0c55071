"""Issue 12: the evidence base says what the report says. Coding is declared where it lives, qualifiers stay
with their numbers, the project's readings are never shown as the report's, and the report is covered."""

import re

import duckdb
import pandas as pd
import pytest

from evidence.content import survey_text
from evidence.data import queries
from evidence.data.validate import create_schema
from tests.views import open_link


@pytest.fixture(scope="module")
def comments():
    connection = duckdb.connect()
    create_schema(connection)
    columns = queries.run(connection, "schema_columns")
    tables = queries.run(connection, "schema_tables")
    connection.close()
    return ({(r.table_name, r.column_name): r.comment or "" for r in columns.itertuples()},
            {r.table_name: r.comment or "" for r in tables.itertuples()})


# ------------------------------------------------------------------ coding is declared where it lives


def test_every_coding_note_is_declared_in_its_own_description(db, comments):
    columns, tables = comments
    undeclared = []
    for note in db.query("coding_notes").itertuples():
        described = tables[note.table_name] if note.column_name == "*" else columns[(note.table_name, note.column_name)]
        if "PROJECT CODING" not in described:
            undeclared.append(f"{note.table_name}.{note.column_name}")
    assert not undeclared, f"registered as coding but not declared in the description: {undeclared}"


def test_every_coding_note_gives_a_rationale(db):
    for note in db.query("coding_notes").itertuples():
        assert len(note.rationale) >= 80, f"{note.table_name}.{note.column_name}: {note.rationale!r} says what, not why"
        assert not note.rationale.startswith("Theme tag of"), f"{note.table_name}.{note.column_name}"


@pytest.mark.parametrize(("table", "column"), [
    ("instruments", "kind"), ("survey_results", "measure"), ("survey_questions", "position"),
    ("routes", "from_process"), ("instruments", "status"), ("agenda", "part"), ("survey_results", "verdict"),
    ("study_vs_experts", "item_id"), ("contradictions", "note"), ("key_figures", "label"),
])
def test_named_coded_columns_are_registered(db, comments, table, column):
    notes = db.query("coding_notes")
    assert ((notes["table_name"] == table) & (notes["column_name"] == column)).any(), f"{table}.{column}"
    assert "PROJECT CODING" in comments[0][(table, column)]


# ------------------------------------------------------------------ qualifiers are the report's words


def test_survey_qualifiers_are_the_words_of_the_wording(db):
    for row in db.query("survey_results", item_id=None).itertuples():
        if row.qualifier in ("exact", "none"):
            continue
        wording = row.wording.lower()
        assert row.qualifier in wording, f"{row.result_id}: {row.qualifier!r} is not in {row.wording!r}"
        # "about two thirds" stored as "two thirds" drops the report's qualifier.
        before = re.findall(rf"(\w+)\s+{re.escape(row.qualifier)}\b", wording)
        assert any(word not in ("about", "almost", "nearly") for word in before) or not before, row.result_id


@pytest.mark.parametrize("query", ["instrument_figures", "key_figures"])
def test_a_number_coded_exact_has_no_qualifier_in_its_wording(db, query):
    figures = db.query(query, measure=None) if query == "instrument_figures" else db.query(query)
    id_column = "figure_id" if query == "instrument_figures" else "key_figure_id"
    for row in figures.itertuples():
        if row.qualifier == "exact":
            assert not re.search(r"\b(about|around|approximately|almost|nearly)\b", row.wording, re.I), (
                getattr(row, id_column))


def test_ebn_counts_keep_around(db):
    figures = db.query("instrument_figures", measure=None).set_index("figure_id")
    assert figures.loc["ebn-members-other", "qualifier"] == "around"
    assert figures.loc["ebn-members-bics", "qualifier"] == "around"


def test_about_half_and_about_two_thirds(db):
    item_b = db.query("survey_results", item_id="4.b").set_index("measure")
    assert item_b.loc["agree", "qualifier"] == "about half"
    regional = db.query("survey_results", item_id="7.a").set_index("result_id")
    assert regional.loc["7.a-no-sec-7.3.4", "qualifier"] == "about two thirds"
    assert regional.loc["7.a-no-sec-7.4", "qualifier"] == "about two thirds"


# ------------------------------------------------------------------ named defects of the audit


def test_manageable_is_the_reports_own_comparison_of_section_2(db):
    row = db.query("study_vs_experts", outcome=None).set_index("comparison_id").loc["manageable"]
    assert (row["coding"], row["expert_source"], row["outcome_wording"]) == ("stated", "sec-2", "confirmed")
    assert "confirms to some extent" not in row["expert_statement"]  # 7.2.2 compares Figure 3 with 1b.b


def test_support_measures_question_is_footnote_5(db):
    questions = db.query("table_rows", table_name="survey_questions").set_index("question_id")
    assert questions.loc["support_measures", "question_source"] == "fn-5"
    assert questions.loc["trade_missions", "scale_source"] == "sec-7.3"
    assert questions.loc["networking", "scale_source"] == "sec-7.3"


def test_the_regional_question_comes_last(db):
    # 7.3.4: "The last question was whether ..."; the ease question is presented in 7.1.
    positions = db.query("table_rows", table_name="survey_questions").set_index("question_id")["position"]
    assert positions.idxmax() == "regional_focus"
    assert positions["ease"] < positions["general_statements"]


def test_instrument_descriptions_cite_the_section_they_quote(db):
    instruments = db.query("table_rows", table_name="instruments").set_index("instrument_id")
    grants = instruments.loc["grant_programmes_rnd_cooperation"]
    assert grants["source"] == "sec-4.3.3" and "%" not in grants["description"]


# ------------------------------------------------------------------ the views show coding as the project's


# What the Expert survey's item panel writes, called directly (its wiring is tests/test_expert_survey.py's).
def words(markup) -> str:
    return str(markup).replace("\\", "")


def test_item_panel_keeps_the_project_verdict_out_of_the_reports_words():
    said = words(survey_text.item_results(item_id="7.a"))
    assert "YES: 32% (12)" in said
    assert "rejected" not in said and "verdict" not in said
    reading = words(survey_text.item_reading(item_id="7.a"))
    assert "rejected" in reading and "Project's reading" in reading


def test_item_panel_shows_the_reports_own_caveat_on_the_item():
    said = words(survey_text.item_results(item_id="1b.a"))
    assert "may therefore have led to a misunderstanding" in said
    assert "linked to the item by the project" in said


def test_item_panel_says_who_paired_the_finding():
    assert "Paired by the project" in words(survey_text.item_tested(item_id="4.e"))  # sector-specific
    tested = words(survey_text.item_tested(item_id="3.b"))  # culture: the report's own comparison
    assert "The report compares them" in tested and "slightly different" in tested


def test_workshop_marks_paraphrases():
    app = open_link("pages/workshop.py")
    app.selectbox(key="slot").set_value("1015a-study").run()
    heading = [m.value for m in app.markdown if m.value.startswith("**What was said**")]
    assert heading and all("project's paraphrase" in h for h in heading)


def test_contradicted_numbers_are_flagged_where_shown(db):
    flagged = set(db.query("survey_results", item_id=None)["contradiction_id"].dropna())
    assert flagged <= set(db.query("contradictions")["contradiction_id"])
    assert pd.Series(sorted(flagged)).str.startswith("c-").all()


# ------------------------------------------------------------------ the report is covered


@pytest.mark.parametrize("words", [
    "means, in the study and workshop context",                       # section 1: the definition
    "to develop recommendations for improved policies",               # section 1: objective 3
    "partners from outside the EU and its associated countries",      # section 1: the study's focus
    "to support evidence-based policy making",                        # section 1: the workshop's goals
    "biomedical niche",                                               # the LifeTec profile
    "shorten the time-to-market",
    "trickle-up innovation",                                          # footnote 3
    "possess at least medium expertise",                              # footnote 4
    "we cannot provide data on the response rate",                    # the survey's caveats
    "at least several hundred people",
    "the sample seems to represent very well the target population",
    "may therefore have led to a misunderstanding",                   # the report's caveat on item 1b.a
    "It means that SMEs engage in cooperation",                       # the back cover
])
def test_the_reports_sentences_have_a_row(db, words):
    passages = db.query("table_rows", table_name="report_passages")
    assert passages["text"].str.contains(words, regex=False).any(), words


def test_only_very_few_gave_a_low_priority(db):
    results = db.query("survey_results", item_id=None)
    low = results[results["measure"] == "low_priority"]
    assert set(low["item_id"]) == {"6.a", "6.b", "6.c", "6.d", "6.e", "6.f"}
    assert set(low["qualifier"]) == {"only very few"} and low["value_pct"].isna().all()


# ------------------------------------------------------------------ contradictions


def test_contradictions_of_the_systematic_pass(db):
    ids = set(db.query("contradictions")["contradiction_id"])
    assert {"c-experts-many-several", "c-positive-impact", "c-response-rate", "c-survey-timing", "c-share-of-43",
            "c-respondent-shares-44", "c-table-1-n", "c-fig6-40-of-37", "c-presenters-4-2", "c-salzburg-gmbh",
            "c-money-vs-trade-focus", "c-first-section-ref", "c-start-ups-ref",
            "c-definition-back-cover"} <= ids


def test_ease_total_is_set_against_every_count_of_respondents(db):
    note = db.query("contradictions").set_index("contradiction_id").loc["c-ease-total", "note"]
    assert all(str(n) in note for n in (44, 43, 35))


# The items a contradiction concerns, where its sentences also speak of items it does not concern (issue 23: the
# conferences contradiction was shown on intermediaries, trade fairs and informal networks too).
CONCERNS = {
    "c-conferences": {"5.b"},  # 7.3.2's sentence also names intermediaries (5.d); 7.4's trade fairs and networks
    "c-experts-many-several": {"3.a", "3.b", "3.d", "3.e"},  # section 2 speaks of culture and distance, not law
    "c-first-section-ref": set(),  # the error is a cross-reference, not a result
}


def _sides(db):
    def clean(text):
        return re.sub(r"\s+", " ", text.translate(str.maketrans("“”‘’", "\"\"''"))).strip()
    sides = []
    for row in db.query("contradictions").itertuples():
        for side in (row.statement_a, row.statement_b):
            parts = [p for p in (clean(x) for x in re.split(r"\(\.\.\.\)|\.\.\.", side)) if len(p) >= 20]
            if parts:
                sides.append((row.contradiction_id, parts))
    return clean, sides


def test_a_result_worded_in_a_contradicted_sentence_is_flagged_if_the_contradiction_concerns_it(db):
    """Where a survey result's wording holds one side of a contradiction, the result carries the flag, unless the
    contradiction is about another item the same sentence names."""
    clean, sides = _sides(db)
    unflagged, misflagged = [], []
    for result in db.query("survey_results", item_id=None).itertuples():
        wording = clean(result.wording)
        hits = {cid for cid, parts in sides if all(p.strip(" ,.;") in wording for p in parts)}
        concerning = {cid for cid in hits if result.item_id in CONCERNS.get(cid, {result.item_id})}
        if concerning and not isinstance(result.contradiction_id, str):
            unflagged.append((result.result_id, sorted(concerning)))
        if hits - concerning and result.contradiction_id in hits - concerning:
            misflagged.append((result.result_id, result.contradiction_id))
    assert not unflagged, unflagged
    assert not misflagged, misflagged


def test_contradiction_flags_only_on_the_items_they_concern(db):
    results = db.query("survey_results", item_id=None)
    flagged = results[results["contradiction_id"].notna()]
    wrong = [(r.result_id, r.contradiction_id) for r in flagged.itertuples()
             if r.contradiction_id in CONCERNS and r.item_id not in CONCERNS[r.contradiction_id]]
    assert not wrong, wrong
    conferences = flagged[flagged["contradiction_id"] == "c-conferences"]
    assert set(conferences["item_id"]) == {"5.b"} and len(conferences) == 2  # 7.3.2 and 7.4
