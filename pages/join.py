"""Join a live session (issue 25): the participant's phone view. The current slide's headline and its question, the
choices as large buttons, an optional comment, the saved answer; it follows the presenter within a second or two.
Reached by the join link (`/live/join/<CODE>` sets the participant's cookie, then opens `/join?code=CODE`); hidden
from the navigation."""

import streamlit as st

from evidence.content import findings, room_questions
from evidence.content.markup import fmt
from evidence.live import codes, session
from evidence.ui import browser, live_phone

st.html(live_phone.STYLE)
browser.install()  # the app's styles (assets/app.css: readable captions) and scripts
given = st.query_params.get("code")
code = codes.normal_code(given)
if code is None:
    live_phone.code_field(given)
    st.stop()

now = live_phone.now(code)  # an unknown code counts against the phone's address
if now is None:
    live_phone.unknown(code)
    st.stop()

person = live_phone.token()
if person is None:
    live_phone.join_button(code)
    st.stop()
if st.session_state.get("live-joined") != code and not now.ended:
    try:
        session.join(code, person)  # recorded once (a digest of the token): the room's count of phones
        st.session_state["live-joined"] = code
    except session.LiveError as err:
        st.error(fmt("{}", err), icon=":material/error:")
        st.stop()

if now.ended:
    st.title("This session has ended", anchor=False)
    st.info(fmt("The presenter has ended live session {}: answers are no longer taken. Thank you: yours are kept, "
                "anonymously.", code), icon=":material/stop_circle:")
    st.stop()

st.caption(fmt("Live session {}", code))
question = room_questions.by_key(now.question_key)
if 1 <= now.slide <= len(findings.FINDINGS) and (question is None or question.kind == "finding"):
    st.title(fmt("{}", findings.FINDINGS[now.slide - 1].headline), anchor=False)
elif question is not None and question.kind == "survey":
    st.title(fmt("Expert survey, {}", question.source.replace("fig-", "Figure ")), anchor=False)
else:
    st.title("You have joined", anchor=False)

if question is None:
    live_phone.follow(code, now.version)  # where a question is asked, its saved answer's fragment follows instead
    st.info("Waiting for the presenter's question: this page follows the slides by itself.",
            icon=":material/hourglass_top:")
    st.stop()

live_phone.answer(code, person, question, now.question_open, now.version)
