"""Every verbatim value is printed in the part of the report its row cites, not merely somewhere in the report."""

import pytest

from tests.report_spans import found, parts, variants
from tests.test_honesty import VERBATIM, fragments

# Which column names where a verbatim column's words are printed (default: the row's `source`).
CITED_BY = {
    ("cases", "typology_reason"): "typology_source",
    ("contradictions", "statement_a"): "source_a",
    ("contradictions", "statement_b"): "source_b",
    ("study_vs_experts", "study_statement"): "study_source",
    ("study_vs_experts", "expert_statement"): "expert_source",
    ("study_vs_experts", "outcome_wording"): "expert_source",
    ("survey_questions", "question_text"): "question_source",
}
# Not checked part by part, each for a reason: the row is itself a part of the report (sources), or the column
# pairs the row with words of another section the table gives no source column for (policy_domains.challenge,
# section 2, beside the domain of section 4.2).
UNCITED = {("sources", "title"), ("policy_domains", "challenge")}


@pytest.fixture(scope="module")
def report_parts():
    return {part: variants(text) for part, text in parts().items()}


def test_every_citable_part_is_found(db, report_parts):
    cited = set(db.query("table_rows", table_name="sources")["source_id"])
    assert cited <= set(report_parts), sorted(cited - set(report_parts))


@pytest.mark.parametrize(("table", "column"), [c for c in VERBATIM if c not in UNCITED])
def test_verbatim_words_are_in_the_part_the_row_cites(db, report_parts, table, column):
    rows = db.query("table_rows", table_name=table)
    cited_by = CITED_BY.get((table, column), "source")
    misplaced = []
    for row in rows.itertuples():
        value = getattr(row, column)
        if not isinstance(value, str):
            continue
        part = getattr(row, cited_by)
        for fragment in fragments(value):
            if not found(fragment, report_parts[part]):
                misplaced.append(f"{part}: {fragment[:70]}")
    assert not misplaced, f"{table}.{column}: not printed in the cited part: {misplaced}"
