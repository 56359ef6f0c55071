"""The room's take-aways on the results view (pages/room.py, issue 25), with the presenter's link only: the room's
brief (room_brief.py) and the deck with the room's section (deck.py, room_deck.py), PDF and PowerPoint. Built when
the presenter clicks (a button's callback), as every view's brief is (offer.py); the files' links name the results
view without the presenter's secret, which no file ever holds."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode, urlsplit, urlunsplit

import streamlit as st

from evidence.live import session
from evidence.takeaway.offer import download

_BUILT = "room-takeaway-built"


def links(code: str) -> tuple[str, str]:
    """(the results view's address without the secret, the presenter mode's address), from the reader's browser."""
    parts = urlsplit(st.context.url or "http://localhost:8501/room")
    root = urlunsplit((parts.scheme, parts.netloc, "", "", ""))
    return f"{root}/room?{urlencode({'live': code})}", f"{root}/?present=1"


def _today() -> str:
    return dt.date.today().isoformat()


def _build(what: str, code: str, secret: str) -> None:
    """A button's callback: the files built now, once, kept for the download buttons beside it."""
    if not session.is_host(code, secret):
        st.session_state[f"{_BUILT}-{what}"] = {"code": code, "error": "Only the presenter's link can do this."}
        return
    from evidence.takeaway import deck, room_brief, room_items

    results, present = links(code)
    name = f"live-{code}"
    try:
        room = room_items.room(code)
        if what == "brief":
            files = {"brief": (room_brief.build(room, results, _today()), f"{name}-brief.pdf", "pdf")}
        else:
            files = {"deck-pdf": (deck.deck_pdf(present, _today(), room, results), f"{name}-deck.pdf", "pdf"),
                     "deck-pptx": (deck.deck_pptx(present, _today(), room), f"{name}-deck.pptx", "pptx")}
    except Exception as err:  # a file that cannot be built says so; the view keeps working
        st.session_state[f"{_BUILT}-{'brief' if what == 'brief' else 'deck-pdf'}"] = {
            "code": code, "error": f"{type(err).__name__}: {err}"}
        return
    for slot, (content, file_name, kind) in files.items():
        st.session_state[f"{_BUILT}-{slot}"] = {"code": code, "content": content, "name": file_name, "kind": kind}


def _offer(what: str, code: str, label: str) -> None:
    built = st.session_state.get(f"{_BUILT}-{what}")
    if not built or built["code"] != code:
        return
    download(built, label, f"room-{what}-download")


def section(code: str, secret: str) -> None:
    """The room's brief and deck, for the presenter's link (the caller checked the secret; the callback again)."""
    with st.container(horizontal=True, vertical_alignment="center", gap="small", key="room-takeaway"):
        st.button("The room's brief (PDF)", icon=":material/picture_as_pdf:", on_click=_build,
                  args=("brief", code, secret), key="room-brief",
                  help="The room's answers item by item beside the report's figures, as a PDF")
        _offer("brief", code, "Download the room's brief")
        st.button("The deck with the room", icon=":material/slideshow:", on_click=_build,
                  args=("deck", code, secret), key="room-deck",
                  help="The key findings, then the room's results a slide per question: PDF and PowerPoint")
        _offer("deck-pdf", code, "Download the deck (PDF)")
        _offer("deck-pptx", code, "Download the deck (PowerPoint)")
