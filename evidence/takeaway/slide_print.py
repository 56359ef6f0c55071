"""A slide's chart set for a fixed slide (the deck's PDF page, a picture on a PowerPoint slide): the presenter's
chart (`large`) drawn at the box's own size, so nothing scales its type down, with every text at 14 pt and its
category labels re-wrapped to the slide's width (the screen wraps them for a phone's). Its source lines leave the
chart for the slide's text, where they take no room from the bars.

A slide's box is short: the chart is laid out (Vega's scenegraph, without drawing), then measured. Each category
needs its label's lines (and its annotation's) a LINE apart and GAP clear of the next; where the box gives less, the
labels are wrapped wider, the widest wrap that fits (or the one that comes closest). An annotation (a text mark set
beside its point, "about 60% support") is wrapped to the room from its point to the plot's right edge, or to the
chart's, where it runs under the legend; a text never runs off the chart."""

from __future__ import annotations

import copy
import textwrap

import vl_convert

from evidence.charts.base import centred_on_tick
from evidence.takeaway import deck_charts

TYPE = 14  # pt: the smallest type a slide's chart prints
LINE = 16  # pt between the lines of a label or an annotation
GAP = 3  # pt, at least, between the last line of a category's label and the first of the next
LABEL_WIDTHS = (46, 50, 56, 62)  # characters of a category label's line on a slide, narrowest first
# The chart font's advance widths (Liberation Sans, metric-compatible with Arial and Helvetica), in 1/1000 em, for
# the printable ASCII characters from the space on; other characters count as a digit's width.
_ASCII = [278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278] + [556] * 10 + [
    278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556,
    278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
    260, 334, 584]
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


def text_width(text: str, size: float = TYPE) -> float:
    """The width (pt) of one line of chart text at `size`."""
    return sum(_ASCII[ord(c) - 32] if 32 <= ord(c) < 127 else 556 for c in text) * size / 1000


def _rewrapped(spec: dict, label_width: int) -> dict:
    """The category labels (the bars' y field, drawn in its lines) as their sentences again, wrapped at
    `label_width` characters, in every dataset and every sort order that names them."""
    found = [(encoding, data) for mark, encoding, data, _ in deck_charts.layers(spec) if mark in ("bar", "rect")]
    field = found[0][0].get("y", {}).get("field") if found else None
    rows = [row for dataset in spec.get("datasets", {}).values() for row in dataset]  # bars' rows, and points'
    values = {str(r[field]) for r in rows if field in r and r[field] is not None}
    if not values or not any("\n" in value for value in values):
        return spec
    width = max(len(line) for value in values for line in value.split("\n"))
    new = {value: "\n".join(line for paragraph in deck_charts.paragraphs(value.split("\n"), width)
                            for line in textwrap.wrap(paragraph, label_width)) for value in values}
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


def _lines(text: str, room: float) -> list[str]:
    """`text` in lines of at most `room` pt, broken at spaces (a word wider than the room keeps a line alone)."""
    lines: list[str] = []
    for word in text.replace("\n", " ").split():
        if lines and text_width(f"{lines[-1]} {word}") <= room:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def _items(node, marktype: str, role: str | None = None):
    """Every scenegraph item of a mark type (and role), with the group offset it is drawn at."""
    for mark in node.get("items", []) if isinstance(node, dict) else []:
        if mark.get("marktype") == marktype and (role is None or mark.get("role") == role):
            yield from mark.get("items", [])
        if mark.get("marktype") == "group":
            yield from (item for group in mark.get("items", []) for item in _items(group, marktype, role))


def _fitted(spec: dict, width: int) -> float:
    """Wrap the annotations of the laid-out `spec` to their room, in place; the height (pt) its most crowded
    category lacks (0 or less: every category has the room its lines need)."""
    scene = vl_convert.vegalite_to_scenegraph(spec)
    plot = scene["scenegraph"]["items"][0]
    edge = width - scene["origin"][0] - 2  # the chart's right edge, in the plot's coordinates
    legends = [item for item in _items(plot, "group", "legend")]
    under = max((item["y"] + (item.get("height") or 0) for item in legends), default=0)
    notes: dict[str, str] = {}
    lines_at: list[tuple[float, int]] = []
    for item in _items(plot, "text", "mark"):
        if item.get("align") != "left" or not isinstance(item.get("text"), str):
            continue
        start = item["x"] + (item.get("dx") or 0)
        tall = (len(item["text"].split("\n")) - 1) * LINE / 2 + TYPE
        right = edge if not legends or item["y"] - tall > under else plot["width"]
        lines = _lines(item["text"], right - start)
        notes[item["text"]] = "\n".join(lines)
        lines_at.append((item["y"], len(lines)))
    for mark, encoding, _, layer in deck_charts.layers(spec):
        if mark == "text" and "field" in encoding.get("text", {}):  # its lines a LINE apart, centred on its point
            lines = f"length(split(datum[{encoding['text']['field']!r}], '\\n'))"
            layer["mark"] = {**(layer["mark"] if isinstance(layer["mark"], dict) else {"type": "text"}),
                             "lineBreak": "\n", "lineHeight": LINE, "dy": {"expr": f"-({lines} - 1) * {LINE / 2}"}}
    field_of = [deck_charts._text_field(layer, layer["encoding"]["text"].get("field"))
                for mark, _, _, layer in deck_charts.layers(spec) if mark == "text" and "text" in layer["encoding"]]
    for dataset in spec.get("datasets", {}).values():
        for row in dataset:
            for field in field_of:
                if isinstance(row.get(field), str) and row[field] in notes:
                    row[field] = notes[row[field]]
    labels = sorted((item["y"], len(item["text"]) if isinstance(item["text"], list) else 1)
                    for item in _items(plot, "text", "axis-label") if item.get("align") == "right")
    if len(labels) < 2:
        return 0
    step = (labels[-1][0] - labels[0][0]) / (len(labels) - 1)
    crowded = [max([n] + [k for y, k in lines_at if abs(y - at) < step / 2]) for at, n in labels]
    return max((n - 1) * LINE + TYPE + GAP for n in crowded) - step


def slide_spec(large_spec: dict, width: int, height: int) -> dict:
    """The presenter's chart, untitled, `width` x `height` pt in all, type at TYPE, every label and annotation in
    the room the box gives it."""
    tried = []
    for label_width in LABEL_WIDTHS:
        spec = _rewrapped(copy.deepcopy(large_spec), label_width)
        spec.pop("title", None)
        spec = _typed(spec)
        spec["params"] = [{**p, "expr": "false"} if p.get("name") == "narrow" else p for p in spec.get("params", [])]
        spec["width"], spec["height"] = width, height
        spec["autosize"] = {"type": "fit", "contains": "padding"}
        lacks = _fitted(spec, width)
        if lacks <= 0:
            return spec
        tried.append((lacks, label_width, spec))
    return min(tried, key=lambda t: t[:2])[2]
