"""Evidence search: one box over every piece of text in the evidence base, ranked, highlighted, linked."""

import streamlit as st

from evidence.content import choices, state
from evidence.content.markup import fmt, highlighted, join
from evidence.query import store
from evidence.takeaway import offer as takeaway
from evidence.ui import page
from evidence.views import link

KINDS = choices.SEARCH_KINDS
SECTIONS = choices.REPORT_PARTS
THEMES = choices.theme_ids()
# The view the search query names for each piece of text: (page file, label).
LINKED = {"workshop", "expert_survey", "policy", "case_studies", "data"}

page.review_params("search")
page.header("Evidence search", charts=False)
takeaway.section("search", "Evidence search")
st.caption("Every statement, survey item, result and comment, SWOT item, implication, case description and "
           "evidence sentence, instrument and contradiction. All words must appear; the exact phrase and matches "
           "in more fields rank first.")

text = st.text_input("Search the evidence", key="search", bind="query-params", max_chars=200,
                     placeholder="e.g. trade fairs, cultural barriers, Horizon 2020")
with page.side_by_side("search-filters"):
    kinds = st.multiselect("Kind", KINDS, key="kinds", bind="query-params", placeholder="All kinds")
    theme = st.selectbox("Theme (project coding)", list(THEMES), index=None, key="topic", bind="query-params",
                         placeholder="All themes")
    section = st.selectbox("Part of the report", list(SECTIONS), index=None, key="part", bind="query-params",
                           placeholder="The whole report")
words = state.search_words(text)


def said(row, words: list[str]):
    """A result's text; a statement's as the Workshop view shows it: the project's paraphrase, marked, then the
    report's words."""
    if not isinstance(row.paraphrase, str):
        return highlighted(row.text, words)
    quote = ""
    if isinstance(row.quote, str):  # each of the report's phrases quoted on its own (they are kept as "a | b")
        quote = fmt("  \nThe report's words: {}", join(" ", (fmt("“{}”", highlighted(part, words))
                                                             for part in row.quote.split(" | "))))
    return fmt(":orange[Project's paraphrase:] {}{}", highlighted(row.paraphrase, words), quote)


if not words:
    st.info("Type at least one word of two letters or more.", icon=":material/search:")
    st.stop()

results = store.rows("search", phrase=(text or "").strip().lower(), words=words, kinds=kinds or None,
                   theme=THEMES.get(theme), section=SECTIONS.get(section))
st.caption(fmt("{} result{}{}", len(results), "s" if len(results) != 1 else "",
               " (the first 200)" if len(results) == 200 else ""))
if results.empty:
    st.info("Nothing in the report matches all these words with these filters.", icon=":material/search_off:")
for index, row in enumerate(results.itertuples()):
    # One block a result (its text, then the link to its view), not a card holding two columns.
    with page.side_by_side(f"result-{index}", border=True, vertical_alignment="center", wrap=False):
        st.markdown(fmt(":blue-badge[{}] **{}**{} :gray[{}]  \n{}", row.kind, highlighted(row.title, words),
                        fmt(" :orange[({})]", row.title_mark) if isinstance(row.title_mark, str) else "",
                        store.source_label(row.source), said(row, words)))
        if row.view in LINKED:
            target, label, _ = link(row.view)
            params = {row.param: row.value} if isinstance(row.param, str) and isinstance(row.value, str) else None
            st.page_link(target, label=label, icon=":material/arrow_forward:", query_params=params, width=170)
