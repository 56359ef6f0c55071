"""A sentence with up to two links beside it, as the views list them (ui/link_list.py draws a list of them): plain
data, so the text that builds the rows (content/text.py) needs no Streamlit."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Link:
    label: str
    href: str  # relative to the app's root: "case_studies?type=collaboration", "?present=1&slide=3"
    icon: str  # a Material Symbols name (Streamlit bundles the font)


@dataclass(frozen=True)
class Row:
    key: str  # the row's id, sent back with a click and named by `focus`
    who: str
    text: str
    links: tuple[Link | None, ...]  # None keeps a link's place empty, so the links line up in columns
