"""The participant's phone view in live mode (issue 25; pages/join.py): the code field, the question with its choices
as large buttons, the optional comment, the saved answer, and the small fragment that follows the presenter. Styles
in `assets/live.css` and `assets/phone.css` (touch targets of at least 44 px)."""

from __future__ import annotations

import html

import streamlit as st

from evidence.content import join_link
from evidence.content.markup import fmt
from evidence.content.room_questions import COMMENT_LIMIT, Question
from evidence.live import codes, limits, session
from evidence.settings import REPO
from evidence.ui import live_room

STYLE = "\n<style>\n" + "".join((REPO / "assets" / name).read_text(encoding="utf-8")
                                for name in ("live.css", "phone.css")) + "</style>\n"
COOKIE = "sme_live"  # set by GET /live/join/<CODE> (evidence/api/live_routes.py), HttpOnly: never in a URL


def token() -> str | None:
    """The participant's token from the cookie, or None (no cookie, or not one the route set: the phone joins)."""
    value = st.context.cookies.get(COOKIE)
    return value if isinstance(value, str) and 16 <= len(value) <= 200 else None


def code_field(given: str | None = None) -> None:
    """`/join` without a usable code: a field for the code the presenter's screen shows."""
    st.title("Join a live session", anchor=False)
    if given:
        st.error(fmt("{} is not a join code: a code has six letters and digits, as the presenter's screen shows.",
                     given[:20]), icon=":material/error:")
    with st.container(key="phone-join"), st.form("join-code", border=False):
        typed = st.text_input("Join code", max_chars=12, placeholder="e.g. QX7K3M", autocomplete="off")
        st.caption("Six letters and digits, on the presenter's screen.")
        if st.form_submit_button("Join", type="primary", width="stretch"):
            code = codes.normal_code(typed)
            if code is None:
                st.error(fmt("{} is not a join code: a code has six letters and digits.", typed[:20]))
            else:
                st.query_params["code"] = code
                st.rerun()


def now(code: str) -> session.Now | None:
    """The session a phone asks for; unknown codes count against the phone's address (evidence/live/limits.py):
    too many in a minute, and the page says so and stops."""
    try:
        return session.now(code, live_room.client())
    except session.LiveError as err:
        st.title("Too many codes tried" if str(err) == limits.TOO_MANY_CODES else "The live session cannot answer now",
                 anchor=False)
        st.error(fmt("{}", err), icon=":material/timer:")
        st.stop()


def unknown(code: str) -> None:
    st.title("No such live session", anchor=False)
    st.error(fmt("No live session has the code {}.", code), icon=":material/search_off:")
    code_field()


def join_button(code: str) -> None:
    """A phone without the participant's cookie joins through the route that sets it."""
    st.title(fmt("Join live session {}", code), anchor=False)
    st.markdown("No account: your answers are anonymous. The join link keeps one answer per question for this "
                "phone, which you can change until the question closes.")
    with st.container(key="phone-join"):
        # A plain link in this tab (a link button would open another): the route sets the cookie and comes back.
        st.html(f'<a class="sme-join-button" href="{html.escape(join_link.join_url("", code))}">Join</a>')


@st.fragment(run_every=1)
def follow(code: str, version: int) -> None:
    """Every second: the session's version, and a rerun of the view only when the presenter changed something.
    It draws nothing: a hundred phones poll it."""
    try:
        now = session.now(code)
    except session.LiveError:
        return  # the store cannot answer this second: the next one tries again
    if now is not None and now.version != version:
        st.rerun()


@st.fragment(run_every=1)
def saved(code: str, person: str, question: Question, is_open: bool, version: int) -> None:
    """Every second, where a question is asked: the saved answer as the store holds it, and a rerun of the view when
    the presenter changed something (in place of `follow`). Drawn anew each second, so "Saved: …" shows even where
    Streamlit dropped the drawing of the tap's own run (a run ending as a fragment's timer starts the next one loses
    its messages: AppSession.request_rerun), and a second tab of the same phone shows the same answer."""
    try:
        now, mine = session.now(code), session.my_answer(code, person, question.key)
    except session.LiveError as err:
        st.error(fmt("{}", err), icon=":material/cloud_off:")
        return
    if now is not None and now.version != version:
        st.rerun()
    key = f"comment-{question.key}"
    with st.container(key="phone-saved"):
        st.markdown(fmt("Saved: {}", question.label(mine[0])) if mine else fmt("Not answered yet"))
        typed = (st.session_state.get(key) or "").strip() if question.comment else ""
        if mine and is_open and typed != (mine[1] or ""):
            st.caption(":material/edit_note: Your comment is not sent yet: tap your answer to send it.")
        elif mine and mine[1]:
            st.caption(":material/comment: Your comment is saved with it.")


def _answer(code: str, person: str, question: Question, value: str) -> None:
    comment = st.session_state.get(f"comment-{question.key}") if question.comment else None
    try:
        session.answer(code, person, question.key, value, (comment or "").strip() or None, question.values)
    except session.LiveError as err:
        st.session_state["phone-refusal"] = str(err)


def answer(code: str, person: str, question: Question, is_open: bool, version: int) -> None:
    """The question, its choices as large buttons (the saved one filled), the comment for a finding, and what is
    saved. A closed question says so and takes no answer."""
    try:
        mine = session.my_answer(code, person, question.key)
    except session.LiveError as err:
        st.error(fmt("{}", err), icon=":material/cloud_off:")
        return
    with st.container(key="phone-view"):
        st.markdown(fmt("**{}**", question.prompt))
        if question.scale_words:
            st.caption(fmt("The survey's scale: {}", question.scale_words))
        if refused := st.session_state.pop("phone-refusal", None):
            st.error(fmt("{}", refused), icon=":material/block:")
        if not is_open:
            st.warning("This question is closed: answers are no longer taken.", icon=":material/lock:")
        key = f"comment-{question.key}"
        if question.comment and key not in st.session_state and mine and mine[1]:
            st.session_state[key] = mine[1]
        saved(code, person, question, is_open, version)
        if question.comment:
            st.text_area("Comment (optional)", key=key, max_chars=COMMENT_LIMIT, disabled=not is_open,
                         placeholder="What you see differently, or why", height=96)
            st.caption("At most 280 characters, sent with your answer: tap your answer again to send a changed "
                       "comment.")
        for value, label in question.choices:
            st.button(label, key=f"choice-{question.key}-{value}", width="stretch", disabled=not is_open,
                      type="primary" if mine and mine[0] == value else "secondary",
                      on_click=_answer, args=(code, person, question, value))
