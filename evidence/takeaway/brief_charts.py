"""A view's charts as the brief prints them: vector PDF from the chart's own specification, without the screen's
instructions ("click a group to filter" does nothing on paper), sized so that no type is under 8 pt at A4 and two
narrow charts share a row (issue 23: a brief is the screen on paper, legible, with no lone lines)."""

from __future__ import annotations

import re
import textwrap

from evidence.charts import render
from evidence.takeaway import typeset

TEXT_WIDTH = 481  # pt: A4 portrait within 2 cm margins
MAX_HEIGHT = 320  # pt: a chart leaves room on its page for another, or for text
GAP = 14  # pt between two charts in a row
PAGE_ROOM = 700  # pt: the height of A4 within the brief's margins, less a heading
SMALLEST_TYPE = 8  # pt at A4
VEGA_SMALLEST_DEFAULT = 10  # px: Vega's default size for axis and legend labels and subtitles
# A clause of a chart's subtitle that tells the screen's reader what to do with the mouse.
INSTRUCTION = re.compile(r"\b(click|hover|select|brush|drag|tap)\b", re.I)
DRAWN = tuple[str, str, tuple]  # (chart builder, named query, frozen parameters)


def without_instructions(lines: list[str]) -> list[str]:
    """A subtitle's lines without the clauses that instruct the screen's reader, wrapped as before."""
    width = max((len(line) for line in lines), default=60)
    text = " ".join(line.strip() for line in lines)
    kept = []
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        clauses = [clause for clause in re.split(r";\s*", sentence) if not INSTRUCTION.search(clause)]
        if clauses:
            joined = "; ".join(clauses)
            kept.append(joined if joined.endswith((".", "!", "?", ")")) else joined.rstrip(",") + ".")
    return textwrap.wrap(" ".join(kept), width) if kept else []


def for_paper(spec: dict) -> dict:
    """The chart's specification with the screen's instructions taken out of its title's subtitle."""
    title = spec.get("title")
    if not isinstance(title, dict) or not title.get("subtitle"):
        return spec
    subtitle = title["subtitle"]
    lines = [subtitle] if isinstance(subtitle, str) else list(subtitle)
    return {**spec, "title": {**title, "subtitle": without_instructions(lines)}}


def smallest_type(spec) -> float:
    """The smallest font size a specification sets, or Vega's smallest default where that is smaller."""
    sizes = [VEGA_SMALLEST_DEFAULT]
    stack = [spec]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key, value in node.items():
                if key.lower().endswith("fontsize") and isinstance(value, int | float):
                    sizes.append(value)
                elif key not in ("datasets", "data"):
                    stack.append(value)
        elif isinstance(node, list):
            stack.extend(node)
    return min(sizes)


def _size(pdf: bytes) -> tuple[float, float]:
    box = re.search(rb"/MediaBox\s*\[\s*[-\d.]+\s+[-\d.]+\s+([\d.]+)\s+([\d.]+)", pdf)
    return float(box.group(1)), float(box.group(2))


def _adjustable(spec: dict) -> bool:
    """Whether the chart fits its width to its container (the page can draw it narrower, its type as it is)."""
    return not isinstance(spec.get("width"), int) and "hconcat" not in spec


def _placed(spec: dict, room: float = TEXT_WIDTH) -> tuple[bytes, float, float]:
    """The chart as PDF, and the width and height (pt) it takes on the page, at most `room` wide if it can be."""
    floor = SMALLEST_TYPE / smallest_type(spec)
    pdf = typeset.chart_pdf(spec)
    width, height = _size(pdf)
    scale = max(min(1.0, room / width, MAX_HEIGHT / height), floor)
    if width * scale > room and _adjustable(spec):
        # Too wide at the smallest legible scale: draw the plot narrower, its type as it was.
        pdf = typeset.chart_pdf(spec, width=int(typeset.PAGE_CHART_WIDTH - (width - room / scale)))
        width, height = _size(pdf)
    return pdf, round(width * scale, 1), round(height * scale, 1)


def chart_files(drawn: list[DRAWN]) -> tuple[list[list[dict]], dict[str, bytes], list[str]]:
    """The charts in rows (two narrow charts share one), their PDF files, and the titles of the charts that are
    taller than a page at legible type (left to the view)."""
    rows, files, too_tall = [], {}, []
    for number, (chart, name, params) in enumerate(drawn, start=1):
        spec = for_paper(render.chart_spec(chart, name, dict(params)))
        title = spec.get("title") or {}
        text = title.get("text", chart) if isinstance(title, dict) else title
        file = f"chart-{number}.pdf"
        files[file], width, height = _placed(spec)
        if height > PAGE_ROOM:  # taller than a page at legible type: named, not shrunk to illegible type
            del files[file]
            too_tall.append(" ".join(text) if isinstance(text, list) else str(text))
            continue
        placed = {"file": file, "title": " ".join(text) if isinstance(text, list) else str(text),
                  "width": width, "height": height}
        last = rows[-1] if rows else []
        if len(last) == 1 and last[0]["width"] + width + GAP <= TEXT_WIDTH:
            last.append(placed)
        else:
            rows.append([placed])
    return rows, files, too_tall
