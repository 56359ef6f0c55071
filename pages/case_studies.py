"""Case studies: the 12 SMEs, filterable, with linked charts, a case table and a card per case."""

import streamlit as st

from evidence.content import choices, state, tables, text
from evidence.content.markup import fmt, join
from evidence.query import store
from evidence.takeaway import offer as takeaway
from evidence.ui import page, print_view
from evidence.ui.chart_panel import chart_panel

CHOICES = choices.case_choices()
LABELS = CHOICES["labels"]
# Widgets offer the labels (so links read "?typology=Urged+globals"); queries take the ids.
IDS = CHOICES["ids"]
COUNTRIES, TYPOLOGIES, TYPES, CASES = (list(IDS[f]) for f in ("country", "typology", "type", "case"))
PRESENTED = choices.PRESENTED


def reset() -> None:
    for key in ("country", "typology", "type"):
        st.session_state[key] = []
    st.session_state["presented"] = None
    st.session_state["case"] = None


def clicked(chart_key: str, param: str, field: str, filter_key: str) -> None:
    # A click on a chart mark toggles that value in the URL-bound filter: one state, not two.
    value = state.picked(st.session_state.get(chart_key), param, field)
    shown = LABELS[filter_key].get(value) if value is not None else None
    st.session_state[filter_key] = state.toggle(st.session_state.get(filter_key), shown)


def row_selected(table_key: str, shown) -> None:
    rows = (st.session_state.get(table_key) or {}).get("selection", {}).get("rows", [])
    st.session_state["case"] = shown["name"][rows[0]].as_py() if rows else None


page.review_params("case_studies")

page.header("Case studies")
takeaway.section("case_studies", "Case studies")
st.markdown(
    "The study by empirica and Dialogic looked at **12 SMEs** that take their research and innovation abroad. "
    "Filter them, click a chart to filter, select a row for the case's card. Every count is the report's, and "
    "where the report names fewer cases than it counts, the chart shows both."
)

# ------------------------------------------------------------------------------ filters (kept in the URL)

with page.side_by_side("case-filters", border=True, vertical_alignment="bottom"):
    countries = st.multiselect("Home country", COUNTRIES, key="country", bind="query-params",
                               placeholder="All countries")
    typologies = st.multiselect("Typology group", TYPOLOGIES, key="typology", bind="query-params",
                                placeholder="All groups")
    types = st.multiselect("Type the report names", TYPES, key="type", bind="query-params", placeholder="All types",
                           help="Cases for which the report names this type of internationalising innovation. The "
                                "report counts more cases than it names.")
    presented = st.segmented_control("Presented at the workshop", list(PRESENTED), key="presented",
                                     bind="query-params")
    st.button("Reset", icon=":material/restart_alt:", on_click=reset, help="Clear every filter and the card")

# The page is laid out top to bottom, but the case selector (near the table) must be read before the charts,
# which highlight the selected case: reserve the places first, then fill them.
summary_area, charts_area, cases_area = st.container(), st.container(), st.container()
cases_area.header("The cases")
table_slot = cases_area.container()
selected_name = cases_area.selectbox("Case card", CASES, index=None, key="case", bind="query-params",
                                     placeholder="Select a row of the table, or pick a case")
selected = IDS["case"].get(selected_name)
card_slot = cases_area.container()

params = {"countries": [IDS["country"][c] for c in countries] or None,
          "typologies": [IDS["typology"][t] for t in typologies] or None,
          "types": [IDS["type"][t] for t in types] or None,
          "presented": PRESENTED.get(presented), "selected": selected}
cases = store.rows("case_filter", **params)
matching = cases[cases["in_filter"]]
suffix = state.view_key(countries, typologies, types, presented, selected)
if not matching.empty:
    summary_area.caption(fmt("{} of {} cases match.", len(matching), len(cases)))
else:
    summary_area.info("No case matches these filters. The report's 12 cases are still drawn below, all dimmed: "
            "remove a filter or press Reset.", icon=":material/filter_alt_off:")

# ------------------------------------------------------------------------------ linked charts

