"""Policy: the WHAT/HOW matrix and what reaches each cell, the gaps, instruments, SWOT, implications and routes."""

import streamlit as st

from evidence.content import choices, tables, text
from evidence.content.markup import fmt
from evidence.query import store
from evidence.takeaway import offer as takeaway
from evidence.ui import page, paged, print_view, url_choice
from evidence.ui.chart_panel import chart_panel

CHOICES = choices.policy_choices()
CELLS = list(CHOICES["cells"])  # the URL keeps ?cell=customising-export
CELL_NAMES = CHOICES["cell_names"]
LEVELS, KINDS, SWOT_THEMES = list(CHOICES["levels"]), list(CHOICES["kinds"]), CHOICES["swot_themes"]
QUADRANTS = {"strength": "Strengths", "weakness": "Weaknesses", "opportunity": "Opportunities", "threat": "Threats"}


def picked_cell(chart_key: str) -> None:
    # A click on a matrix cell writes the URL-bound cell selector: one state, not two.
    selection = (st.session_state.get(chart_key) or {}).get("selection", {}).get("pick_cell") or []
    if selection and isinstance(selection[0], dict) and {"type_id", "process_id"} <= selection[0].keys():
        url_choice.choose("cell", f"{selection[0]['type_id']}-{selection[0]['process_id']}")


page.review_params("policy")

page.header("Policy")
takeaway.section("policy", "Policy")
st.markdown(
    "The study placed EU support for internationalising SMEs in a framework: **what** business process an "
    "instrument targets and **how** an SME internationalises. It found that the portfolio “seems to be rather "
    "unbalanced”: mostly export promotion and research money, little for customisation or employment. Click a "
    "cell of the matrix to see the cases, instruments, SWOT items and implications that concern it."
)

# ------------------------------------------------------------------------------ the matrix and one cell


@st.fragment
def matrix_and_cell() -> None:
    # A click on the matrix changes only the matrix and the cell's panel: it reruns this fragment, not the page.
    matrix_slot = st.container()
    cell = url_choice.select("Cell", CELLS, key="cell", format_func=lambda c: CELL_NAMES[c],
                             placeholder="Click a cell of the matrix, or pick one")
    type_id, process_id = cell.split("-", 1) if cell else (None, None)
    with matrix_slot:
        key = f"what-how-{url_choice.drawing('cell')}"
        chart_panel("what_how_cells", "what_how_cells", {"type_id": type_id, "process_id": process_id}, key=key,
                       selection="pick_cell", on_select=lambda k=f"{key}-chart": picked_cell(k))

    if cell:
        symbols, intensity = CHOICES["cell_symbols"][cell]
        case_count, cases_text = text.cell_cases(type_id=type_id)
        with st.container(border=True):
            st.subheader(fmt("{}", CELL_NAMES[cell]))
            st.markdown(fmt("Case activity in the figure: **{}** ({}; the project's reading of the lost symbols).",
                            "●" * symbols or "none", intensity))
            st.markdown(fmt("**Cases of this type** ({}; the report does not say which business process each case's "
                            "activity is in)\n\n{}", case_count, cases_text))
            for title, count, listed in text.cell_links(type_id=type_id, process_id=process_id):
                st.markdown(fmt("**{} that concern it** ({})\n\n{}", title, count, listed))
            routes_here = text.routes_from(process_id=process_id)
            if routes_here:
                st.markdown(routes_here)


matrix_and_cell()

# ------------------------------------------------------------------------------ gaps and money

st.header("Where the gaps are")
chart_panel("policy_gaps", "what_how_cells", {"type_id": None, "process_id": None}, key="gaps")
st.caption(fmt("{} of {} cells with case activity have no existing instrument the project aims at that cell; the "
               "Enterprise Europe Network, which the project links to the whole export column and the whole IP row, "
               "reaches them only as every cell of its column or row (its panel says so). The project places none of "
               "the named instruments in the production column (both the project's coding; the SWOT's first "
               "strength speaks of “a mix of instruments focusing on export & trade, production and innovation”). "
               "The SWOT's weaknesses name two related gaps: “Within trade and export promotion measures there is "
               "little attention for (upgrading) customisation” (the customising × export cell) and “Little "
               "attention yet for human resource management (employment)” (the employment row).", CHOICES["gaps"],
               CHOICES["active_cells"]))
chart_panel("budgets", "instrument_figures", {"measure": "budget_eur"}, key="policy-budgets")

# ------------------------------------------------------------------------------ instruments

