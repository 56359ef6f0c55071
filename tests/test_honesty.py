"""Honest data: verbatim text is the report's text, every row cites a source, coding is declared."""

import re

import duckdb
import pandas as pd
import pytest

from evidence.data import queries
from evidence.data.validate import create_schema

# The columns checked before issue 12: every one must still be checked.
CHECKED_BEFORE = [
    ("internationalisation_types", "definition"),
    ("typology_groups", "definition"),
    ("cases", "description"),
    ("cases", "typology_reason"),
    ("case_activities", "evidence"),
    ("case_aggregates", "wording"),
    ("survey_samples", "wording"),
    ("survey_figures", "title"),
    ("survey_items", "text"),
    ("survey_results", "wording"),
    ("survey_comments", "text"),
    ("survey_regions", "share_wording"),
    ("swot_items", "text"),
    ("policy_implications", "text"),
    ("routes", "text"),
    ("instrument_figures", "wording"),
    ("key_figures", "wording"),
    ("agenda", "title"),
    ("statements", "quote"),
    ("contradictions", "statement_a"),
    ("study_vs_experts", "study_statement"),
    ("study_vs_experts", "expert_statement"),
    ("study_vs_experts", "outcome_wording"),
]
# A column whose description promises the report's words is checked against the report, whatever its name.
PROMISES_THE_REPORTS_WORDS = re.compile(r"verbatim|as printed|in the report.s words", re.I)
# Headings are printed in capitals ("1 BACKGROUND AND OBJECTIVES"); only these are compared ignoring case.
CASE_FREE = {("sources", "title")}


def _schema_columns():
    connection = duckdb.connect()
    create_schema(connection)
    columns = queries.run(connection, "schema_columns")
    connection.close()
    return columns


def verbatim_columns() -> list[tuple[str, str]]:
    columns = _schema_columns()
    promised = columns[columns["comment"].fillna("").str.contains(PROMISES_THE_REPORTS_WORDS)]
    return list(zip(promised["table_name"], promised["column_name"], strict=True))


VERBATIM = verbatim_columns()

QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(QUOTES)).strip()


@pytest.fixture(scope="module")
def report_variants(report_text):
    # The PDF export wraps lines with hyphens ("con- ducting"); accept the text with and without them.
    joined = normalise(report_text)
    # The PDF export wraps lines at hyphens: a soft one ("con- ducting") or a real one ("tailor- made").
    soft = re.sub(r"(\w)- (\w)", r"\1\2", joined)
    real = re.sub(r"(\w)- (\w)", r"\1-\2", joined)
    # Footnote markers stick to the word before them ("44 valid responses4 (35 ..."): data drops them.
    no_markers = re.sub(r"([a-z])\d (?=[(a-z])", r"\1 ", real)
    # Last resort for a text with both kinds of wrap: compare without spaces and hyphens.
    squashed = squash(no_markers)
    return joined, soft, real, no_markers, squashed


def squash(text: str) -> str:
    return re.sub(r"[\s\-]", "", text)


def fragments(value: str) -> list[str]:
    parts = re.split(r"\s*(?:\.\.\.|…|\(\.\.\.\)|\(…\)| \| )\s*", value)
    return [normalise(p).strip(" ,;") for p in parts if len(normalise(p).strip(" ,;")) >= 4]


def test_every_column_checked_before_is_still_checked():
    assert set(CHECKED_BEFORE) <= set(VERBATIM), set(CHECKED_BEFORE) - set(VERBATIM)
    assert len(VERBATIM) > len(CHECKED_BEFORE)


@pytest.mark.parametrize(("table", "column"), VERBATIM)
def test_verbatim_columns_are_the_reports_words(db, report_variants, table, column):
    rows = db.query("table_rows", table_name=table)
    variants = report_variants
    if (table, column) in CASE_FREE:
        variants = tuple(variant.lower() for variant in report_variants)
    missing = []
    for value in rows[column].dropna():
        for fragment in fragments(str(value)):
            if (table, column) in CASE_FREE:
                fragment = fragment.lower()
            if not any(fragment in variant for variant in variants[:-1]) and (
                squash(fragment) not in variants[-1]
            ):
                missing.append(fragment[:90])
    assert not missing, f"{table}.{column}: not found in the report: {missing}"


