"""What the audits of issue 23 found wrong in the data, each checked so that it cannot come back: names the report
never prints, contradiction flags on items they do not concern, the project's words in quotation marks or in a column
described as the report's, and the contradictions the report holds that were not yet recorded."""

import re

import pytest

from evidence.content import findings, survey_text
from evidence.takeaway import brief_selection
from tests.test_honesty import fragments, normalise, squash
from tests.views import open_link, shown_text

# Columns written by the project (notes, rationales): what they put in quotation marks must be the report's words.
PROJECT_PROSE = [("coding_notes", "rationale"), ("contradictions", "note"), ("business_processes", "rationale"),
                 ("case_activities", "coding_rationale"), ("study_vs_experts", "coding_rationale"),
                 ("policy_links", "rationale")]


@pytest.fixture(scope="module")
def printed(report_text):
    """The report, lower-case, in the forms a quoted span may take (line-wrap hyphens kept, dropped, squashed)."""
    joined = normalise(report_text).lower()
    return (joined, re.sub(r"(\w)- (\w)", r"\1\2", joined), re.sub(r"(\w)- (\w)", r"\1-\2", joined),
            squash(joined))


def in_report(text: str, printed) -> bool:
    text = normalise(text).lower()
    return any(text in form for form in printed[:-1]) or squash(text) in printed[-1]


@pytest.mark.parametrize("table", ["cases", "instruments"])
def test_every_name_and_name_variant_is_printed_in_the_report(db, printed, table):
    """The name is "as the report writes it" and a variant another way the report writes it ("COSME Equity Facility
    for Growth" is not one; nor is "export and trade promotion measures", which mixes section 2 and the SWOT)."""
    rows = db.query("table_rows", table_name=table)
    names = list(rows["name"]) + [variant for value in rows["name_variants"].dropna() for variant in value.split("; ")]
    unprinted = [name for name in names if not in_report(name, printed)]
    assert not unprinted, unprinted


@pytest.mark.parametrize(("table", "column"), PROJECT_PROSE)
def test_the_projects_prose_quotes_only_the_reports_words(db, printed, table, column):
    quoted = []
    for value in db.query("table_rows", table_name=table)[column].dropna():
        for straight, curly in re.findall(r'"([^"]{3,})"|“([^”]{3,})”', value):
            quoted += fragments(straight or curly)
    assert quoted or table != "coding_notes"
    assert not [span for span in quoted if not in_report(span, printed)]


def test_source_labels_are_declared_the_projects_where_the_report_prints_none(db, schema_db, printed):
    columns = schema_db.query("schema_columns").set_index(["table_name", "column_name"])
    comment = columns.loc[("sources", "label"), "comment"]
    labels = db.query("table_rows", table_name="sources")["label"]
    unprinted = [label for label in labels if not in_report(label, printed)]
    assert "Table in Section 4.2 (unnumbered)" in unprinted
    assert "PROJECT CODING" in comment and "How the report labels it" not in comment
    notes = db.query("coding_notes")
    assert ((notes["table_name"] == "sources") & (notes["column_name"] == "label")).any()


def test_the_rnd_column_is_not_said_to_be_tied_to_research_by_the_study(db):
    rationale = db.query("table_rows", table_name="business_processes").set_index("process_id").loc["rnd", "rationale"]
    assert "ties to research" not in rationale
    assert "does not say which business process" in rationale


def test_the_intermediaries_panel_does_not_say_the_report_contradicts_itself():
    assert "contradicts itself" not in survey_text.item_results(item_id="5.d")
    assert "contradicts itself" in survey_text.item_results(item_id="5.b")
    for item in ("5.c", "5.g", "3.f", "3.g", "3.h", "1b.c", "1b.d"):
        assert "contradicts itself" not in survey_text.item_results(item_id=item), item


# The contradictions issue 23 asked to record: both sides, each in the part of the report it cites.
RECORDED = {
    "c-accessible-complexity": ("tab-swot", "tab-swot"),
    "c-accessible-participation": ("sec-2", "tab-implications"),
    "c-weprog-country-order": ("annex-1", "annex-2"),
    "c-survey-part-2-agenda": ("annex-1", "sec-4.3.3"),
    "c-what-how-employment": ("sec-4.2", "fig-what-how"),
    "c-confirmed-slightly-different": ("sec-2", "sec-7.2.2"),
}


def test_the_contradictions_an_independent_read_found_are_recorded(db):
    found = db.query("contradictions").set_index("contradiction_id")
    for contradiction_id, sources in RECORDED.items():
        row = found.loc[contradiction_id]
        assert (row["source_a"], row["source_b"]) == sources, contradiction_id
        assert row["statement_a"] != row["statement_b"] and row["note"], contradiction_id
    assert "accessibility for all SMEs" in found.loc["c-accessible-participation", "statement_a"]
    assert "hinder access" in found.loc["c-accessible-complexity", "statement_b"]
    assert "Germany / Den." in found.loc["c-weprog-country-order", "statement_b"]
    assert "slightly different" in found.loc["c-confirmed-slightly-different", "statement_b"]
    assert "confirmed" in found.loc["c-confirmed-slightly-different", "statement_a"]


def test_table_1_note_lists_every_share_that_is_not_a_whole_count_of_44(db):
    expertise = db.query("table_rows", table_name="survey_expertise")
    not_whole = {int(p) for p in expertise["share_pct"]
                 if not any(abs(100 * k / 44 - p) <= 0.5 for k in range(45))}
    note = db.query("contradictions").set_index("contradiction_id").loc["c-table-1-n", "note"]
    listed = note.split("are not whole counts")[0]
    assert not_whole == {int(n) for n in re.findall(r"(\d+)%", listed)}


