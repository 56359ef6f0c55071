"""What the app puts in the reader's browser: the script behind the share link, Back and the clicker keys
(`browser.js`, bundled, never fetched), the app's styles, and the share box.

Nothing written here comes from data: the HTML is fixed text."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path

import streamlit as st

SCRIPT = Path(__file__).with_name("browser.js")
APP_STYLES = Path(__file__).resolve().parents[2] / "assets" / "app.css"
INSTALL_RUNS = 3  # sent with a session's first full runs only (a run cut short may not draw)

SHARE_BOX = """
<div class="sme-share">
  <p class="sme-share-about">The link holds everything on this view: filters, selections, the open item. Opened
  anywhere, it shows the same view.</p>
  <label for="sme-share-link">Link to this view</label>
  <div class="sme-share-row">
    <input id="sme-share-link" class="sme-share-link" type="text" readonly value="" spellcheck="false">
    <button type="button" class="sme-share-copy">Copy link</button>
  </div>
  <p class="sme-share-status" role="status" aria-live="polite"></p>
</div>
<style>
.sme-share-about { margin: 0 0 0.6rem 0; font-size: 0.875rem; color: #5E5E66; }
.sme-share label { display: block; font-size: 0.9rem; margin-bottom: 0.25rem; }
.sme-share-row { display: flex; flex-wrap: wrap; gap: 0.5rem; }
.sme-share-link { flex: 1 1 16rem; min-width: 0; font-family: "Source Code Pro", monospace; font-size: 0.85rem;
  padding: 0.45rem 0.5rem; border: 1px solid #6b6f76; border-radius: 0.4rem; color: #262730; background: #fff; }
.sme-share-copy { padding: 0.45rem 0.9rem; border-radius: 0.4rem; border: 1px solid #0072B2; background: #0072B2;
  color: #fff; font-weight: 600; cursor: pointer; }
.sme-share-copy:focus-visible, .sme-share-link:focus-visible { outline: 3px solid #0072B2; outline-offset: 2px; }
.sme-share-status { min-height: 1.2rem; margin: 0.3rem 0 0 0; font-size: 0.9rem; }
</style>
"""

# Run in the share popover each time it is drawn: the link box shows the address bar as it is.
SHARE_REFRESH = "<script>window.smeEvidence && window.smeEvidence.refresh()</script>"

# The element that carries the script takes no room on the page.
_HIDDEN = "<style>.element-container:has(.sme-script), .stElementContainer:has(.sme-script) { display: none; }</style>"


@cache
def _browser_html() -> str:
    """The browser script with the app's styles (fixed text), which it puts in the document's head."""
    # No "<" in the script's text: the page's HTML sanitiser drops a script that holds markup-like text.
    styles = json.dumps(APP_STYLES.read_text(encoding="utf-8"), ensure_ascii=True).replace("<", "\\u003c")
    return f'<script>window.smeAppStyles = {styles};\n{SCRIPT.read_text(encoding="utf-8")}</script>'


def install(*parts: tuple[str, Callable[[], str]]) -> None:
    """Send what stays in the reader's tab: the browser script and the app's styles, and the named `parts` (the
    take-away script), each with the first INSTALL_RUNS runs of the session that reach it. The scripts keep
    themselves and the styles in the page, so later runs send nothing for them. Called last in a block: the runs
    that no longer send it shift no other element of the view."""
    sent = []
    for name, build in (("browser", _browser_html), *parts):
        runs = st.session_state.get(f"installs-{name}", 0)
        if runs < INSTALL_RUNS:
            st.session_state[f"installs-{name}"] = runs + 1
            sent.append(build())
    if sent:
        st.html('<span class="sme-script"></span>' + "".join(sent) + _HIDDEN, unsafe_allow_javascript=True)


def share_box() -> None:
    """The share popover: the address bar as it is at this moment, and a copy button."""
    with st.popover("Share this view", icon=":material/link:"):
        st.html(SHARE_BOX + SHARE_REFRESH, unsafe_allow_javascript=True)