st.header("Instruments")
with page.side_by_side("instrument-filters"):
    levels = st.multiselect("Level", LEVELS, key="level", bind="query-params", placeholder="All levels")
    kinds = st.multiselect("Kind", KINDS, key="kind", bind="query-params", placeholder="All kinds")
    words = st.text_input("Search name and description", key="q", bind="query-params", max_chars=100)
filtered = {"levels": levels or None, "kinds": kinds or None, "text": words or None}
found = int(store.rows("instruments_count", **filtered)["instruments"].iloc[0])  # counted and paged in SQL
st.caption(fmt("{} of {} programmes, instruments, networks and initiatives the report names. The WHAT column and the "
               "status are partly the project's coding.", found, CHOICES["instrument_count"]))
instrument_columns = ["name", "level", "kind", "status", "parent_name", "process_label", "figures", "description",
                      "source_label"]
instrument_config = {
    "name": st.column_config.TextColumn("Name", width="medium"), "parent_name": "Part of",
    "level": "Level (project)", "kind": "Kind (project)", "status": "Status (project)",
    "process_label": st.column_config.TextColumn("WHAT (project)", help="The business process it mainly targets: "
                                                 "the project's coding"),
    "figures": st.column_config.TextColumn("Figures the report gives", width="medium"),
    "description": st.column_config.TextColumn("What the report says", width="large"),
    "source_label": "Source",
}
# The print-only copy comes first and always (empty or not), so the elements after it keep their places.
found_shown = paged.head(store.table(name="instruments_page", rows=paged.shown("instruments", given=filtered),
                                     **filtered), "instruments", instrument_columns)
print_view.table(lambda: found_shown, instrument_columns, instrument_config,
                 key=("instruments", tuple(levels), tuple(kinds), words, found_shown.num_rows))
if not found:
    st.info("No instrument matches these filters.", icon=":material/search_off:")
else:
    st.dataframe(found_shown, hide_index=True, width="stretch", column_order=instrument_columns,
                 column_config=instrument_config)
    paged.more("instruments", found_shown.num_rows, found, "instruments")

# ------------------------------------------------------------------------------ SWOT

st.header("SWOT of the EU portfolio")
with page.side_by_side("swot-filters"):
    swot_text = st.text_input("Filter the SWOT", key="swot_q", bind="query-params", max_chars=100)
    swot_theme = st.selectbox("Highlight a theme", list(SWOT_THEMES), index=None, key="swot_theme",
                              bind="query-params", placeholder="No theme (project coding)")
shown, total, quadrants = text.swot_quadrants(text=swot_text or None, theme_id=SWOT_THEMES.get(swot_theme),
                                              quadrants=tuple(QUADRANTS.items()))
st.caption(fmt("{} of {} items shown · Table in section 4.2 · theme tags are the project's coding", shown, total))
st.markdown(quadrants)  # one element: each quadrant's heading and its items

# ------------------------------------------------------------------------------ implications, challenges, routes

st.header("Policy implications and the challenges they answer")
st.markdown(text.implications_by_domain())  # one element: each domain, its challenge and its implications
st.caption("The pairing of each domain with a principal challenge is the project's: the two lists name the "
           "same four topics in the same order.")

st.header("Three routes from home to abroad")
st.markdown(text.routes())  # one table: the routes side by side, a row each

st.header("Challenges and barriers")
titles = (("principal", "Four principal challenges (section 2)"), ("groups", "Four groups of challenges (section 2)"),
          ("discussant_barriers", "Barriers named by D. Golding (section 4.3.2)"))
st.markdown(text.challenge_sets(titles=titles))  # one element: the three lists under their titles

st.header("Recommendations, and who made them")
recommendations = tables.recommendation_table()
st.caption(fmt("{} statements classed as recommendations (the class is the project's coding; the paraphrase too, "
               "the quote is the report's).", recommendations.num_rows))
recommendation_config = {"who": st.column_config.TextColumn("Who", width="medium"),
                         "paraphrase": st.column_config.TextColumn("Recommendation (paraphrase)", width="large"),
                         "quote": "The report's words", "source_label": "Source"}
recommended = paged.head(recommendations, "recommendations", list(recommendation_config))
st.dataframe(recommended, hide_index=True, width="stretch", column_order=list(recommendation_config),
             column_config=recommendation_config)
print_view.table(lambda: recommended, list(recommendation_config), recommendation_config,
                 key=("recommendations", recommended.num_rows))
paged.more("recommendations", recommended.num_rows, recommendations.num_rows, "recommendations")
