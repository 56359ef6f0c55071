"""Policy: the WHAT/HOW matrix and what reaches each cell, the gaps, instruments, SWOT, implications and routes."""

import streamlit as st

from evidence import state, ui

cells = ui.query("what_how_cells", type_id=None, process_id=None)
CELLS = [f"{row.type_id}-{row.process_id}" for row in cells.itertuples()]  # the URL keeps ?cell=customising-export
CELL_NAMES = {f"{r.type_id}-{r.process_id}": f"{r.type_label} × {r.process_label}" for r in cells.itertuples()}
instruments_all = ui.query("instruments_filtered", levels=None, kinds=None, text=None)
LEVELS = sorted(instruments_all["level"].unique())
KINDS = sorted(instruments_all["kind"].unique())
swot_all = ui.query("swot_search", text=None, theme=None)
SWOT_THEMES = dict(zip(swot_all["theme_label"], swot_all["theme_id"], strict=True))
QUADRANTS = {"strength": "Strengths", "weakness": "Weaknesses", "opportunity": "Opportunities", "threat": "Threats"}


def picked_cell(chart_key: str) -> None:
    # A click on a matrix cell writes the URL-bound cell selector: one state, not two.
    selection = (st.session_state.get(chart_key) or {}).get("selection", {}).get("pick_cell") or []
    if selection and isinstance(selection[0], dict) and {"type_id", "process_id"} <= selection[0].keys():
        st.session_state["cell"] = f"{selection[0]['type_id']}-{selection[0]['process_id']}"


ui.review_params({
    "cell": lambda v: state.valid_choice(v, CELLS),
    "level": lambda v: state.valid_choices(v, LEVELS),
    "kind": lambda v: state.valid_choices(v, KINDS),
    "q": lambda v: True,
    "swot_q": lambda v: True,
    "swot_theme": lambda v: state.valid_choice(v, SWOT_THEMES),
})

ui.page_header("Policy", "policy")
st.markdown(
    "The study placed EU support for internationalising SMEs in a framework: **what** business process an "
    "instrument targets and **how** an SME internationalises. It found the portfolio unbalanced: mostly export "
    "promotion and research money, little for customisation or employment. Click a cell of the matrix to see "
    "the cases, instruments, SWOT items and implications that concern it."
)

# ------------------------------------------------------------------------------ the matrix and one cell

matrix_slot = st.container()
cell = st.selectbox("Cell", CELLS, index=None, key="cell", bind="query-params",
                    placeholder="Click a cell of the matrix, or pick one (type-process)",
                    help="Cells are named type-process, e.g. customising-export.")
type_id, process_id = cell.split("-", 1) if cell else (None, None)
with matrix_slot:
    key = f"what-how-{state.view_key(cell)}"
    ui.chart_panel("what_how_cells", "what_how_cells", {"type_id": type_id, "process_id": process_id}, key=key,
                   selection="pick_cell", on_select=lambda k=f"{key}-chart": picked_cell(k))

if cell:
    row = cells[(cells["type_id"] == type_id) & (cells["process_id"] == process_id)].iloc[0]
    links = ui.query("cell_links", type_id=type_id, process_id=process_id)
    activities = ui.query("type_activities", type_id=type_id)
    with st.container(border=True):
        st.subheader(CELL_NAMES[cell])
        st.markdown(f"Case activity in the figure: **{'●' * int(row['symbols']) or 'none'}** "
                    f"({ui.md(row['intensity'])}; the project's reading of the lost symbols).")
        st.markdown(f"**Cases of this type** ({activities[activities['stance'] == 'does']['case_id'].nunique()}; "
                    "the report does not say which business process each case's activity is in)")
        if activities.empty:
            st.markdown("The report names no case for this type.")
        for act in activities.itertuples():
            verb = "does" if act.stance == "does" else "does **not**"
            coded = " :orange[(project's match)]" if act.coding == "project" else ""
            st.markdown(f"- **{ui.md(act.case_name)}** {verb}: “{ui.md(act.evidence)}” "
                        f":gray[{ui.md(ui.source_label(act.source))}]{coded}")
        for kind, title in (("instrument", "Instruments"), ("swot", "SWOT items"), ("implication", "Implications")):
            mine = links[links["entity_kind"] == kind]
            st.markdown(f"**{title} that concern it** ({len(mine)})")
            if mine.empty:
                st.markdown(f"No {title.lower()} are linked to this cell.")
            for link in mine.itertuples():
                st.markdown(f"- {ui.md(link.text)} :gray[{ui.md(link.label)} · {ui.md(ui.source_label(link.source))}"
                            f" · {ui.md(link.scope)}]  \n  :orange[Project's link: {ui.md(link.rationale)}]")
        routes = ui.query("table_rows", table_name="routes")
        for route in routes[routes["from_process"] == process_id].itertuples():
            st.markdown(f"**Route {ui.md(route.route_id)} starts here** ({ui.md(route.viability)}): "
                        f"“{ui.md(route.text)}” :gray[{ui.md(ui.source_label(route.source))}]")

# ------------------------------------------------------------------------------ gaps and money

st.header("Where the gaps are")
ui.chart_panel("policy_gaps", "what_how_cells", {"type_id": None, "process_id": None}, key="gaps")
gaps = cells[(cells["symbols"] > 0) & (cells["cell_instruments"] == 0)]
st.caption(f"{len(gaps)} of {int((cells['symbols'] > 0).sum())} cells with case activity have no existing "
           "instrument aimed at them; production has no instrument at all. The SWOT names the same gaps: "
           "“little attention for (upgrading) customisation” and “little attention yet for human resource "
           "management (employment)”.")
