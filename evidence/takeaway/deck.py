"""The presenter's slides as files: one PDF (a 16:9 slide a page, set with Typst) and a PowerPoint deck
(python-pptx) whose bar charts are native, editable PowerPoint charts with the numbers the app draws, and the
report's words and sources in the speaker notes. And one slide's chart as PNG or SVG, titled with its headline.

The numbers of a native chart are read from the chart's own Vega-Lite specification (the rows the app draws),
so PowerPoint shows what the slide shows. Charts with marks PowerPoint has no match for (the WHAT/HOW heatmap,
shares drawn with qualifier markers, a rule for an unprinted value) go in as a picture."""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

import typst
import vl_convert
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.util import Emu, Inches, Pt

from evidence.charts import render
from evidence.charts.base import SUBTITLE_WIDTH
from evidence.content import citation
from evidence.content.findings import FINDINGS, Finding
from evidence.content.slide_words import slide_words
from evidence.takeaway import deck_charts, room_deck, slide_print, typeset
from evidence.takeaway.room_items import Room


def _spec(finding: Finding, large: bool = False) -> dict:
    """The chart of a finding: as a page draws it, or (`large`) as the presenter's slide draws it."""
    return render.chart_spec(finding.chart, finding.query, finding.params, large=large)


def source_lines(spec: dict) -> list[str]:
    """The chart's source line and notes (its subtitle), in the lines the chart draws them."""
    title = spec.get("title") or {}
    return [str(line) for line in (title.get("subtitle") or [])] if isinstance(title, dict) else []


def paragraphs(lines: list[str]) -> list[str]:
    """A chart's source lines (wrapped to fit a phone) as the paragraphs they were."""
    return deck_charts.paragraphs(lines, SUBTITLE_WIDTH)


def says(finding: Finding) -> tuple[str, str, str, str] | None:
    """The report's sentence under the slide, its source, the mark where the report contradicts itself about it
    and the other side's words ("" if not), as the slide shows them."""
    said = slide_words(finding)
    return (said.quote, said.source, said.mark(), said.other_words()) if said else None


def slide_spec(finding: Finding) -> dict:
    """The chart of a finding titled with its headline (its source lines under it)."""
    return typeset.with_title(_spec(finding), finding.headline)


def slide_chart(slug: str, kind: str) -> bytes:
    """One slide's chart as PNG or SVG, with the slide's headline as its title (built when the reader clicks)."""
    finding = next(f for f in FINDINGS if f.slug == slug)
    spec = slide_spec(finding)
    if not isinstance(spec.get("width"), int) and "hconcat" not in spec:
        spec["width"] = render.EXPORT_WIDTH
    if kind == "png":
        return vl_convert.vegalite_to_png(spec, scale=2)
    return vl_convert.vegalite_to_svg(spec).encode("utf-8")


def notes(finding: Finding, link: str) -> str:
    """The speaker notes: the report's words and their source, the chart's source, the slide's link."""
    lines = []
    said = says(finding)
    if said:
        lines += [f"The report: “{said[0]}”", f"Source: {said[1]}"] + [line for line in said[2:] if line]
    lines += paragraphs(source_lines(_spec(finding)))
    lines.append(f"Slide {FINDINGS.index(finding) + 1} in the dashboard: {link}&slide={FINDINGS.index(finding) + 1}")
    return "\n".join(lines)


# A deck PDF slide (templates/deck.typ): 720 x 405 pt, 652 pt wide within its margins. The chart's row takes the
# height the headline, the chart's source and the report's words leave; Typst measures it (a first compile without
# the charts), and each chart is drawn at its row's size.
SLIDE_WIDTH = 652


def chart_heights(data: dict) -> list[float]:
    """The height (pt) each deck PDF slide leaves its chart, as Typst lays the slide out."""
    bare = {**data, "slides": [{**slide, "chart": ""} for slide in data["slides"]]}
    with tempfile.TemporaryDirectory(prefix="sme-deck-") as folder:
        root = Path(folder)
        (root / "main.typ").write_text((typeset.TEMPLATES / "deck.typ").read_text(encoding="utf-8"), encoding="utf-8")
        (root / "data.json").write_text(json.dumps(bare, ensure_ascii=False), encoding="utf-8")
        found = typst.query(str(root / "main.typ"), "<chart-box>", field="value", root=str(root),
                            ignore_system_fonts=True)
    return [float(height) for height in json.loads(found)]


