"""Chart builders: a DataFrame from a named query in, an Altair chart out. No Streamlit here.

Every chart has a title, a subtitle naming its source in the report, and tooltips that carry the source
(and, for survey values, the qualifier). Values the project coded or derived are drawn lighter and dashed.
Builders register themselves by name in BUILDERS; pages and slides refer to them by that name.
"""

from evidence.charts.base import BUILDERS, builder
from evidence.charts.case_studies import case_map, case_reasons, case_types, case_typology
from evidence.charts.cases import case_aggregates, type_counts, typology
from evidence.charts.policy import budgets, policy_gaps, sme_activity_abroad, what_how, what_how_cells
from evidence.charts.statements import survey_statements
from evidence.charts.survey import (
                                   ease,
                                   expertise,
                                   regional_focus,
                                   regions,
                                   respondent_types,
                                   study_vs_experts,
                                   survey_shares,
)
from evidence.charts.workshop import agenda_timeline, participants_by_country, participants_by_kind

__all__ = [
    "BUILDERS", "builder", "agenda_timeline", "budgets", "case_aggregates", "case_map", "case_reasons",
    "case_types", "case_typology", "ease", "expertise", "participants_by_country", "participants_by_kind",
    "policy_gaps", "regional_focus", "regions", "respondent_types", "sme_activity_abroad", "study_vs_experts",
    "survey_shares", "survey_statements", "type_counts", "typology", "what_how", "what_how_cells",
]
