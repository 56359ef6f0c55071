"""Overview: the story in one screen (headline figures, the conclusions, study vs experts); presenter mode
(`?present=1`) is evidence/ui/presenter.py."""

import streamlit as st

from evidence.api.routes import public_url
from evidence.content import choices, findings, state, text
from evidence.content.markup import fmt
from evidence.query import store
from evidence.takeaway import offer as takeaway
from evidence.ui import browser, page, paged, presenter
from evidence.ui.chart_panel import chart_panel
from evidence.ui.link_list import link_list

OUTCOMES = choices.OUTCOMES
OUTCOME_ICONS = {"confirmed": ":material/check_circle:", "qualified": ":material/contrast:",
                 "diverged": ":material/call_split:"}
CONCLUSION_ROWS = text.conclusion_rows()


def pick_outcome() -> None:
    # A click on a bar of the outcome chart writes the bound filter: one state, kept in the URL.
    st.session_state["outcome"] = state.picked(st.session_state.get("study-vs-experts-chart"), "pick", "outcome")


PRESENTING = state.is_present(st.query_params.get_all("present"))
page.review_params("overview")

if PRESENTING:
    presenter.present(takeaway.slide_exports, public_url)
    st.stop()

# ------------------------------------------------------------------------------ the story in one screen

with st.container(horizontal=True, vertical_alignment="bottom", wrap=False, key="view-head"):
    st.title("Internationalisation of Innovation in SMEs")
    with st.container(width="content", gap="small"):
        presenter.presenter_toggle()
        browser.share_box()
takeaway.section("overview", "Overview", deck=True)
st.markdown(
    "An expert workshop in Brussels on **13 June 2016** tested the findings of a study by empirica and Dialogic "
    "for the European Commission: how European SMEs take their research and innovation abroad, what drives and "
    "holds them back, and how EU policy supports them. The study drew on **12 case studies** of SMEs and a review "
    "of EU instruments; an **online survey of experts** and the workshop's discussion checked its conclusions."
)

figures = store.rows("headline_figures", sample_id="2016-06-30")
for column, row in zip(st.columns(len(figures)), figures.itertuples(), strict=True):
    column.metric(fmt("{}", row.figure), row.value, help=fmt("{}. Source: {}", row.note, row.source), border=True)
    column.caption(fmt("{} · {}", row.note, row.source))

# ------------------------------------------------------------------------------ the conclusions (section 2)

st.header("What the study and the experts concluded", anchor="conclusions")
LINKED = [row for row in CONCLUSION_ROWS if any(row.links)]
st.caption(fmt("Section 2 of the report, in the project's one-sentence paraphrase; {} of the {} link to a view or a "
               "slide with their evidence (the others have none in the app).", len(LINKED), len(CONCLUSION_ROWS)))
listed = CONCLUSION_ROWS[:paged.shown("conclusions", paged.ITEMS)]
picked = link_list(listed, key="conclusions", label="The conclusions of section 2", focus=st.query_params.get("at"))
paged.more("conclusions", len(listed), len(CONCLUSION_ROWS), "conclusions", paged.ITEMS)
if picked:
    # A plain click on a link: its view, or this page's slide, in this tab (the link's address is the same).
    statement_id, link = picked
    view = text.CONCLUSION_VIEWS.get(statement_id)
    if link == 0 and view:
        st.switch_page(view[0], query_params=view[2])
    elif findings.CONCLUSION_EVIDENCE.get(statement_id):
        presenter.go_to_slide(findings.slide_number(findings.CONCLUSION_EVIDENCE[statement_id]), statement_id)
        st.rerun()

# ------------------------------------------------------------------------------ study vs experts

st.header("Study vs experts", anchor="study-vs-experts")
st.caption("Where the survey and the workshop confirmed, qualified or diverged from the study's findings, "
           "both sides in the report's words. Rows marked as the project's pairing are not compared in the report.")


@st.fragment
def study_vs_experts() -> None:
    # A click on an outcome changes only this chart and the list under it: it reruns this fragment.
    chart_panel("study_vs_experts", "study_vs_experts", {"outcome": None}, key="study-vs-experts",
                   on_select=pick_outcome, selection="pick")
    outcome = st.segmented_control("Show", OUTCOMES, key="outcome", bind="query-params",
                                   help="Click a bar of the chart, or pick here; click again to show all")
    count, table = text.comparisons(outcome=outcome, icons=tuple(OUTCOME_ICONS.items()))
    st.caption(fmt("{} of {} findings{}", count, len(store.rows("study_vs_experts", outcome=None)),
                   fmt(" · {}", outcome) if outcome else ""))
    # One markdown table, not a card of three elements per finding: a tenth of the elements on every rerun.
    st.markdown(table)


study_vs_experts()