def test_every_data_row_names_its_source(db):
    # Reference tables, and policy_links: wholly project coding, each row carrying its rationale instead.
    exempt = {"sources", "coding_notes", "themes", "countries", "policy_links"}
    for table in db.query("schema_tables")["table_name"]:
        if table in exempt:
            continue
        columns = db.query("schema_columns")
        own = set(columns[columns["table_name"] == table]["column_name"])
        source_columns = [c for c in ("source", "source_a", "study_source") if c in own]
        assert source_columns, f"{table} has no source column"
        rows = db.query("table_rows", table_name=table)
        assert rows[source_columns[0]].notna().all(), table


def test_coding_notes_name_real_columns(db):
    import duckdb

    tables = {t.name: {c.name for c in t.columns} for t in create_schema(duckdb.connect())}
    for row in db.query("coding_notes").itertuples():
        assert row.table_name in tables, row.table_name
        assert row.column_name == "*" or row.column_name in tables[row.table_name], (row.table_name, row.column_name)


def test_every_project_coded_column_is_registered(db):
    """Columns whose description says PROJECT CODING appear in coding_notes (or their table does)."""
    columns = db.query("schema_columns")
    coded = columns[columns["comment"].str.contains("PROJECT CODING", na=False)]
    notes = db.query("coding_notes")
    registered = set(zip(notes["table_name"], notes["column_name"], strict=True))
    for row in coded.itertuples():
        assert (row.table_name, row.column_name) in registered or (row.table_name, "*") in registered, (
            f"{row.table_name}.{row.column_name} is project coding but has no coding note"
        )


def test_qualified_numbers_keep_their_qualifier(db):
    results = db.query("survey_results", item_id=None)
    for row in results.itertuples():
        if pd.notna(row.value_pct) and re.search(
            rf"\b(almost|nearly|more than|about)\s+{int(row.value_pct)}\s?%", row.wording, re.I
        ):
            assert row.qualifier != "exact", f"{row.result_id}: the wording qualifies the number"


def test_values_are_printed_in_the_wording(db):
    """A survey share is only stored when its number is printed in the cited wording."""
    for row in db.query("survey_results", item_id=None).itertuples():
        if pd.notna(row.value_pct):
            assert re.search(rf"\b{int(row.value_pct)}\s?%", row.wording), f"{row.result_id}: {row.wording}"


def test_no_share_without_a_measure_of_what_it_is(db):
    results = db.query("survey_results", item_id=None)
    assert results["measure"].notna().all() and results["verdict"].notna().all()


def test_derived_counts_are_marked(db):
    aggregates = db.query("case_aggregates", topic=None)
    for row in aggregates.itertuples():
        if pd.notna(row.cases_count) and not row.count_derived:
            assert re.search(rf"\b{int(row.cases_count)}\b", row.wording), row.aggregate_id


def test_contradictions_cite_both_sides(db):
    for row in db.query("contradictions").itertuples():
        assert row.statement_a and row.statement_b and row.source_a and row.source_b


def test_policy_links_name_real_items(db):
    ids = {
        "swot": set(db.query("table_rows", table_name="swot_items")["swot_id"]),
        "implication": set(db.query("table_rows", table_name="policy_implications")["implication_id"]),
        "instrument": set(db.query("table_rows", table_name="instruments")["instrument_id"]),
    }
    for row in db.query("table_rows", table_name="policy_links").itertuples():
        assert row.entity_id in ids[row.entity_kind], row.link_id
    linked = db.query("table_rows", table_name="policy_links")
    assert ids["swot"] <= set(linked[linked["entity_kind"] == "swot"]["entity_id"])  # every SWOT item is placed
    assert ids["implication"] <= set(linked[linked["entity_kind"] == "implication"]["entity_id"])
