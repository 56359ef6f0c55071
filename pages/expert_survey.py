"""Expert survey: who answered, what they said, and how precise the report is about it."""

import streamlit as st

from evidence.content import choices, state, survey_text
from evidence.content.markup import fmt, join
from evidence.query import store
from evidence.takeaway import offer as takeaway
from evidence.ui import live_presenter, page, print_view, url_choice
from evidence.ui.chart_panel import chart_panel

SAMPLES = choices.SURVEY_SAMPLES
THEMES = choices.SURVEY_THEMES  # the survey's questions, as the page names them (Annex 3's order)
THEME_IDS = {label: key for key, label in THEMES.items()}
ITEM_LABELS = choices.survey_item_labels()  # read once, not on every rerun
ITEMS = tuple(ITEM_LABELS)  # the URL keeps the short id: ?item=6.f


def picked_item(chart_key: str) -> None:
    # A click on an item's mark opens its panel through the URL-bound item selector: one state.
    item = state.picked(st.session_state.get(chart_key), "pick_item", "item_id")
    if item:
        url_choice.choose("item", item)


page.review_params("expert_survey")

page.header("Expert survey")
LIVE = live_presenter.host_session()  # the presenter's live session (issue 25): each item's *Ask the room*
takeaway.section("expert_survey", "Expert survey")
st.markdown(
    "An online survey of experts in SME innovation and international business, run in May and June 2016 to test "
    "the study's preliminary findings. Its charts did not survive in the text of the report this app is built "
    "from: what did is each figure's caption, item texts and number of answers, Figure 7's YES and NO shares, "
    "Table 1 and the prose about them. "
    "This page shows **everything the report says about the survey, and nothing it does not**: a share only "
    "where the report prints one, with its qualifier (\"almost\", \"more than\"), and the verdict in words otherwise."
)

# ------------------------------------------------------------------------------ the sample

st.header("The sample")
sample_label = st.segmented_control("Sample as reported on", list(SAMPLES), key="sample", bind="query-params",
                                    default="30 June 2016", required=True,
                                    help="The report counts 43 valid responses by 9 June (section 3.3) and 44 by "
                                         "30 June (Annex 3): both are kept.")
sample_id = SAMPLES[sample_label]
sample = store.rows("survey_samples", sample_id=sample_id)
first = sample.iloc[0]
with page.side_by_side("sample-figures"):
    st.metric("Valid responses", int(first["valid_responses"]), border=True,
              help=fmt("Source: {}", store.source_label(first["source"])))
    st.metric("Fully completed", int(first["complete"]), border=True)
    st.metric("Partially completed", int(first["partial"]), border=True)
    st.metric("Most from one country", int(first["max_per_country"]), border=True)
st.caption(fmt("“{}” · {} · The other date's count is one switch away; the difference is listed under the report's "
               "own contradictions at the end of this view.", first["wording"], store.source_label(first["source"])))
who, expert = st.columns(2)
with who:
    chart_panel("respondent_types", "survey_samples", {"sample_id": sample_id}, key=f"respondents-{sample_id}")
with expert:
    chart_panel("expertise", "survey_expertise", {}, key="expertise")
chart_panel("ease", "survey_ease", {}, key="ease")

# ------------------------------------------------------------------------------ the statements

st.header("What the experts said")
chosen = st.multiselect("Themes", list(THEME_IDS), key="theme", bind="query-params", placeholder="All themes",
                        help="The survey's questions: Figures 1a-1b (views on SMEs), 2 (drivers), 3 (barriers), "
                             "4 (trade missions), 5 (networking), 6 (support measures), 7 (regional focus)")
questions = [THEME_IDS[label] for label in chosen] or None


