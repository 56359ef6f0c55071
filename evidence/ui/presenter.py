"""Presenter mode (`?present=1` on the Overview): one key finding a screen, large type, the chart filling what the
headline, the controls and the report's words leave, and keys a clicker sends. The URL is the one state."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from evidence.content import choices, findings, state
from evidence.content.markup import fmt, md
from evidence.content.slide_words import slide_words
from evidence.settings import REPO
from evidence.ui import live_presenter, live_room
from evidence.ui.chart_panel import chart_panel

SLIDES = findings.FINDINGS
CONCLUSION_IDS = choices.conclusion_ids()
# Presenter mode fills the screen: the chart takes the height the headline, the controls and the quote leave.
STYLE = "\n<style>\n" + (REPO / "assets" / "presenter.css").read_text(encoding="utf-8") + "</style>\n"


def set_presenting(on: bool) -> None:
    if on:
        st.query_params["present"] = "1"
        return
    # Leaving a slide opened as a conclusion's evidence goes back to that conclusion. One change of the URL,
    # so the browser's history gets one entry, not one per parameter.
    came_from = st.query_params.get("from")
    # A live session's link stays, so that the presenter's secret is not lost with presenter mode.
    live = {name: st.query_params[name] for name in ("live", "host") if name in st.query_params}
    st.query_params.from_dict({**({"at": came_from} if came_from in CONCLUSION_IDS else {}), **live})


def go_to_slide(number: int, statement_id: str) -> None:
    st.query_params.from_dict({"present": "1", "slide": str(number), "from": statement_id})


def show_slide(number: int) -> None:
    st.query_params["slide"] = str(number)


def presenter_toggle() -> None:
    # The URL is the one state: the toggle mirrors ?present= and writes it back when flipped.
    st.session_state["presenter-toggle"] = state.is_present(st.query_params.get_all("present"))
    st.toggle("Presenter mode", key="presenter-toggle", help="One key finding per screen, large type. "
              "Keys: → or PageDown next, ← or PageUp previous, Home first, End last.",
              on_change=lambda: set_presenting(st.session_state["presenter-toggle"]))


def says(finding: findings.Finding) -> None:
    """The report's words under the chart, and the mark where the report contradicts itself about them."""
    said = slide_words(finding)
    if said is None:
        return
    mark = fmt("  \n:red[{}]", said.mark()) if said.contradiction else ""
    st.markdown(fmt("“{}”  \n:gray[{}]{}", said.quote, said.source, mark))
    if said.contradiction and said.other_words():  # the other side's words, a click away (and in the deck's notes)
        with st.popover("What the report says elsewhere", icon=":material/compare_arrows:"):
            st.markdown(md(said.other_words()))


def slide_controls(number: int, first: int = 1) -> None:
    """First, previous, the count, next, last: big enough for a projector, and on the keys a clicker sends. While
    live, the first slide is the join slide (0)."""
    last = len(SLIDES)
    steps = (("first", ":material/first_page:", "First", first, "Home"),
             ("previous", ":material/chevron_left:", "Previous", max(number - 1, first), "Left"),
             ("next", ":material/chevron_right:", "Next", min(number + 1, last), "Right"),
             ("last", ":material/last_page:", "Last", last, "End"))
    with st.container(horizontal=True, key="slide-nav", vertical_alignment="center", gap="small"):
        for name, icon, label, target, key in steps:
            if name == "next":
                with st.container(key="slide-count", width="content"):
                    st.markdown(fmt("{} / {}", number, last) if number else fmt("Join · {}", last))
            with st.container(key=f"slide-{name}", width="content"):
                st.button(label, icon=icon, on_click=show_slide, args=(target,), shortcut=key,
                          disabled=target == number, key=f"slide-button-{name}")


def slide_number(live: bool) -> int:
    """The slide of `?slide=` (the first where the link gives none it can use; 0, the join slide, while live)."""
    given = st.query_params.get_all("slide")
    if live and state.last(given) == "0":
        return 0
    return int(st.query_params.get("slide") or 1) if state.valid_page_number(given, len(SLIDES)) else 1


def present(slide_exports: Callable[[findings.Finding], None], public_url: Callable[[], str] = str) -> None:
    """The slide of `?slide=`; `slide_exports` offers its chart as files and `public_url` is the app's public
    address (the take-away's and the API's, handed in by the page: the UI layer does not reach up to them). A live
    link (`&live=CODE&host=SECRET`) adds the room: evidence/ui/live_presenter.py and live_room.py."""
    st.html(STYLE)
    live = live_presenter.from_link(public_url)  # a live link without the presenter's secret stops here
    if live:
        st.html(live_room.STYLE)
    number = slide_number(live is not None)
    if live:
        live_presenter.follow(live, number)
    top = st.columns([2, 6, 3] if live else [2, 5, 2.4], vertical_alignment="center")
    with top[0]:
        if live and number:  # the join slide shows the code big
            live_presenter.corner(live)
        elif live:
            st.caption(fmt("Live session {}", live.code))
        else:
            st.caption(fmt("Key finding {} of {} · Workshop, Brussels, 13 June 2016", number, len(SLIDES)))
    with top[1]:
        slide_controls(number, 0 if live else 1)
    with top[2]:
        came_from = st.query_params.get("from")
        if came_from in CONCLUSION_IDS:
            st.button("Back to the conclusion", icon=":material/undo:", on_click=set_presenting, args=(False,),
                      key="back-to-conclusion")
        if live:
            live_presenter.controls(live)
            presenter_toggle()
        else:  # one row: the slide keeps the height it had before live mode
            with st.container(key="present-switches", horizontal=True, gap="small", vertical_alignment="center",
                              wrap=False):
                presenter_toggle()
                live_presenter.go_live_button()
    if number == 0:
        live_presenter.join_slide(live)
        return
    finding = SLIDES[number - 1]
    st.title(fmt("{}", finding.headline))
    with st.container(key="slide-chart"):
        if live:  # the room's answers beside the report's chart, never inside it
            with st.container(key="slide-beside", horizontal=True, gap="medium"):
                with st.container(key="slide-chart-only"):
                    chart_panel(finding.chart, finding.query, finding.params, key=f"slide-{finding.slug}",
                                large=True, show_tools=False, height="stretch")
                with st.container(key="room-side", width=380):
                    live_room.room_panel(live.code, live.secret, number)
        else:
            chart_panel(finding.chart, finding.query, finding.params, key=f"slide-{finding.slug}", large=True,
                        show_tools=False, height="stretch")
    left, right = st.columns([8, 2], vertical_alignment="top")
    with left:
        says(finding)
    with right:
        slide_exports(finding)
