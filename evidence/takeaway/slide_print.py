"""A slide's chart set for a fixed slide (the deck's PDF page, a picture on a PowerPoint slide): the presenter's
chart (`large`) drawn at the box's own size, so nothing scales its type down, with every text at 14 pt and its
category labels re-wrapped to the slide's width (the screen wraps them for a phone's). Its source lines leave the
chart for the slide's text, where they take no room from the bars."""

from __future__ import annotations

import copy
import textwrap

from evidence.charts.base import centred_on_tick
from evidence.takeaway import deck_charts

TYPE = 14  # pt: the smallest type a slide's chart prints
LINE = 17  # pt between the lines of a label
LABEL_WIDTH = 46  # characters of a category label's line on a slide (about a third of its width at 14 pt)
_SIZES = {"fontSize", "labelFontSize", "titleFontSize", "subtitleFontSize"}


def _typed(node):
    """Every type size in the spec (numbers, or a screen's "narrow ? 12 : 18") at TYPE, the lines of a label
    TYPE's line apart and centred on their tick, and every legend right of the plot (over it, the coding's
    legend took the height the bars need)."""
    if isinstance(node, dict):
        typed = {key: TYPE if key in _SIZES else _typed(value) for key, value in node.items()}
        if "labelLineHeight" in typed:
            typed.update(centred_on_tick(LINE))
        if isinstance(typed.get("legend"), dict):
            typed["legend"] = {**typed["legend"], "orient": "right"}
        return typed
    if isinstance(node, list):
        return [_typed(value) for value in node]
    return node


def _rewrapped(spec: dict) -> dict:
    """The category labels (the bars' y field, drawn in its lines) as their sentences again, wrapped at
    LABEL_WIDTH, in every dataset and every sort order that names them."""
    found = [(encoding, data) for mark, encoding, data, _ in deck_charts.layers(spec) if mark in ("bar", "rect")]
    field = found[0][0].get("y", {}).get("field") if found else None
    rows = spec.get("datasets", {}).get((found[0][1] or {}).get("name"), []) if found else []
    values = {str(r[field]) for r in rows if field in r and r[field] is not None}
    if not values or not any("\n" in value for value in values):
        return spec
    width = max(len(line) for value in values for line in value.split("\n"))
    new = {value: "\n".join(line for paragraph in deck_charts.paragraphs(value.split("\n"), width)
                            for line in textwrap.wrap(paragraph, LABEL_WIDTH)) for value in values}
    for dataset in spec.get("datasets", {}).values():
        for row in dataset:
            if isinstance(row.get(field), str):
                row[field] = new.get(row[field], row[field])

    def resort(node):
        if isinstance(node, dict):
            if node.get("field") == field and isinstance(node.get("sort"), list):
                node["sort"] = [new.get(value, value) for value in node["sort"]]
            for value in node.values():
                resort(value)
        elif isinstance(node, list):
            for value in node:
                resort(value)
    resort(spec)
    return spec


def slide_spec(large_spec: dict, width: int, height: int) -> dict:
    """The presenter's chart, untitled, `width` x `height` pt in all, type at TYPE."""
    spec = _rewrapped(copy.deepcopy(large_spec))
    spec.pop("title", None)
    spec = _typed(spec)
    spec["params"] = [{**p, "expr": "false"} if p.get("name") == "narrow" else p for p in spec.get("params", [])]
    spec["width"], spec["height"] = width, height
    spec["autosize"] = {"type": "fit", "contains": "padding"}
    return spec
