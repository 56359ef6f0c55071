"""Take it away: on every view, a PDF brief of what is on screen and *Cite this*; on the Overview, the deck as PDF
and PowerPoint; on a slide, its chart as PNG or SVG with the slide's headline. Streamlit glue only: the files are
built by brief.py and deck.py, and only when the reader clicks (a button's callback), never on a plain rerun.

The brief needs the charts the view drew: ui/chart_panel.py reports each one to ui/drawn.py, kept per view of the
session (the view is the one whose `section` ran last)."""

from __future__ import annotations

import datetime as dt
import functools
import json
import urllib.parse
from functools import cache
from pathlib import Path

import streamlit as st

from evidence.content import citation, state
from evidence.content.markup import fmt
from evidence.ui import browser, drawn, print_view
from evidence.views import VIEWS

SCRIPT = Path(__file__).with_name("offer.js")
CITE_STYLES = Path(__file__).resolve().parents[2] / "assets" / "takeaway.css"

_BUILT = "takeaway-built"
MIME = {"pdf": "application/pdf",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation"}


def _params() -> dict[str, list[str]]:
    """The view's parameters as its link carries them, the presenter's secret left out (content/state.py)."""
    return state.shareable({name: st.query_params.get_all(name) for name in st.query_params.keys()})


def view_link(params: dict[str, list[str]]) -> str:
    """The view's address in the reader's browser: the URL the browser reports (st.context.url) and the query
    parameters, which hold the whole state of the view."""
    base = st.context.url or "http://localhost:8501/"
    query = urllib.parse.urlencode([(k, v) for k, values in params.items() for v in values])
    return base + ("?" + query if query else "")


def _today() -> str:
    return dt.date.today().isoformat()


def _build(what: str, view: str) -> None:
    """A button's callback: build the files now (once), keep them for the download buttons beside it."""
    params = _params()
    try:
        if what == "brief":
            from evidence.takeaway import brief

            files = {"brief": (brief.build(view, params, view_link(params), drawn.drawn_charts(view), _today()),
                               f"brief-{view}.pdf", "pdf")}
        else:
            from evidence.takeaway import deck

            link, name = view_link({"present": ["1"]}), "sme-internationalisation-key-findings"
            files = {"deck-pdf": (deck.deck_pdf(link, _today()), f"{name}.pdf", "pdf"),
                     "deck-pptx": (deck.deck_pptx(link, _today()), f"{name}.pptx", "pptx")}
    except Exception as err:  # a file that cannot be built says so; the view keeps working
        st.session_state[f"{_BUILT}-{'brief' if what == 'brief' else 'deck-pdf'}"] = {
            "view": view, "error": f"{type(err).__name__}: {err}"}
        return
    for slot, (content, name, kind) in files.items():
        st.session_state[f"{_BUILT}-{slot}"] = {"view": view, "params": params, "content": content, "name": name,
                                                "kind": kind}


def _offer(what: str, view: str, label: str) -> None:
    built = st.session_state.get(f"{_BUILT}-{what}")
    if not built or built["view"] != view:
        return
    if what == "brief" and "error" not in built and built["params"] != _params():
        return  # the view changed since: its brief would not match it
    download(built, label, f"takeaway-{what}-download")


def download(built: dict, label: str, key: str) -> None:
    """A built file's download button, or why it could not be built (the views' take-aways and the room's)."""
    if "error" in built:
        st.error(fmt("The file could not be built: {}", built["error"]), icon=":material/error:")
        return
    st.download_button(label, data=functools.partial(bytes, built["content"]), file_name=built["name"],
                       mime=MIME[built["kind"]], on_click="ignore", type="primary", icon=":material/download:",
                       key=key)


@cache
def _install_html() -> str:
    """The browser script with its fixed data: the print and *Cite this* styles, each view's *Cite this* block."""
    data = {"css": print_view.STYLES.read_text(encoding="utf-8") + CITE_STYLES.read_text(encoding="utf-8"),
            "cite": {view: citation.box_html(known.title) for view, known in VIEWS.items()}}
    # No "<" in the script's text: the page's HTML sanitiser drops a script that holds markup-like text.
    payload = json.dumps(data, ensure_ascii=True).replace("<", "\\u003c")
    return f'<script>window.smeTakeaway = {payload};\n{SCRIPT.read_text(encoding="utf-8")}</script>'


def section(view: str, title: str, deck: bool = False) -> None:
    """The view's *Take it away* tools, under its title: the brief, (on the Overview) the deck, *Cite this* (put
    beside them by the browser script), and what prints."""
    drawn.start_view(view)
    with st.container(horizontal=True, vertical_alignment="center", gap="small", key=f"takeaway-{view}"):
        st.button("Brief as PDF", icon=":material/picture_as_pdf:", on_click=_build, args=("brief", view),
                  key="takeaway-brief", help="A short PDF of this view as it is now: its filters, figures, charts, "
                  "the report's words with their sources, the citation and the link")
        _offer("brief", view, "Download the brief")
        if deck:
            st.button("The deck", icon=":material/slideshow:", on_click=_build, args=("deck", view),
                      key="takeaway-deck", help="The key findings as slides: a PDF (one 16:9 slide a page) and a "
                      "PowerPoint file with editable charts and the report's words in the speaker notes")
            _offer("deck-pdf", view, "Download the deck (PDF)")
            _offer("deck-pptx", view, "Download the deck (PowerPoint)")
        # Last in the block, so the runs that no longer send it shift no other element of the view.
        # The take-away script stays in the tab (styles in the head, the foot in the body, *Cite this* placed by
        # the script), like the app's own: browser.install sends both with a session's first runs only.
        browser.install(("takeaway", _install_html))


def slide_exports(finding) -> None:
    """A slide's chart as PNG or SVG in one click, with the slide's headline as its title (built when clicked)."""
    from evidence.takeaway import deck

    with st.container(horizontal=True, gap="small", key="slide-export"):
        for kind, icon in (("png", ":material/image:"), ("svg", ":material/draw:")):
            st.download_button(kind.upper(), data=functools.partial(deck.slide_chart, finding.slug, kind),
                               file_name=f"slide-{finding.slug}.{kind}", mime="image/png" if kind == "png"
                               else "image/svg+xml", on_click="ignore", icon=icon, key=f"slide-{kind}",
                               help=fmt("This slide's chart as {}, titled with the slide's headline", kind.upper()))
        browser.install()  # a slide opened first still gets the clicker keys
