"""Presenter mode, live (issue 25): *Go live*, the join slide (slide 0: the code big, the QR code, the short link),
the code and a small QR code in a corner of every slide, each move of the presenter sent to the session, and the
presenter's controls (the results, the export, the end). The presenter's link carries the session's secret
(`?present=1&slide=N&live=CODE&host=SECRET`); a `live` link without the right secret is refused with a message and
shows nothing of the controls: it never moves anything."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

import streamlit as st

from evidence.content import join_link, room_questions
from evidence.content.markup import fmt
from evidence.live import codes, session
from evidence.ui import live_room


@dataclass(frozen=True)
class Live:
    code: str
    secret: str
    now: session.Now
    base: str  # the app's public address (scheme://host[:port]) the join link is built on

    @property
    def join_url(self) -> str:
        return join_link.join_url(self.base, self.code)

    def host_link(self, path: str, **params: str) -> str:
        """A link of the presenter's (the results view, the exports): it carries the secret."""
        return f"{path}?{urlencode({**params, 'host': self.secret})}"


def base_url(public_url: Callable[[], str]) -> str:
    """$SME_PUBLIC_URL where it is set (read by the API's `public_url`, handed in), else the address the presenter's
    browser uses."""
    return public_url() or join_link.origin(st.context.url)


def from_link(public_url: Callable[[], str]) -> Live | None:
    """The live session of the presenter's link; None when the link names none. A link whose code is unknown, or
    without the presenter's secret, is answered here with a message and stops the page: no slide, no control."""
    given = st.query_params.get("live")
    if given is None:
        return None
    code = codes.normal_code(given)
    now = live_room.or_stop(session.now, code, live_room.client()) if code else None
    base = base_url(public_url)
    if now is None:
        st.title("No such live session")
        st.error(fmt("No live session has the code {}.", given[:20]), icon=":material/search_off:")
        st.button("Back to the slides", icon=":material/slideshow:", key="live-leave", on_click=leave)
        st.stop()
    if not live_room.or_stop(session.is_host, code, st.query_params.get("host") or ""):
        st.title("This is the presenter's link")
        st.error("Only the presenter's link can do this: this link has no presenter's secret, or a wrong one. "
                 "Nothing was changed.", icon=":material/lock:")
        st.markdown(fmt("To answer from this device, join live session **{}**.", code))
        st.link_button("Join as a participant", join_link.join_url(base, code), icon=":material/login:",
                       type="primary")
        st.stop()
    return Live(code, st.query_params.get("host") or "", now, base)


def leave() -> None:
    st.query_params.from_dict({"present": "1", "slide": "1"})


def _start() -> None:
    try:
        started = session.start(live_room.client())  # anyone may go live: a limit an address, not a password
    except session.LiveError as err:
        st.session_state["live-refusal"] = str(err)
        return
    # One change of the URL: the presenter's link, on the join slide.
    st.query_params.from_dict({"present": "1", "slide": "0", "live": started.code, "host": started.secret})


def go_live_button() -> None:
    """*Go live*: a new session, its join slide (only while not live)."""
    live_room.refusal()
    st.button("Go live", icon=":material/podcasts:", key="go-live", on_click=_start,
              help="Open a live session: the room joins from its phones with a code and answers each slide's "
                   "question; its answers show beside the report's, never in them.")


def follow(live: Live, number: int) -> None:
    """The session follows the presenter: a slide not yet the session's is moved to, with its first question."""
    if live.now.ended or live.now.slide == number:
        return
    try:
        session.move(live.code, live.secret, number, room_questions.first_key(number))
    except session.LiveError as err:
        st.session_state["live-refusal"] = str(err)


def corner(live: Live) -> None:
    """The join code, a small QR code and the short link, in a corner of every live slide."""
    with st.container(key="live-corner", horizontal=True, vertical_alignment="center", gap="small"):
        st.html(join_link.qr_html(live.join_url, 76), width="content")
        st.markdown(fmt("Join: **{}**  \n{}", live.code, join_link.short_link(live.join_url)))


def join_slide(live: Live) -> None:
    """Slide 0 while live: how the room joins."""
    st.title("Answer from your phone")
    qr, words = st.columns([2, 3], vertical_alignment="center")
    with qr:
        st.html(join_link.qr_html(live.join_url, 340), width="content")
    with words:
        st.markdown("Scan the code, or open the link and type the code:")
        with st.container(key="join-link"):
            st.markdown(fmt("[{}]({})", join_link.short_link(live.join_url), live.join_url))
        with st.container(key="join-code"):
            st.markdown(fmt("{}", live.code))
        st.caption("No account. Your answers are anonymous: the app keeps no name, address or device, and the room's "
                   "answers are shown beside the report's figures, never in them.")
        if live.now.ended:
            st.warning("This live session has ended: its results stay.", icon=":material/stop_circle:")


def controls(live: Live) -> None:
    """The presenter's own: the room's results, the export, and the end of the session."""
    live_room.refusal()
    with st.container(key="live-controls", horizontal=True, gap="small", vertical_alignment="center"):
        # No tooltips: one would stay over the slide where Go live was clicked.
        st.link_button("Results", live.host_link("/room", live=live.code), icon=":material/bar_chart:")
        st.link_button("CSV", live.host_link(f"/live/{live.code}/answers.csv"), icon=":material/download:")
        if live.now.ended:
            st.caption("Session ended")
            return
        with st.popover("End", icon=":material/stop_circle:"):  # no help: its tooltip stayed over the toggle
            st.markdown("Answers are refused after the end; the results stay.")
            st.button("End the session now", key="live-end", type="primary",
                      on_click=live_room.act, args=(session.end, live.code, live.secret))


def host_session() -> Live | None:
    """On a view other than the slides (the Expert survey's *Ask the room*): the presenter's live session named by
    the link, or None. A live link without the presenter's secret gets a line saying so, and no control."""
    given = st.query_params.get("live")
    if given is None:
        return None
    code = codes.normal_code(given)
    try:
        now = session.now(code, live_room.client()) if code else None
        host = now is not None and session.is_host(code, st.query_params.get("host") or "")
    except session.LiveError as err:
        st.caption(fmt(":material/cloud_off: {}", err))
        return None
    if now is None:
        st.caption(fmt(":material/info: No live session has the code {}.", given[:20]))
        return None
    if not host:
        st.caption("Only the presenter's link can ask the room: this link has no presenter's secret, or a wrong one.")
        return None
    return Live(code, st.query_params.get("host") or "", now, join_link.origin(st.context.url))


def ask_button(live: Live, item_id: str) -> None:
    """*Ask the room* for a survey item: the phones then show its statement on the report's scale."""
    question = room_questions.for_survey_item(item_id)
    if question is None:
        st.caption("The report gives no scale for this item's question, so the room is not asked about it.")
        return
    live_room.refusal()
    try:  # the item panel reruns alone: the session as it is now
        now = session.now(live.code) or live.now
    except session.LiveError:
        now = live.now
    if now.question_key == question.key:
        st.caption(fmt(":material/campaign: The room of live session {} is answering this item.", live.code))
    st.button("Ask the room", icon=":material/campaign:", key=f"ask-{item_id}", disabled=now.ended,
              on_click=live_room.act, args=(session.ask, live.code, live.secret, question.key),
              help="Live session: the participants' phones show this statement with the report's scale")