# Each chart's key changes only with the filter its own clicks set (a fresh chart forgets its last click, so
# the next click on the same mark registers); other filters change only its data, which the browser updates
# in place instead of drawing the chart anew.
with charts_area:
    left, right = st.columns([3, 2])
    with left:
        key = f"case-typology-{state.view_key(typologies)}"
        chart_panel("case_typology", "case_filter", params, key=key, selection="pick_typology",
                       on_select=lambda k=f"{key}-chart": clicked(k, "pick_typology", "typology_id", "typology"))
    with right:
        key = f"case-map-{state.view_key(countries)}"
        chart_panel("case_map", "case_filter", params, key=key, selection="pick_country",
                       on_select=lambda k=f"{key}-chart": clicked(k, "pick_country", "iso2", "country"))

    key = f"case-types-{state.view_key(types)}"
    type_params = {name: value for name, value in params.items()}
    chart_panel("case_types", "case_type_cases", type_params, key=key, selection="pick_type",
                   on_select=lambda k=f"{key}-chart": clicked(k, "pick_type", "type_id", "type"))
    collaborating = store.rows("type_named_cases", type_id="collaboration").iloc[0]
    st.caption(fmt(
        "The report counts {} of 12 cases collaborating with partners outside Europe but names only {} cases for the "
        "type, {} of them on the project's reading of a sentence; it gives no count for the IP and employment types "
        "and names no case for them. Each case's card quotes the sentences.",
        int(collaborating["reported_count"]), int(collaborating["named_cases"]),
        int(collaborating["project_coded"])))
    chart_panel("case_reasons", "case_aggregates", {"topic": None}, key="case-reasons")

# ------------------------------------------------------------------------------ the cases, and one case's card

if not matching.empty:
    shown = tables.case_table(params=params, type_labels=tuple(LABELS["type"].items()))
    table_key = f"case-table-{suffix}"
    columns = ["name", "home", "typology_label", "types", "presented", "founded", "staff", "source"]
    config = {
        "name": st.column_config.TextColumn("Case", width="medium"),
        "home": st.column_config.TextColumn("Home country (as printed)"),
        "typology_label": st.column_config.TextColumn("Typology group"),
        "types": st.column_config.ListColumn("Types the report names"),
        "presented": st.column_config.TextColumn("At the workshop"),
        "founded": st.column_config.TextColumn("Founded", help="– : the report does not say"),
        "staff": st.column_config.TextColumn("Staff", help="– : the report does not say"),
        "source": st.column_config.TextColumn("Source"),
    }
    table_slot.dataframe(
        shown, hide_index=True, width="stretch", key=table_key, on_select=lambda: row_selected(table_key, shown),
        selection_mode="single-row", height=35 * (len(shown) + 1) + 3, column_order=columns, column_config=config)
    with table_slot:  # its print-only copy, in the same place, headed as on screen
        print_view.table(shown, columns, config)

if selected:
    card = store.rows("case_card", case_id=selected).iloc[0]
    activities = store.rows("case_activities", case_id=selected)
    with card_slot.container(border=True):
        st.subheader(fmt("{}", card["name"]))
        facts = [fmt("Home: {}", card["home_country_label"]), fmt("Typology: {}", card["typology_label"])]
        if isinstance(card["name_variants"], str):
            facts.append(fmt("Also written: {}", card["name_variants"]))
        if card["presented_at_workshop"]:
            facts.append(fmt("Presented at the workshop"))
        st.markdown(join(" · ", facts))
        if isinstance(card["description"], str):
            st.markdown(fmt("**What it does.** “{}”  \n:gray[{}]", card["description"],
                            store.source_label(card["source"])))
        else:
            st.markdown("**What it does.** The report only names this case.")
        st.markdown(fmt("**Why {}.** “{}”  \n:gray[{}]", card["typology_label"].lower(), card["typology_reason"],
                        store.source_label(card["typology_source"])))
        st.markdown("**What the report says it does**")
        if activities.empty:
            st.markdown("The report attributes no type of internationalising innovation to this case by name.")
        for row in activities.itertuples():
            partners = fmt(" · partners: {}", row.partner_countries) if isinstance(row.partner_countries, str) else ""
            coded = fmt("  \n:orange[Project's match: {}]", row.coding_rationale) if row.coding == "project" else ""
            st.markdown(fmt("- {} ({}): “{}”  \n:gray[{}{}]{}", row.type_label,
                            fmt("does" if row.stance == "does" else "does **not**"), row.evidence,
                            store.source_label(row.source), partners, coded))
        figures = text.case_figures(card)
        st.markdown(fmt("**Figures.** {}  \n:gray[{}]", "; ".join(figures), store.source_label(card["source"]))
                    if figures else "**Figures.** The report gives no figures for this case.")
        if card["presented_at_workshop"]:
            st.markdown(fmt("**At the workshop**, in the project's paraphrase ({})",
                            store.source_label(card["presentation_source"])))
            for row in store.rows("statements", section=card["presentation_source"]).itertuples():
                st.markdown(fmt("- {}: {}", row.speaker_label, row.paraphrase))
        sources = sorted({card["source"], card["typology_source"], *activities["source"],
                          *([card["presentation_source"]] if card["presented_at_workshop"] else [])})
        st.caption(fmt("Sources: {}", ", ".join(store.source_label(s) for s in sources)))
