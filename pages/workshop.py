"""Workshop: the agenda as a timeline, who took part, and who said what."""

import streamlit as st

from evidence.content import choices, state, tables
from evidence.content.markup import fmt
from evidence.query import store
from evidence.takeaway import offer as takeaway
from evidence.ui import page, paged, print_view, url_choice
from evidence.ui.chart_panel import chart_panel
from evidence.views import link

CHOICES = choices.workshop_choices()  # read once, not on every rerun
SLOTS, SLOT_LABELS = CHOICES["slots"], CHOICES["slot_labels"]
COUNTRIES, KINDS, SPEAKERS = CHOICES["countries"], CHOICES["kinds"], CHOICES["speakers"]
SECTIONS = dict(choices.statement_sections())
THEMES = choices.theme_ids()
# The view that holds the evidence behind each part of the report the agenda items are summarised in.
EVIDENCE_VIEWS = {"sec-3.2": "case_studies", "sec-3.3": "expert_survey", "sec-3.4": "case_studies",
                  "sec-3.4.1": "case_studies", "sec-3.4.2": "case_studies", "sec-4.1": "policy", "sec-4.2": "policy",
                  "sec-4.3": "expert_survey", "sec-4.4": "policy", "sec-4.4.2": "policy"}
CASE_OF_SECTION = {"sec-3.4.1": "WEPROG", "sec-3.4.2": "LifeTec"}


def clicked(chart_key: str, param: str, field: str, target: str, multiple: bool) -> None:
    # A chart click writes the URL-bound widget: one state, not two.
    value = state.picked(st.session_state.get(chart_key), param, field)
    if multiple:
        st.session_state[target] = state.toggle(st.session_state.get(target), value)
    elif value is not None:
        url_choice.choose(target, value)


page.review_params("workshop")
page.header("Workshop")
takeaway.section("workshop", "Workshop")
st.markdown("An expert workshop in Brussels on 13 June 2016, chaired by Hannes Selhofer (Salzburg Research): "
            "the agenda, the people in the room, and who said what.")

# ------------------------------------------------------------------------------ the agenda

st.header("Agenda")


@st.fragment
def timeline_and_slot() -> None:
    # A click on the timeline changes only the timeline and the slot's panel: it reruns this fragment.
    timeline_slot = st.container()
    slot = url_choice.select("Agenda item", SLOTS, key="slot", format_func=SLOT_LABELS.get,
                             placeholder="Click an item of the timeline, or pick one")
    with timeline_slot:
        key = f"agenda-{url_choice.drawing('slot')}"
        chart_panel("agenda_timeline", "agenda", {}, key=key, selection="pick_slot",
                       on_select=lambda k=f"{key}-chart": clicked(k, "pick_slot", "slot_id", "slot", False))
    if slot:
        item = store.rows("agenda").set_index("slot_id").loc[slot]
        with st.container(border=True):
            st.subheader(fmt("{}", item["title"]))
            speakers = item["speakers"] if isinstance(item["speakers"], str) else None  # NULL: Annex 1 names none
            st.caption(fmt("{}–{} · part {} · {} · Annex 1", str(item["start_time"])[:5], str(item["end_time"])[:5],
                           item["part"], f"speakers: {speakers}" if speakers else "no speaker listed"))
            section = item["report_section"] if isinstance(item["report_section"], str) else None
            if section is None:
                st.markdown("The report summarises nothing said in this item.")
            else:
                in_section = {"speakers": None, "organisations": None, "section": section, "theme": None}
                said = int(store.rows("statements_count", **in_section)["statements"].iloc[0])
                st.markdown(fmt("**What was said**, in the project's paraphrase ({} statements, {})", said,
                                store.source_label(section)))
                listed = store.rows("statements_page", **in_section, rows=paged.shown(f"said-{slot}", paged.ITEMS))
                for row in listed.itertuples():
                    st.markdown(fmt("- **{}**: {}", row.speaker_label, row.paraphrase))
                paged.more(f"said-{slot}", len(listed), said, "statements", paged.ITEMS)
                if section in EVIDENCE_VIEWS:
                    target, label, _ = link(EVIDENCE_VIEWS[section])
                    params = {"case": CASE_OF_SECTION[section]} if section in CASE_OF_SECTION else None
                    st.page_link(target, label=fmt("The evidence: {}", label), icon=":material/arrow_forward:",
                                 query_params=params)


