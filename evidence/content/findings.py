"""The key findings, one per presenter slide: a headline, the chart that shows it, and the report's words.

Everything shown comes from named queries; this module only says which query, which chart and which row.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Says:
    """One sentence of the report to show under a chart: a row of a named query."""

    query: str
    params: dict
    key_column: str
    key: str
    text_column: str
    source_column: str = "source"


@dataclass(frozen=True)
class Finding:
    slug: str
    headline: str
    chart: str
    query: str
    params: dict = field(default_factory=dict)
    says: Says | None = None


FINDINGS: list[Finding] = [
    Finding("collaboration", "Collaboration with partners abroad is the most common way SMEs internationalise "
            "innovation", "type_counts", "type_counts",
            says=Says("case_aggregates", {"topic": "activity"}, "aggregate_id", "activity-collaboration", "wording")),
    Finding("home-market", "The home market is too small: the main reason to go abroad",
            "case_aggregates", "case_aggregates", {"topic": "motive"},
            says=Says("case_aggregates", {"topic": "motive"}, "aggregate_id", "motive-home-market", "wording")),
    # The chart counts the 12 cases, so the headline and the quote speak of the cases (the experts' view of
    # culture is on the last slide, Study vs experts, where it diverges).
    Finding("culture", "Cultural differences are the main barrier: 9 of the 12 cases name them",
            "case_aggregates", "case_aggregates", {"topic": "barrier"},
            says=Says("case_aggregates", {"topic": "barrier"}, "aggregate_id", "barrier-cultural", "wording")),
    Finding("typology", "Four ways of becoming global: born, urged, intentional, accidental",
            "typology", "cases", {"typology": None}),
    Finding("sme-activity", "Only 8% of European SMEs have worked with an R&D partner abroad",
            "sme_activity_abroad", "key_figures",
            says=Says("key_figures", {}, "key_figure_id", "smes-rnd-partner", "wording")),
    # Section 4.2: "focused on export and R&D, not so much on production" (not "hardly", which is stronger).
    Finding("what-how", "Case activity focused on export and R&D, not so much on production", "what_how",
            "what_how_cells", {"type_id": None, "process_id": None}),
    # The report's own word is "seems to be rather unbalanced", and for the trade focus (section 2); the slide says
    # only what its quote says, and marks the SWOT's other view (contradiction c-money-vs-trade-focus).
    Finding("budgets", "Most of the EU money goes into the research programmes",
            "budgets", "instrument_figures", {"measure": "budget_eur"},
            says=Says("statements", {"section": "sec-4.2"}, "statement_id", "st-112", "quote")),
    Finding("priorities", "Experts' priorities: support SME networks and grants for international R&D",
            "survey_shares", "survey_figure_results", {"figure_id": "6"},
            # The sentence whose shares the bars draw (49 + 40, 43 + 38); the slide marks the summary's 90% and 80%.
            says=Says("survey_results", {"item_id": "6.f"}, "result_id", "6.f-high_priority-sec-7.3.3", "wording")),
    Finding("regions", "No regional focus, say about two thirds of the experts",
            "regional_focus", "survey_results", {"item_id": "7.a"},
            says=Says("survey_results", {"item_id": "7.a"}, "result_id", "7.a-no-sec-7.3.4", "wording")),
    Finding("confirmed", "The experts largely confirmed the study's findings", "study_vs_experts",
            "study_vs_experts", {"outcome": None},
            # The report's own sentence (section 2), not the project's paraphrase of it (statement st-001).
            says=Says("study_vs_experts", {"outcome": None}, "comparison_id", "manageable", "expert_statement",
                      "expert_source")),
]

BY_SLUG = {finding.slug: finding for finding in FINDINGS}

# The conclusions of section 2 (statements) and the slide that shows their evidence; later views add links.
CONCLUSION_EVIDENCE: dict[str, str] = {
    "st-002": "typology",
    "st-003": "collaboration",
    "st-004": "collaboration",
    "st-005": "home-market",
    "st-006": "culture",
    "st-007": "culture",
    "st-008": "culture",
    "st-010": "confirmed",
    "st-011": "culture",
    "st-012": "budgets",
    "st-014": "budgets",
    "st-015": "priorities",
    "st-016": "priorities",
}


def slide_number(slug: str) -> int:
    """1-based slide number of a finding."""
    return [finding.slug for finding in FINDINGS].index(slug) + 1
