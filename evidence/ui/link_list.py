"""A list of sentences, each with up to two links beside it, drawn as one element (a custom component) instead of
four Streamlit elements a row (a block, a markdown, a page link and a button): the Overview's conclusions.

Nothing here is markup built from data: the rows go to the browser as JSON, and the component's fixed script writes
them with `textContent`. The links are real links (they open in a new tab, their address can be copied); a plain
click asks the server to open the target in this tab, as Streamlit's own page links do."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from evidence.content.links import Row

ASSETS = Path(__file__).with_name("link_list")

_COMPONENT = st.components.v2.component(
    "sme_link_list",
    html='<ul class="sme-link-list"></ul>',
    css=(ASSETS / "link_list.css").read_text(encoding="utf-8"),
    js=(ASSETS / "link_list.js").read_text(encoding="utf-8"),
    # In the page's own DOM, not a shadow root: the tests that read the page (the poisoned-data check, axe-core,
    # the keyboard walk) see the rows as they see the rest. The styles are scoped by their class names.
    isolate_styles=False,
)


def link_list(rows: tuple[Row, ...], *, key: str, label: str, focus: str | None = None) -> tuple[str, int] | None:
    """Draw the rows; (row key, link index) when the reader has just clicked a link, else None. `focus` names a
    row to bring into view and mark (once per address), as when the reader comes back to it."""
    data = {"label": label, "focus": focus,
            "rows": [{"key": row.key, "who": row.who, "text": row.text,
                      "links": [None if link is None else {"label": link.label, "href": link.href, "icon": link.icon}
                                for link in row.links]} for row in rows]}
    result = _COMPONENT(data=data, key=key, on_open_change=lambda: None)
    opened = result.open
    if isinstance(opened, dict) and opened.get("key") in {row.key for row in rows} \
            and isinstance(opened.get("link"), int):
        return opened["key"], opened["link"]
    return None