def test_a_mechanism_the_report_places_at_no_level_has_none(db):
    instruments = db.query("table_rows", table_name="instruments").set_index("instrument_id")
    assert instruments["level"].isna()["networking_showcasing_initiatives"]  # "One of the case SMEs hailed ..."


def test_the_74_summary_of_the_case_studies_is_not_recorded_as_contradicting_722(db):
    """Audit: 7.4's "these challenges ... manageable" refers to the cultural (and legal) barriers the experts rank
    higher, which is what 7.2.2 says of the study: the two sentences agree, so no contradiction pairs them."""
    found = db.query("contradictions")
    assert "c-without-support" not in set(found["contradiction_id"])
    pairs = {(row.source_a, row.source_b) for row in found.itertuples()
             if "without much further support" in row.statement_a + row.statement_b}
    assert ("sec-7.2.2", "sec-7.4") not in pairs and ("sec-7.4", "sec-7.2.2") not in pairs
    results = db.query("survey_results", item_id=None)
    assert not (results["contradiction_id"] == "c-without-support").any()


def test_the_ease_note_compares_38_with_each_count_the_right_way_round(db):
    note = db.query("contradictions").set_index("contradiction_id").loc["c-ease-total", "note"]
    assert "13 + 22 + 3 = 38" in note
    fewer = re.search(r"fewer than ([^.]*)\.", note).group(1)
    assert {int(n) for n in re.findall(r"the (\d+)", fewer)} == {44, 43}  # 38 is fewer than these, not than 35
    assert "more than the 35 fully completed" in note and "even the 35" not in note


def test_the_reinforce_pairing_sets_success_in_business_against_success_in_business(db):
    """Audit: the study's "international orientation and success in business" was paired with the experts' view of
    innovativeness (7.2.1, item 1b.c), a different finding."""
    row = db.query("table_rows", table_name="study_vs_experts").set_index("comparison_id").loc["reinforce"]
    assert "success in business" in row["study_statement"] and "success in business" in row["expert_statement"]
    assert "success in business" in row["topic"] and row["item_id"] == "2.b" and row["coding"] == "project"


def test_the_what_how_headline_keeps_the_reports_strength(printed):
    """Audit: "hardly in production" was stronger than section 4.2's "not so much on production"."""
    headline = findings.BY_SLUG["what-how"].headline
    assert "hardly" not in headline and "not so much on production" in headline
    assert in_report("focused on export and R&D, not so much on production", printed)


# ------------------------------------------------------------------ the second audit (seed 1796613964)


def test_the_surveys_support_measures_are_placed_at_no_level(db):
    """The survey asked which measures to give priority (footnote 5) without placing them at any level; the coding
    note's "EU where the recommendation is addressed to the Commission" does not apply, so level is NULL."""
    instruments = db.query("table_rows", table_name="instruments").set_index("instrument_id")
    figure_6 = ["tax_reductions_rnd", "grant_programmes_rnd_cooperation", "international_culture_seminars",
                "help_desks_contact_points", "best_practice_promotion", "sme_networks_support"]
    assert instruments.loc[figure_6, "level"].isna().all()


def test_weprogs_contract_sizes_keep_typically():
    """Section 3.4.1: "Contract sizes with customers typically range from 5,000 to 200,000 EUR"."""
    card = " ".join(entry["text"] for part in brief_selection.case_card({"case": ["WEPROG"]})
                    for entry in part["entries"])
    assert "typically EUR 5,000 to 200,000" in card
    app = open_link("pages/case_studies.py", case="WEPROG")
    assert "contract sizes typically EUR 5,000 to 200,000" in shown_text(app)


def test_the_data_and_survey_views_claim_no_more_than_holds():
    said = shown_text(open_link("pages/data.py"))
    assert "Every row taken from the report names its source" in said and "Every row names" not in said
    said = shown_text(open_link("pages/expert_survey.py"))
    assert "were lost from the report" not in said and "did not survive in the text of the report" in said
    assert "only the prose about them" not in said and "Figure 7's YES and NO shares" in said  # third audit


def test_the_budgets_slide_says_what_its_quote_says_and_marks_the_swot():
    """Third independent audit (seed 1733700036): the headline said "unbalanced" without the report's hedge and for
    another reason; the slide's quote is one side of a recorded contradiction and showed no mark."""
    from evidence.content.slide_words import slide_words

    budgets = next(f for f in findings.FINDINGS if f.slug == "budgets")
    assert "unbalanced" not in budgets.headline
    said = slide_words(budgets)
    assert "most of the money goes into the research programmes" in said.quote
    assert said.mark().startswith("The report contradicts itself here") and "trade and export" in said.other_words()


def test_the_second_independent_audit_findings_stay_fixed(db):
    """Seed 1733600045: the WEPROG paraphrase keeps "most of"; the coding notes do not say the footnotes are
    unnumbered or that Annex 1 prints only times and titles."""
    statements = db.query("table_rows", table_name="statements").set_index("statement_id")
    assert "most of the firm's unique capabilities" in statements.loc["st-058", "paraphrase"]
    notes = db.query("table_rows", table_name="coding_notes")
    rationale = dict(zip(notes["table_name"] + "." + notes["column_name"], notes["rationale"], strict=True))
    assert "or its footnotes" not in rationale["sources.label"] and "footnotes 1-5" in rationale["sources.label"]
    assert "times and titles only" not in rationale["agenda.kind"] and "speakers" in rationale["agenda.kind"]