def deck_pdf(link: str, today: str, room: Room | None = None, room_link: str = "") -> bytes:
    """Every key finding as a 16:9 slide, one a page; each chart drawn at its box's size, with 14 pt type. A live
    session's `room` adds its results after the findings (room_deck.py)."""
    slides = []
    for number, finding in enumerate(FINDINGS, start=1):
        said = says(finding)
        slides.append({"headline": finding.headline, "chart": f"slide-{number}.pdf",
                       "chart_source": paragraphs(source_lines(_spec(finding))),
                       "quote": said[0] if said else "", "source": said[1] if said else "",
                       "mark": said[2] if said else "", "link": f"{link}&slide={number}"})
    data = {"report": citation.TITLE, "date": today, "slides": slides, "citation": citation.apa(),
            "caption": "Workshop, Brussels, 13 June 2016"}
    if room is not None:
        data["room"] = room_deck.pdf_section(room, room_link)
    files = {slide["chart"]: vl_convert.vegalite_to_pdf(slide_print.slide_spec(
        _spec(finding, large=True), SLIDE_WIDTH, int(height)))
        for finding, slide, height in zip(FINDINGS, slides, chart_heights(data), strict=True)}
    return typeset.compile_pdf("deck.typ", data, files)


def _picture(slide, finding, left, top, width, height) -> None:
    """The slide's chart as a picture filling the box, drawn at the box's size in pt: its type prints at 14 pt."""
    spec = slide_print.slide_spec(_spec(finding, large=True), int(Emu(width).pt), int(Emu(height).pt))
    slide.shapes.add_picture(io.BytesIO(vl_convert.vegalite_to_png(spec, scale=3)), left, top, width, height)


def deck_pptx(link: str, today: str, room: Room | None = None) -> bytes:
    """The deck as PowerPoint: a slide per finding, native bar charts, the report's words in the notes; a live
    session's `room` adds its results after the findings (room_deck.py)."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(13.333), Inches(7.5)
    layout = deck.slide_layouts[5]  # title only
    for number, finding in enumerate(FINDINGS, start=1):
        slide = deck.slides.add_slide(layout)
        title = slide.shapes.title
        title.left, title.top, title.width, title.height = Inches(0.5), Inches(0.3), Inches(12.3), Inches(1.2)
        title.text = finding.headline
        title.text_frame.paragraphs[0].font.size = Pt(32)
        spec = _spec(finding)
        native = deck_charts.native_chart(_spec(finding, large=True))
        said = says(finding)
        # A picture's source lines go under the report's words: the picture gives up their height.
        below = len(paragraphs(source_lines(spec))) * 0.25 if said and not native else 0
        box = (Inches(0.5), Inches(1.55), Inches(12.3), Inches(4.5 - below))
        if native:
            deck_charts.add_chart(slide, native, *box)
        else:
            _picture(slide, finding, *box)
        words = slide.shapes.add_textbox(Inches(0.5), Inches(6.1 - below), Inches(12.3), Inches(1.2)).text_frame
        words.word_wrap = True
        # The source's own paragraphs, each a paragraph of the text box (never its wrapped lines run together).
        words.text = f"“{said[0]}”" if said else "\n".join(paragraphs(source_lines(spec)))
        for paragraph in words.paragraphs:
            paragraph.font.size = Pt(16)
        source = words.add_paragraph()
        source.text = (said[1] if said else f"Key finding {number} of {len(FINDINGS)}") + f" · {citation.TITLE}"
        source.font.size = Pt(12)
        if said and said[2]:  # where the report contradicts itself, the slide says so, as the views do
            mark = words.add_paragraph()
            mark.text = said[2]
            mark.font.size, mark.font.color.rgb = Pt(12), RGBColor(0xB4, 0x23, 0x18)
        if said and not native:  # a picture's source lines are the slide's, as a native chart's axis is
            for line in paragraphs(source_lines(spec)):
                chart_source = words.add_paragraph()
                chart_source.text, chart_source.font.size = line, Pt(12)
        slide.notes_slide.notes_text_frame.text = notes(finding, link)
    if room is not None:
        room_deck.add_pptx_slides(deck, room, layout)
    deck.core_properties.title = f"{citation.TITLE}: key findings"
    deck.core_properties.comments = json.dumps({"built": today, "link": link})
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()
