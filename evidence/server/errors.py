"""An unexpected error in a view: the reader sees a short message with an id; the server's log holds the trace under
that id. Nothing of the server (a path, a line of code) reaches the page (`client.showErrorDetails` is off too)."""

from __future__ import annotations

import logging
import secrets

import streamlit as st

from evidence.content.markup import fmt

log = logging.getLogger("evidence.server.errors")


def show(error: BaseException) -> bool:
    """`st.App(on_script_error=...)`: log the trace under a new id, show the id; True: Streamlit shows nothing more."""
    ident = secrets.token_hex(4)
    log.error("error %s in a view: %s", ident, type(error).__name__, exc_info=error)
    st.error(fmt("Something went wrong on this view, and it could not be drawn (error {}). Reload the page or go back; "
                 "if it happens again, tell the people who run this app the error id {}: their log holds what went "
                 "wrong.", ident, ident), icon=":material/error:")
    return True
