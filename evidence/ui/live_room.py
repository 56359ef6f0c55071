"""The room's answers in live mode (issue 25), drawn in a style of their own that cannot be mistaken for the report's
figures: a dashed outline in the room's violet, hatched bars, and the label `This room, <date>, n = N` (styles in
`assets/live.css`). The room panel sits beside a live slide's chart, never inside it, and follows the answers
every second; the results view (pages/room.py) draws the same distributions item by item."""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from evidence.content import room_questions
from evidence.content.markup import fmt
from evidence.content.room_questions import Question
from evidence.live import limits, session
from evidence.settings import REPO

STYLE = "\n<style>\n" + (REPO / "assets" / "live.css").read_text(encoding="utf-8") + "</style>\n"
ROOM = "#5B2A86"  # the room's violet: no colour of the report's charts (charts/palette.py)


def room_date(started_ms: int) -> str:
    """The session's day, as the label prints it: 7 December 2026."""
    day = datetime.fromtimestamp(started_ms / 1000)
    return f"{day.day} {day:%B %Y}"


def room_label(n: int, started_ms: int) -> str:
    return f"This room, {room_date(started_ms)}, n = {n}"


def distribution(question: Question, tally: session.Tally, started_ms: int, key: str) -> None:
    """The room's label, then one hatched bar a choice: its count and share of the room's n."""
    with st.container(key=f"room-label-{key}"):
        st.markdown(fmt("**{}**", room_label(tally.n, started_ms)))
    for value, label in question.choices:
        count = tally.counts.get(value, 0)
        share = count / tally.n if tally.n else 0.0
        st.progress(share, text=fmt("{} · {} ({:.0%})", label, count, share))


def comments(code: str, question: Question, tally: session.Tally, secret: str | None, key: str) -> None:
    """The room's visible comments, newest first, each escaped; the presenter can hide one."""
    shown = [comment for comment in tally.comments if not comment.hidden]
    if not shown:
        return
    st.markdown(fmt("**Comments** ({})", len(shown)))
    for comment in shown:
        with st.container(horizontal=True, vertical_alignment="center", gap="small"):
            st.markdown(fmt("{} · *{}*", comment.text, question.label(comment.choice)))
            if secret:
                st.button("Hide", key=f"hide-{key}-{comment.answer_id}", icon=":material/visibility_off:",
                          on_click=act, args=(session.hide_comment, code, secret, comment.answer_id),
                          help="Hide this comment from the room's panel, its results and the export")


def client() -> str:
    """The address this page's unknown codes count against (evidence/live/limits.py): every page that takes a code
    counts them, so that no page is a way round the join link's limit on guessing."""
    return limits.client_address(st.context.ip_address, st.context.headers.get("X-Forwarded-For"))


def act(action, *args) -> None:
    """A presenter's action (a button's callback): a refusal is kept to show on the next run, never raised."""
    try:
        action(*args)
    except session.LiveError as err:
        st.session_state["live-refusal"] = str(err)


def or_stop(call, *args):
    """A call of the live store on a page: its answer, or (the store cannot answer now, or refuses) its message and
    the end of the page's run, never a traceback."""
    try:
        return call(*args)
    except session.LiveError as err:
        st.error(fmt("{}", err), icon=":material/cloud_off:")
        st.stop()


def _ask(code: str, secret: str, slide: int, key: str) -> None:
    """Make one of the slide's questions current: a survey item is asked, the slide's finding moved back to."""
    if key.startswith("survey:"):
        session.ask(code, secret, key)
    else:
        session.move(code, secret, slide, key)


def refusal() -> None:
    """The message of the last refused action, once."""
    message = st.session_state.pop("live-refusal", None)
    if message:
        st.error(fmt("{}", message), icon=":material/block:")


@st.fragment(run_every=1)
def room_panel(code: str, secret: str, slide: int) -> None:
    """Beside a live slide's chart: the current question's tally, its state, its comments; the presenter's close /
    reopen, hide and, on a survey slide, *Ask the room* for the slide's survey items. Reruns every second."""
    with st.container(key="room-panel"):
        try:
            now = session.now(code)
            question = room_questions.by_key(now.question_key) if now else None
            tally = session.tally(code, question.key, question.values) if question else None
        except session.LiveError as err:  # the store cannot answer this second: the next one tries again
            st.warning(fmt("{}", err), icon=":material/cloud_off:")
            return
        if now is None:
            st.markdown("**This room**: no such live session.")
            return
        if question is None:
            st.markdown(fmt("**{}**: no question on this slide.", room_label(0, now.started_ms)))
            return
        refusal()
        st.caption(fmt("{} · {}", question.prompt, "open" if now.question_open and not now.ended else "closed"))
        distribution(question, tally, now.started_ms, "panel")
        if not now.ended:
            if now.question_open:
                st.button("Close question", icon=":material/lock:", key="live-close",
                          on_click=act, args=(session.close_question, code, secret, question.key))
            else:
                st.button("Reopen question", icon=":material/lock_open:", key="live-reopen",
                          on_click=act, args=(session.reopen_question, code, secret, question.key))
            others = [q for q in room_questions.for_slide(slide) if q.key != question.key]
            if others:
                asked = st.selectbox("Ask the room about", [q.key for q in others], key="live-ask-pick",
                                     format_func=lambda k: _short(room_questions.by_key(k)))
                st.button("Ask the room", icon=":material/campaign:", key="live-ask",
                          on_click=act, args=(_ask, code, secret, slide, asked))
        comments(code, question, tally, secret, "panel")


def _short(question: Question | None, limit: int = 60) -> str:
    if question is None:
        return ""
    text = question.prompt if question.kind == "survey" else "The slide's finding"
    return text if len(text) <= limit else text[: limit - 1] + "…"
