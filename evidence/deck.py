"""The presenter's slides as files: one PDF (a 16:9 slide a page, set with Typst) and a PowerPoint deck
(python-pptx) whose bar charts are native, editable PowerPoint charts with the numbers the app draws, and the
report's words and sources in the speaker notes. And one slide's chart as PNG or SVG, titled with its headline.

The numbers of a native chart are read from the chart's own Vega-Lite specification (the rows the app draws),
so PowerPoint shows what the slide shows. Charts with marks PowerPoint has no match for (the WHAT/HOW heatmap,
shares drawn with qualifier markers, a rule for an unprinted value) go in as a picture."""

from __future__ import annotations

import io
import json

import vl_convert
from pptx import Presentation
from pptx.util import Emu, Inches, Pt

from evidence import chart_panel, citation, deck_charts, store, typeset
from evidence.charts.base import SUBTITLE_WIDTH
from evidence.findings import FINDINGS, Finding


def _spec(finding: Finding, large: bool = False) -> dict:
    """The chart of a finding: as a page draws it, or (`large`) as the presenter's slide draws it."""
    return chart_panel.chart_spec(finding.chart, finding.query, finding.params, large=large)


def source_lines(spec: dict) -> list[str]:
    """The chart's source line and notes (its subtitle), in the lines the chart draws them."""
    title = spec.get("title") or {}
    return [str(line) for line in (title.get("subtitle") or [])] if isinstance(title, dict) else []


def paragraphs(lines: list[str]) -> list[str]:
    """A chart's source lines (wrapped to fit a phone) as the paragraphs they were."""
    return deck_charts.paragraphs(lines, SUBTITLE_WIDTH)


def says(finding: Finding) -> tuple[str, str] | None:
    """The report's sentence under the slide and its source, as the slide shows them."""
    if finding.says is None:
        return None
    rows = store.rows(finding.says.query, **finding.says.params)
    row = rows[rows[finding.says.key_column] == finding.says.key].iloc[0]
    return str(row[finding.says.text_column]), store.source_label(row[finding.says.source_column])


def slide_spec(finding: Finding, headline: bool) -> dict:
    spec = _spec(finding)
    if headline:
        return typeset.with_title(spec, finding.headline)
    lines = source_lines(spec)
    return {**spec, "title": {"text": lines[0] if lines else "", "subtitle": lines[1:], "anchor": "start",
                              "color": "#595959", "fontWeight": "normal", "fontSize": 13}}


def slide_chart(slug: str, kind: str) -> bytes:
    """One slide's chart as PNG or SVG, with the slide's headline as its title (built when the reader clicks)."""
    finding = next(f for f in FINDINGS if f.slug == slug)
    spec = slide_spec(finding, headline=True)
    if not isinstance(spec.get("width"), int) and "hconcat" not in spec:
        spec["width"] = chart_panel.EXPORT_WIDTH
    if kind == "png":
        return vl_convert.vegalite_to_png(spec, scale=2)
    return vl_convert.vegalite_to_svg(spec).encode("utf-8")


def notes(finding: Finding, link: str) -> str:
    """The speaker notes: the report's words and their source, the chart's source, the slide's link."""
    lines = []
    said = says(finding)
    if said:
        lines += [f"The report: “{said[0]}”", f"Source: {said[1]}"]
    lines += paragraphs(source_lines(_spec(finding)))
    lines.append(f"Slide {FINDINGS.index(finding) + 1} in the dashboard: {link}&slide={FINDINGS.index(finding) + 1}")
    return "\n".join(lines)


def deck_pdf(link: str, today: str) -> bytes:
    """Every key finding as a 16:9 slide, one a page."""
    slides, files = [], {}
    for number, finding in enumerate(FINDINGS, start=1):
        file = f"slide-{number}.pdf"
        files[file] = typeset.chart_pdf(slide_spec(finding, headline=False), width=typeset.SLIDE_CHART_WIDTH)
        said = says(finding)
        slides.append({"headline": finding.headline, "chart": file, "quote": said[0] if said else "",
                       "source": said[1] if said else "", "link": f"{link}&slide={number}"})
    data = {"report": citation.TITLE, "date": today, "slides": slides, "citation": citation.apa(),
            "caption": "Workshop, Brussels, 13 June 2016"}
    return typeset.compile_pdf("deck.typ", data, files)


def _picture(slide, finding, left, top, width, height) -> None:
    spec = slide_spec(finding, headline=False)
    if not isinstance(spec.get("width"), int) and "hconcat" not in spec:
        spec["width"] = 1100
    picture = slide.shapes.add_picture(io.BytesIO(vl_convert.vegalite_to_png(spec, scale=2)), left, top)
    scale = min(width / picture.width, height / picture.height)
    picture.width, picture.height = Emu(int(picture.width * scale)), Emu(int(picture.height * scale))


def deck_pptx(link: str, today: str) -> bytes:
    """The deck as PowerPoint: a slide per finding, native bar charts, the report's words in the notes."""
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
        box = (Inches(0.5), Inches(1.55), Inches(12.3), Inches(4.5))
        native = deck_charts.native_chart(_spec(finding, large=True))
        if native:
            deck_charts.add_chart(slide, native, *box)
        else:
            _picture(slide, finding, *box)
        said = says(finding)
        words = slide.shapes.add_textbox(Inches(0.5), Inches(6.1), Inches(12.3), Inches(1.2)).text_frame
        words.word_wrap = True
        # The source's own paragraphs, each a paragraph of the text box (never its wrapped lines run together).
        words.text = f"“{said[0]}”" if said else "\n".join(paragraphs(source_lines(spec)))
        for paragraph in words.paragraphs:
            paragraph.font.size = Pt(16)
        source = words.add_paragraph()
        source.text = (said[1] if said else f"Key finding {number} of {len(FINDINGS)}") + f" · {citation.TITLE}"
        source.font.size = Pt(12)
        slide.notes_slide.notes_text_frame.text = notes(finding, link)
    deck.core_properties.title = f"{citation.TITLE}: key findings"
    deck.core_properties.comments = json.dumps({"built": today, "link": link})
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()