timeline_and_slot()

# ------------------------------------------------------------------------------ participants

st.header("Participants")
chosen_countries = st.session_state.get("from") or []
chosen_kinds = st.session_state.get("org") or []
left, right = st.columns(2)
with left:
    key = f"by-country-{state.view_key(chosen_countries)}"
    chart_panel("participants_by_country", "participants", {"countries": None, "kinds": None}, key=key,
                   selection="pick_country",
                   on_select=lambda k=f"{key}-chart": clicked(k, "pick_country", "country_label", "from", True))
with right:
    key = f"by-kind-{state.view_key(chosen_kinds)}"
    chart_panel("participants_by_kind", "participants", {"countries": None, "kinds": None}, key=key,
                selection="pick_kind",
                   on_select=lambda k=f"{key}-chart": clicked(k, "pick_kind", "org_type", "org", True))
with page.side_by_side("participant-filters"):
    countries = st.multiselect("Country (as printed)", COUNTRIES, key="from", bind="query-params",
                               placeholder="All countries")
    kinds = st.multiselect("Kind of organisation (project coding)", KINDS, key="org", bind="query-params",
                           placeholder="All kinds")
total, count, listed = tables.participant_table(countries=tuple(countries), kinds=tuple(kinds),
                                                shown=paged.shown("participants", given=(countries, kinds)))
st.caption(fmt('{} of {} participants (Annex 2). Section 1 speaks of "about 25 experts".', count, total))
attendees = {"family_name": "Family name", "given_name": "Given name",
             "organisation": st.column_config.TextColumn("Organisation", width="large"),
             "country_label": "Country (as printed)", "org_type": "Kind (project coding)",
             "workshop_role": st.column_config.TextColumn("Role (project coding)", help="Chair, speaker, discussant or "
                                                          "participant: the project's reading of the agenda and "
                                                          "sections 3 and 4")}
people = paged.head(listed, "participants", list(attendees))
st.dataframe(people, hide_index=True, width="stretch", column_order=list(attendees), column_config=attendees)
print_view.table(lambda: people, list(attendees), attendees,
                 key=("participants", tuple(countries), tuple(kinds), people.num_rows))
paged.more("participants", people.num_rows, count, "participants")

# ------------------------------------------------------------------------------ who said what

st.header("Who said what")
with page.side_by_side("statement-filters"):
    speakers = st.multiselect("Speaker", SPEAKERS, key="speaker", bind="query-params", placeholder="Everyone")
    part = st.selectbox("Part of the report", list(SECTIONS), index=None, key="section", bind="query-params",
                        placeholder="Sections 2 to 4")
    theme = st.selectbox("Theme (project coding)", list(THEMES), index=None, key="about", bind="query-params",
                         placeholder="All themes")
said_filter = {"speakers": speakers or None, "organisations": None, "section": SECTIONS.get(part),
               "theme": THEMES.get(theme)}
# A page of the statements and their count from SQL: a rerun holds and sends what is shown, not every row.
said_count = int(store.rows("statements_count", **said_filter)["statements"].iloc[0])
st.caption(fmt("{} of {} statements. Paraphrases, kinds and themes are the project's coding; quotes are the report's "
               "words.", said_count, CHOICES["statement_count"]))
said_columns = {"speaker_label": "Speaker", "organisation": "Organisation", "kind": "Kind", "theme_label": "Theme",
                "paraphrase": st.column_config.TextColumn("What was said (project's paraphrase)", width="large"),
                "quote": "The report's words", "source_label": "Source"}
# The print-only copy comes first and always (empty or not), so the elements after it keep their places.
said_rows = paged.shown("statements", paged.STATEMENTS, given=tuple(said_filter.items()))
said_shown = paged.head(store.table(name="statements_page", rows=said_rows, **said_filter), "statements",
                        list(said_columns), paged.STATEMENTS)
print_view.table(lambda: said_shown, list(said_columns), said_columns,
                 key=("statements", tuple(speakers), part, theme, said_shown.num_rows))
if not said_count:
    st.info("No statement matches these filters.", icon=":material/filter_alt_off:")
else:
    st.dataframe(said_shown, hide_index=True, width="stretch", column_order=list(said_columns),
                 column_config=said_columns)
    paged.more("statements", said_shown.num_rows, said_count, "statements", paged.STATEMENTS)
