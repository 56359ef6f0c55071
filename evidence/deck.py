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
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.util import Emu, Inches, Pt

from evidence import chart_panel, citation, typeset
from evidence.findings import FINDINGS, Finding
from evidence.slide_words import slide_words

NATIVE_MARKS = {"bar", "text"}  # a chart drawn only with these becomes a native PowerPoint bar chart


def _spec(finding: Finding) -> dict:
    return chart_panel.chart_spec(finding.chart, finding.query, finding.params)


def _layers(spec: dict, data: dict | None = None):
    data = spec.get("data", data)
    for sub in spec.get("layer", []) + spec.get("hconcat", []) + spec.get("vconcat", []):
        yield from _layers(sub, data)
    if "mark" in spec:
        mark = spec["mark"]["type"] if isinstance(spec["mark"], dict) else spec["mark"]
        yield mark, spec.get("encoding", {}), data


def source_lines(spec: dict) -> list[str]:
    """The chart's source line and notes (its subtitle)."""
    title = spec.get("title") or {}
    return [str(line) for line in (title.get("subtitle") or [])] if isinstance(title, dict) else []


def says(finding: Finding) -> tuple[str, str, str, str] | None:
    """The report's sentence under the slide, its source, the mark where the report contradicts itself about it
    and the other side's words ("" if not), as the slide shows them."""
    said = slide_words(finding)
    return (said.quote, said.source, said.mark(), said.other_words()) if said else None


def chart_numbers(spec: dict) -> tuple[list[str], dict[str, list[float | None]], bool] | None:
    """(categories, {series: values}, stacked) of a bar chart, from the rows it draws; None for other charts."""
    layers = list(_layers(spec))
    if not layers or {mark for mark, _, _ in layers} - NATIVE_MARKS:
        return None
    mark, encoding, data = next(layer for layer in layers if layer[0] == "bar")
    rows = spec.get("datasets", {}).get((data or {}).get("name"), [])
    category = encoding["y"]["field"]
    counted = encoding["x"].get("aggregate") == "count"
    value = None if counted else encoding["x"]["field"]
    series_field = (encoding.get("yOffset") or encoding.get("opacity") or {}).get("field")
    stacked = "yOffset" not in encoding and series_field is not None
    order = encoding["y"].get("sort")
    categories = list(order) if isinstance(order, list) else list(dict.fromkeys(r[category] for r in rows))
    if order == "-x":
        categories.sort(key=lambda c: -max((r[value] or 0) for r in rows if r[category] == c))
    text = next((enc.get("text", {}).get("field") for mark, enc, _ in layers if mark == "text"), None)
    names = list(dict.fromkeys(r[series_field] for r in rows)) if series_field else ["value"]

    def unstated(row) -> str:
        # A bar the app draws at 0 with words for its label ("specific cases") has no number: a gap in
        # PowerPoint, and the words go with the category.
        said = str(row.get(text) or "") if text and not counted else ""
        return said if row.get(value) == 0 and said and not any(ch.isdigit() for ch in said) else ""

    series = {}
    for name in names:
        picked = [r for r in rows if not series_field or r[series_field] == name]
        series[str(name)] = [
            float(len([r for r in picked if r[category] == c])) if counted else
            next((None if unstated(r) else r[value] for r in picked if r[category] == c), None)
            for c in categories]
    words = {c: "; ".join(dict.fromkeys(unstated(r) for r in rows if r[category] == c and unstated(r)))
             for c in categories}
    labels = [str(c).replace("\n", " ") + (f" ({words[c]})" if words[c] else "") for c in categories]
    return labels, series, stacked


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
        lines += [f"The report: “{said[0]}”", f"Source: {said[1]}"] + [line for line in said[2:] if line]
    lines += source_lines(_spec(finding))
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
                       "source": said[1] if said else "", "mark": said[2] if said else "",
                       "link": f"{link}&slide={number}"})
    data = {"report": citation.TITLE, "date": today, "slides": slides, "citation": citation.apa(),
            "caption": "Workshop, Brussels, 13 June 2016"}
    return typeset.compile_pdf("deck.typ", data, files)


def _log_scale(spec: dict) -> bool:
    return any(mark == "bar" and (enc.get("x", {}).get("scale") or {}).get("type") == "log"
               for mark, enc, _ in _layers(spec))


def _native_chart(slide, numbers, left, top, width, height, log: bool = False) -> None:
    categories, series, stacked = numbers
    data = CategoryChartData()
    data.categories = categories
    for name, values in series.items():
        data.add_series(name, values)
    kind = XL_CHART_TYPE.BAR_STACKED if stacked else XL_CHART_TYPE.BAR_CLUSTERED
    chart = slide.shapes.add_chart(kind, left, top, width, height, data).chart
    chart.has_legend = len(series) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
    chart.category_axis.reverse_order = True  # the first category on top, as in the app
    chart.category_axis.tick_labels.font.size = Pt(14)
    chart.value_axis.tick_labels.font.size = Pt(12)
    if log:  # the budgets span EUR 600,000 to EUR 6 billion: a log axis, as in the app
        from pptx.oxml.ns import qn

        scaling = chart.value_axis._element.find(qn("c:scaling"))
        scaling.insert(0, scaling.makeelement(qn("c:logBase"), {"val": "10"}))
        chart.value_axis.minimum_scale = 1e5
    plot = chart.plots[0]
    plot.has_data_labels = True
    plot.data_labels.font.size = Pt(12)
    plot.data_labels.number_format = "General"
    plot.data_labels.number_format_is_linked = False


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
        box = (Inches(0.5), Inches(1.6), Inches(12.3), Inches(4.4))
        numbers = chart_numbers(spec)
        if numbers:
            _native_chart(slide, numbers, *box, log=_log_scale(spec))
        else:
            _picture(slide, finding, *box)
        said = says(finding)
        words = slide.shapes.add_textbox(Inches(0.5), Inches(6.1), Inches(12.3), Inches(1.2)).text_frame
        words.word_wrap = True
        words.text = f"“{said[0]}”" if said else "; ".join(source_lines(spec))
        words.paragraphs[0].font.size = Pt(16)
        source = words.add_paragraph()
        source.text = (said[1] if said else f"Key finding {number} of {len(FINDINGS)}") + f" · {citation.TITLE}"
        source.font.size = Pt(12)
        if said and said[2]:  # where the report contradicts itself, the slide says so, as the views do
            mark = words.add_paragraph()
            mark.text = said[2]
            mark.font.size, mark.font.color.rgb = Pt(12), RGBColor(0xB4, 0x23, 0x18)
        slide.notes_slide.notes_text_frame.text = notes(finding, link)
    deck.core_properties.title = f"{citation.TITLE}: key findings"
    deck.core_properties.comments = json.dumps({"built": today, "link": link})
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()