ui.chart_panel("budgets", "instrument_figures", {"measure": "budget_eur"}, key="policy-budgets")

# ------------------------------------------------------------------------------ instruments

st.header("Instruments")
filters = st.columns([2, 2, 3])
levels = filters[0].multiselect("Level", LEVELS, key="level", bind="query-params", placeholder="All levels")
kinds = filters[1].multiselect("Kind", KINDS, key="kind", bind="query-params", placeholder="All kinds")
text = filters[2].text_input("Search name and description", key="q", bind="query-params", max_chars=100)
found = ui.query("instruments_filtered", levels=levels or None, kinds=kinds or None, text=text or None)
st.caption(f"{len(found)} of {len(instruments_all)} programmes, instruments, networks and initiatives the report "
           "names. The WHAT column and the status are partly the project's coding.")
if found.empty:
    st.info("No instrument matches these filters.", icon=":material/search_off:")
else:
    st.dataframe(
        found.assign(source=found["source"].map(ui.source_label)), hide_index=True, width="stretch",
        column_order=["name", "level", "kind", "status", "parent_name", "process_id", "figures", "description",
                      "source"],
        column_config={
            "name": st.column_config.TextColumn("Name", width="medium"), "parent_name": "Part of",
            "process_id": st.column_config.TextColumn("WHAT (project)", help="The business process it mainly "
                                                      "targets: the project's coding"),
            "figures": st.column_config.TextColumn("Figures the report gives", width="medium"),
            "description": st.column_config.TextColumn("What the report says", width="large"),
            "source": "Source",
        },
    )

# ------------------------------------------------------------------------------ SWOT

st.header("SWOT of the EU portfolio")
swot_filters = st.columns([3, 2])
swot_text = swot_filters[0].text_input("Filter the SWOT", key="swot_q", bind="query-params", max_chars=100)
swot_theme = swot_filters[1].selectbox("Highlight a theme", list(SWOT_THEMES), index=None, key="swot_theme",
                                       bind="query-params", placeholder="No theme (project coding)")
swot = ui.query("swot_search", text=swot_text or None, theme=SWOT_THEMES.get(swot_theme))
st.caption(f"{int(swot['matches'].sum())} of {len(swot)} items shown · Table in section 4.2 · theme tags are "
           "the project's coding")
for column, (quadrant, title) in zip(st.columns(4), QUADRANTS.items(), strict=True):
    shown = swot[(swot["quadrant"] == quadrant) & swot["matches"]]
    with column:
        st.subheader(title)
        if shown.empty:
            st.caption("No item matches.")
        for item in shown.itertuples():
            mark = ":orange-badge[theme]" if item.highlighted else ""
            body = f"**{ui.md(item.text)}**" if item.highlighted else ui.md(item.text)
            st.markdown(f"{mark} {body}  \n:gray[{ui.md(item.swot_id)} · {ui.md(item.theme_label)}]")

# ------------------------------------------------------------------------------ implications, challenges, routes

st.header("Policy implications and the challenges they answer")
implications = ui.query("policy_implications")
for _, group in implications.groupby("domain_id", sort=False):
    challenge, answers = st.columns([2, 3])
    challenge.markdown(f"**{ui.md(group['domain_label'].iloc[0].capitalize())}**  \n"
                       f"Principal challenge: {ui.md(group['challenge'].iloc[0])}  \n:gray[Section 2]")
    for item in group.itertuples():
        answers.markdown(f"- {ui.md(item.text)} :gray[{ui.md(ui.source_label(item.source))}]")
st.caption("The pairing of each domain with a principal challenge is the project's: the two lists name the "
           "same four topics in the same order.")

st.header("Three routes from home to abroad")
for route, column in zip(ui.query("table_rows", table_name="routes").itertuples(), st.columns(3), strict=True):
    with column.container(border=True):
        st.markdown(f"**Route {ui.md(route.route_id)}: {ui.md(route.summary)}**  \n{ui.md(route.viability)}")
        st.markdown(f"“{ui.md(route.text)}”  \n:gray[{ui.md(ui.source_label(route.source))}]")

st.header("Challenges and barriers")
challenges = ui.query("challenges_domains")
titles = {"principal": "Four principal challenges (section 2)", "groups": "Four groups of challenges (section 2)",
          "discussant_barriers": "Barriers named by D. Golding (section 4.3.2)"}
for column, (challenge_set, group) in zip(st.columns(3), challenges.groupby("challenge_set", sort=False),
                                          strict=True):
    column.markdown(f"**{titles[challenge_set]}**")
    for item in group.itertuples():
        detail = f" — {ui.md(item.description)}" if isinstance(item.description, str) else ""
        column.markdown(f"- {ui.md(item.label)}{detail}")

st.header("Recommendations, and who made them")
recommendations = ui.query("recommendations")
st.caption(f"{len(recommendations)} statements classed as recommendations (the class is the project's coding; "
           "the paraphrase too, the quote is the report's).")
st.dataframe(
    recommendations.assign(source=recommendations["source"].map(ui.source_label),
                           who=recommendations["speaker_label"] + recommendations["organisation"].map(
                               lambda o: f" ({o})" if isinstance(o, str) else "")),
    hide_index=True, width="stretch", column_order=["who", "paraphrase", "quote", "source"],
    column_config={"who": st.column_config.TextColumn("Who", width="medium"),
                   "paraphrase": st.column_config.TextColumn("Recommendation (paraphrase)", width="large"),
                   "quote": "The report's words", "source": "Source"},
)