@st.fragment
def statements_and_item(questions: list[str] | None) -> None:
    # A click on an item changes only the chart and the item's panel: it reruns this fragment, not the page.
    item_slot = st.container()
    item_id = url_choice.select("Item", ITEMS, key="item", format_func=ITEM_LABELS.get,
                                placeholder="Click an item in the chart, or pick one",
                           help="Items are numbered by figure and letter, as in Annex 3: Figure 6, item f.")
    statement_params = {"questions": questions, "item": item_id}
    item_count, result_count = survey_text.statement_counts(questions=tuple(questions) if questions else None)
    with item_slot:
        if not item_count:
            st.info("These themes have no items with results: the open question's answers are the comments below.",
                    icon=":material/chat:")
        else:
            key = f"statements-{state.view_key(questions)}-{url_choice.drawing('item')}"
            chart_panel("survey_statements", "survey_statement_results", statement_params, key=key,
                           selection="pick_item", on_select=lambda k=f"{key}-chart": picked_item(k))
            st.caption(fmt("{} items, {} results. Markers: ● a number the report prints, ◀ “almost” or "
                           "“nearly” (just under), ▶ “more than”, ◆ “about”; a dashed line shows the direction of "
                           "the uncertainty, not a range the report gives.", item_count, result_count))

    if item_id:
        item = store.rows("survey_item", item_id=item_id).iloc[0]
        tested = survey_text.item_tested(item_id=item_id)
        comment_count, comments = survey_text.comment_quotes(question_id=item["question_id"])
        with st.container(border=True):
            st.subheader(fmt("Figure {}, item {}", item["figure_id"], item["letter"]))
            st.markdown(fmt("“{}”", item["text"]))
            st.caption(fmt("{} · {} · {}", item["figure_title"], item["n_text"], store.source_label(item["source"])))
            if LIVE:
                live_presenter.ask_button(LIVE, item_id)
            st.markdown(fmt("**What the report says about it**\n\n{}", survey_text.item_results(item_id=item_id)))
            if reading := survey_text.item_reading(item_id=item_id):
                st.markdown(fmt("**The project's coding of it** (not the report's words)\n\n{}", reading))
            if tested:
                st.markdown(fmt("**The study finding it tested** (matched by the project)\n\n{}", tested))
            st.markdown(fmt("**Respondents' comments on this question** ({})\n\n{}", comment_count,
                            comments or fmt("The report quotes no comment on this question.")))


statements_and_item(questions)

# ------------------------------------------------------------------------------ drivers vs barriers

st.header("Drivers vs barriers")
st.caption("Figures 2 and 3 side by side, as far as the prose allows: the report ranks some items in words and "
           "gives one share (success in business, almost 90%).")
with page.side_by_side("drivers-barriers"):
    for figure, title in (("2", "Drivers (Figure 2)"), ("3", "Barriers (Figure 3)")):
        st.markdown(join("\n\n", (fmt("### {}", title), survey_text.figure_items(figure_id=figure))))

# ------------------------------------------------------------------------------ regional focus

st.header("Regional focus")
focus, where = st.columns(2)
with focus:
    chart_panel("regional_focus", "survey_results", {"item_id": "7.a"}, key="regional-focus")
with where:
    chart_panel("regions", "survey_regions", {}, key="regions")

# ------------------------------------------------------------------------------ comments

st.header("Respondents' comments")
count, groups = survey_text.comments_by_question(question_ids=tuple(questions) if questions else None,
                                                 themes=tuple(THEMES.items()))
st.caption(fmt("{} comments quoted in Annex 3{}", count, " for the chosen themes." if questions else "."))
st.markdown(join("\n\n", (fmt("{}\n\n{}", heading, quotes) for heading, quotes in groups)))

# ------------------------------------------------------------------------------ study vs experts, contradictions

st.header("Study vs experts")
paired = {  # the columns in their order, headed as the report's words
    "topic": "Topic", "study_statement": st.column_config.TextColumn("The study", width="large"),
    "study_source_label": "Source", "expert_statement": st.column_config.TextColumn("The experts", width="large"),
    "expert_source_label": "Source", "item_id": "Survey item", "outcome": "Outcome",
    "coding": st.column_config.TextColumn("Paired by", help="stated: the report compares them; project: the "
                                                           "project paired them"),
}
st.dataframe(store.table(name="study_vs_experts", outcome=None), hide_index=True, width="stretch",
             column_order=list(paired), column_config=paired)
print_view.table(store.table(name="study_vs_experts", outcome=None), list(paired), paired)

st.header("The report's own contradictions about the survey")
count, table = survey_text.contradictions()
st.caption(fmt("{} places where the report contradicts itself, or cannot be right, about the survey. Both sides are "
               "kept in the data; where a chart draws one of these numbers, it is ringed in purple.", count))
st.markdown(table)
