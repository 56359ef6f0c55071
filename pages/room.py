"""The room's answers (issue 25): a live session's results item by item, the room's whole distribution beside what
the report says of the same item, in the room's own style; the downloads with the presenter's link only. Reached by
the presenter's *Results* (`/room?live=CODE`, `&host=SECRET` for the downloads); hidden from the navigation."""

from urllib.parse import urlencode

import streamlit as st

from evidence.content import findings, room_questions
from evidence.content.markup import fmt
from evidence.live import codes, session
from evidence.query import store
from evidence.takeaway import room_offer
from evidence.ui import browser, live_room

st.html(live_room.STYLE)
browser.install()  # the app's styles (assets/app.css: readable captions) and scripts
given = st.query_params.get("live")
code = codes.normal_code(given)
now = live_room.or_stop(session.now, code, live_room.client()) if code else None  # unknown codes are counted
if now is None:
    st.title("The room's answers")
    st.error(fmt("No live session has the code {}.", (given or "")[:20]) if given else
             "This view shows a live session's answers: open it from the presenter's *Results*.",
             icon=":material/search_off:")
    st.stop()

st.title(fmt("The room's answers: live session {}", code))
st.markdown(fmt("What the room answered on {}, item by item, beside what the report says of the same item. The "
                "room's answers are its own: drawn in this dashed style, never in the report's figures, tables or "
                "data package.", live_room.room_date(now.started_ms)))
secret = st.query_params.get("host") or ""
if secret and live_room.or_stop(session.is_host, code, secret):
    with st.container(horizontal=True, key="room-downloads"):
        query = urlencode({"host": secret})
        st.link_button("Answers (CSV)", f"/live/{code}/answers.csv?{query}", icon=":material/download:")
        st.link_button("Data package (JSON)", f"/live/{code}/datapackage.json?{query}", icon=":material/description:")
    room_offer.section(code, secret)
elif secret:
    st.warning("Only the presenter's link can download the answers: this one's secret is wrong.",
               icon=":material/lock:")
st.caption("Live" if not now.ended else "Session ended")

results = live_room.or_stop(session.results, code)
asked = list(dict.fromkeys(results["question_key"])) if len(results) else []
if not asked:
    st.info("The room has not been asked anything yet.", icon=":material/hourglass_empty:")
for key in asked:
    question = room_questions.by_key(key)
    if question is None:
        continue
    tally = live_room.or_stop(session.tally, code, key, question.values)
    st.header(fmt("{}", question.prompt if question.kind == "survey" else findings.BY_SLUG[key.split(":", 1)[1]]
                  .headline), anchor=False)
    room, report = st.columns(2, gap="large")
    with room, st.container(key=f"room-box-{key.replace(':', '-').replace('.', '-')}"):
        if question.kind == "finding":
            st.caption(fmt("{}", question.prompt))
        live_room.distribution(question, tally, now.started_ms, key.replace(":", "-").replace(".", "-"))
        live_room.comments(code, question, tally, None, key)
    with report:
        st.markdown("**The report**")
        if question.kind == "survey":
            said = store.rows("survey_results", item_id=key.split(":", 1)[1])
            for row in said.itertuples():
                st.markdown(fmt("“{}”  \n:gray[{}]", row.wording, row.source_label))
            if said.empty:
                st.markdown("The report gives no figure for this item.")
            st.caption(fmt("{} · the survey's scale: {}", question.source.replace("fig-", "Figure "),
                           question.scale_words))
        else:
            slug = key.split(":", 1)[1]
            pair = room_questions.COMPARISON.get(slug)
            compared = store.rows("study_vs_experts", outcome=None)
            row = compared[compared["comparison_id"] == pair].iloc[0] if pair in set(compared["comparison_id"]) \
                else None
            if row is None:
                st.markdown("No row of the study-vs-experts table is paired with this slide.")
            else:
                st.markdown(fmt("Study vs experts: **{}**  \n“{}”  \n:gray[{} · the slide paired with this row of the "
                                "study-vs-experts table by the project]", row["outcome"], row["expert_statement"],
                                row["expert_source_label"]))
