"""Overview: the story in one screen (headline figures, the conclusions, study vs experts), and presenter mode."""

import streamlit as st

from evidence.content import findings, state, text
from evidence.content.markup import fmt
from evidence.content.slide_words import slide_words
from evidence.query import store
from evidence.takeaway import offer as takeaway
from evidence.ui import browser, page
from evidence.ui.chart_panel import chart_panel
from evidence.ui.link_list import link_list

SLIDES = findings.FINDINGS
OUTCOMES = ["confirmed", "qualified", "diverged"]
OUTCOME_ICONS = {"confirmed": ":material/check_circle:", "qualified": ":material/contrast:",
                 "diverged": ":material/call_split:"}
CONCLUSION_ROWS = text.conclusion_rows()
CONCLUSION_IDS = [row.key for row in CONCLUSION_ROWS]
# Presenter mode fills the screen: the chart takes the height the headline, the controls and the quote leave.
PRESENTER_STYLE = """
<style>
header[data-testid="stHeader"], [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stToolbar"], footer { display: none !important; }
.block-container, [data-testid="stMainBlockContainer"] { padding: 1rem 2.5rem 0.8rem 2.5rem !important;
  max-width: 100% !important; box-sizing: border-box;
  height: calc(100vh - 4px); }  /* Streamlit's resize anchor under the block takes 3 px */
[data-testid="stMainBlockContainer"] > div[data-testid="stVerticalBlock"] { height: 100%; flex-wrap: nowrap; }
[data-testid="stLayoutWrapper"]:has(> .st-key-slide-chart) { flex: 1 1 0 !important; min-height: 12rem; }
.st-key-slide-chart { height: 100%; }
.st-key-slide-chart [data-testid="stElementContainer"] { flex: 1 1 0; min-height: 0; }
h1 { font-size: 2.3rem !important; line-height: 1.15 !important; padding: 0 0 0.2rem 0 !important; }
[data-testid="stMarkdownContainer"] p { font-size: 1.3rem; line-height: 1.4; }
[data-testid="stCaptionContainer"] p { font-size: 1.05rem; }
.st-key-slide-nav button { min-height: 3rem; min-width: 3.4rem; font-size: 1.15rem; padding: 0.3rem 1rem; }
.st-key-slide-nav button p { font-size: 1.15rem; }
.st-key-slide-count p { font-size: 1.25rem; font-weight: 600; white-space: nowrap; }
@media (min-height: 1000px) { h1 { font-size: 2.9rem !important; } [data-testid="stMarkdownContainer"] p {
  font-size: 1.55rem; } }
/* A phone: the slide scrolls instead of squeezing its chart to a line; the chart keeps most of a screen. */
@media (max-width: 640px) {
  .block-container, [data-testid="stMainBlockContainer"] { padding: 0.8rem 1rem !important; height: auto; }
  [data-testid="stLayoutWrapper"]:has(> .st-key-slide-chart) { flex: 0 0 auto !important; height: 70vh; }
  h1 { font-size: 1.6rem !important; }
  [data-testid="stMarkdownContainer"] p { font-size: 1.05rem; }
}
</style>
"""


def pick_outcome() -> None:
    # A click on a bar of the outcome chart writes the bound filter: one state, kept in the URL.
    st.session_state["outcome"] = state.picked(st.session_state.get("study-vs-experts-chart"), "pick", "outcome")


def set_presenting(on: bool) -> None:
    if on:
        st.query_params["present"] = "1"
        return
    # Leaving a slide opened as a conclusion's evidence goes back to that conclusion. One change of the URL,
    # so the browser's history gets one entry, not one per parameter.
    came_from = st.query_params.get("from")
    st.query_params.from_dict({"at": came_from} if came_from in CONCLUSION_IDS else {})


def go_to_slide(number: int, statement_id: str) -> None:
    st.query_params.from_dict({"present": "1", "slide": str(number), "from": statement_id})


def show_slide(number: int) -> None:
    st.query_params["slide"] = str(number)


def presenter_toggle() -> None:
    # The URL is the one state: the toggle mirrors ?present= and writes it back when flipped.
    st.session_state["presenter-toggle"] = state.is_present(st.query_params.get_all("present"))
    st.toggle("Presenter mode", key="presenter-toggle", help="One key finding per screen, large type. "
              "Keys: → or PageDown next, ← or PageUp previous, Home first, End last.",
              on_change=lambda: set_presenting(st.session_state["presenter-toggle"]))


def says(finding: findings.Finding) -> None:
    """The report's words under the chart, and the mark where the report contradicts itself about them."""
    said = slide_words(finding)
    if said is None:
        return
    mark = fmt("  \n:red[{}] {}", said.mark(), said.other_words()) if said.contradiction else ""
    st.markdown(fmt("“{}”  \n:gray[{}]{}", said.quote, said.source, mark))


def slide_controls(number: int) -> None:
    """First, previous, the count, next, last: big enough for a projector, and on the keys a clicker sends."""
    last = len(SLIDES)
    steps = (("first", ":material/first_page:", "First", 1, "Home"),
             ("previous", ":material/chevron_left:", "Previous", max(number - 1, 1), "Left"),
             ("next", ":material/chevron_right:", "Next", min(number + 1, last), "Right"),
             ("last", ":material/last_page:", "Last", last, "End"))
    with st.container(horizontal=True, key="slide-nav", vertical_alignment="center", gap="small"):
        for name, icon, label, target, key in steps:
            if name == "next":
                with st.container(key="slide-count", width="content"):
                    st.markdown(fmt("{} / {}", number, last))
            with st.container(key=f"slide-{name}", width="content"):
                st.button(label, icon=icon, on_click=show_slide, args=(target,), shortcut=key,
                          disabled=target == number, key=f"slide-button-{name}")


def present() -> None:
    st.html(PRESENTER_STYLE)
    number = int(st.query_params.get("slide") or 1) if state.valid_page_number(
        st.query_params.get_all("slide"), len(SLIDES)) else 1
    finding = SLIDES[number - 1]
    top = st.columns([2, 5, 2], vertical_alignment="center")
    with top[0]:
        st.caption(fmt("Key finding {} of {} · Workshop, Brussels, 13 June 2016", number, len(SLIDES)))
    with top[1]:
        slide_controls(number)
    with top[2]:
        came_from = st.query_params.get("from")
        if came_from in CONCLUSION_IDS:
            st.button("Back to the conclusion", icon=":material/undo:", on_click=set_presenting, args=(False,),
                      key="back-to-conclusion")
        presenter_toggle()
    st.title(fmt("{}", finding.headline))
    with st.container(key="slide-chart"):
        chart_panel(finding.chart, finding.query, finding.params, key=f"slide-{finding.slug}", large=True,
                       show_tools=False, height="stretch")
    left, right = st.columns([8, 2], vertical_alignment="top")
    with left:
        says(finding)
    with right:
        takeaway.slide_exports(finding)


PRESENTING = state.is_present(st.query_params.get_all("present"))
page.review_params({
    "slide": lambda value: state.valid_page_number(value, len(SLIDES)),
    "outcome": lambda value: state.valid_choice(value, OUTCOMES),
    "from": lambda value: state.valid_choice(value, CONCLUSION_IDS),
    "at": lambda value: state.valid_choice(value, CONCLUSION_IDS),
})

if PRESENTING:
    present()
    st.stop()

# ------------------------------------------------------------------------------ the story in one screen

with st.container(horizontal=True, vertical_alignment="bottom", wrap=False, key="view-head"):
    st.title("Internationalisation of Innovation in SMEs")
    with st.container(width="content", gap="small"):
        presenter_toggle()
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
picked = link_list(CONCLUSION_ROWS, key="conclusions", label="The conclusions of section 2",
                   focus=st.query_params.get("at"))
if picked:
    # A plain click on a link: its view, or this page's slide, in this tab (the link's address is the same).
    statement_id, link = picked
    view = findings.CONCLUSION_VIEWS.get(statement_id)
    if link == 0 and view:
        st.switch_page(view[0], query_params=view[2])
    elif findings.CONCLUSION_EVIDENCE.get(statement_id):
        go_to_slide(findings.slide_number(findings.CONCLUSION_EVIDENCE[statement_id]), statement_id)
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
