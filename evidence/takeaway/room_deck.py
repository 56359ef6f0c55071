"""The deck's section of a live session's results (issue 25): after the findings, a slide that says what the room is
and is not, then a slide per question asked: the room's distribution in the room's own style (a dashed violet box,
hatched bars, `This room, <date>, n = N`) beside the report's figures and words for the same item. In the PDF deck
the template draws it (templates/deck.typ, `room`); in the PowerPoint deck the room's bars are a native chart
(hatched violet, outlined), and the speaker notes say what the room is and is not. The ordinary deck has none."""

from __future__ import annotations

from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION
from pptx.enum.dml import MSO_LINE_DASH_STYLE, MSO_PATTERN
from pptx.enum.shapes import MSO_SHAPE
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

from evidence.takeaway.room_items import NOT_THE_REPORT, Item, Room, Said
from evidence.ui.live_room import ROOM

VIOLET = RGBColor.from_string(ROOM.lstrip("#"))
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
GREY = RGBColor(0x59, 0x59, 0x59)
COMMENTS_ON_A_SLIDE = 3  # the newest; the notes hold every visible one
SAID_ON_A_SLIDE = 5  # the report's figures and words that fit beside the room's; the notes hold them all


def _on_slide(item: Item) -> tuple[Said, ...]:
    """What of the report's side a slide has room for: its figures and marks first, then its words, whole."""
    figures = [said for said in item.report if not said.quoted]
    words = [said for said in item.report if said.quoted]
    if item.kind == "finding":
        return item.report[:SAID_ON_A_SLIDE]
    return tuple(figures[:SAID_ON_A_SLIDE - 1] + words[:1])


def footer(room: Room) -> str:
    return f"This room's answers, live session {room.code}, {room.date}: not the report's"


def pdf_section(room: Room, link: str) -> dict:
    """The `room` data of templates/deck.typ."""
    slides = [{"heading": item.heading, "heading_quoted": item.heading_quoted, "asked": item.asked,
               "label": item.label, "bars": [{"label": bar.label, "count": bar.count, "share": bar.share,
                                             "share_words": f"{bar.share:.0%}"} for bar in item.bars],
               "comments": list(item.comments[:COMMENTS_ON_A_SLIDE]),
               "report": [{"text": s.text, "source": s.source, "quoted": s.quoted} for s in _on_slide(item)]}
              for item in room.items]
    return {"heading": room.heading, "summary": room.summary, "not_the_report": NOT_THE_REPORT, "link": link,
            "footer": footer(room), "slides": slides}


def notes(room: Room, item: Item | None) -> str:
    """What the room is and is not, the room's figures in words, its comments, and the report's side in full."""
    lines = [NOT_THE_REPORT]
    if item is None:
        return "\n".join([room.summary, *lines])
    lines += [f"{item.label}: " + "; ".join(f"{bar.label} {bar.words}" for bar in item.bars) + ".",
              f"Asked: {item.asked}"]
    lines += [f"A comment from the room (its words, not the report's): {comment}" for comment in item.comments]
    lines += [(f"The report: “{said.text}”" if said.quoted else f"The report: {said.text}") +
              (f" ({said.source})" if said.source else "") for said in item.report]
    return "\n".join(lines)


def _text(slide, left, top, width, height, paragraphs: list[tuple[str, int, RGBColor | None, bool]]) -> None:
    frame = slide.shapes.add_textbox(left, top, width, height).text_frame
    frame.word_wrap = True
    for index, (text, size, colour, bold) in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = text
        paragraph.font.size, paragraph.font.bold = Pt(size), bold
        if colour is not None:
            paragraph.font.color.rgb = colour


def _room_chart(slide, item: Item, left, top, width, height) -> None:
    """The room's distribution as a native bar chart in the room's style: violet hatching on white, outlined."""
    data = CategoryChartData(number_format="General")
    data.categories = [bar.label for bar in item.bars]
    data.add_series(item.label, [bar.count for bar in item.bars])
    chart = slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, left, top, width, height, data).chart
    chart.has_title, chart.has_legend = False, False  # the label above the chart says whose answers they are
    chart.font.size = Pt(14)
    chart.category_axis.reverse_order = True  # the first choice on top, as the phone offers them
    chart.category_axis.has_major_gridlines = False
    values = chart.value_axis
    values._element.find(qn("c:crosses")).set("val", "max")  # the axis at the bottom, as the app's charts
    values.minimum_scale, values.maximum_scale = 0, max(max(bar.count for bar in item.bars), 1) * 1.3
    values.major_unit = max(1, round(max(bar.count for bar in item.bars) / 4)) if item.n else 1
    values.tick_labels.number_format, values.tick_labels.number_format_is_linked = "0", False
    values.has_major_gridlines = False
    values.has_title = True
    values.axis_title.text_frame.text = "answers in this room"
    values.axis_title.text_frame.paragraphs[0].font.size = Pt(12)
    values.axis_title.text_frame.paragraphs[0].font.bold = False
    plot = chart.plots[0]
    plot.gap_width = 70
    series = plot.series[0]
    series.format.fill.patterned()
    series.format.fill.pattern = MSO_PATTERN.WIDE_UPWARD_DIAGONAL
    series.format.fill.fore_color.rgb, series.format.fill.back_color.rgb = VIOLET, WHITE
    series.format.line.color.rgb, series.format.line.width = VIOLET, Pt(1.25)
    series.invert_if_negative = False
    for index, bar in enumerate(item.bars):
        label = series.points[index].data_label
        label.text_frame.text = bar.words
        label.text_frame.paragraphs[0].font.size = Pt(14)
        label.text_frame.paragraphs[0].font.color.rgb = VIOLET
        label.position = XL_LABEL_POSITION.OUTSIDE_END


def _dashed_box(slide, left, top, width, height) -> None:
    box = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, left, top, width, height)
    box.fill.background()
    box.line.color.rgb, box.line.width, box.line.dash_style = VIOLET, Pt(1.5), MSO_LINE_DASH_STYLE.DASH
    box.shadow.inherit = False


def add_pptx_slides(deck, room: Room, layout) -> None:
    """The room's section at the end of a PowerPoint deck: the section slide, then a slide per question asked."""
    slide = deck.slides.add_slide(layout)
    slide.shapes.title.text = room.heading
    slide.shapes.title.text_frame.paragraphs[0].font.color.rgb = VIOLET
    _dashed_box(slide, Inches(0.5), Inches(2.0), Inches(12.3), Inches(3.2))
    _text(slide, Inches(0.7), Inches(2.2), Inches(11.9), Inches(2.8),
          [(room.summary, 22, VIOLET, True), (NOT_THE_REPORT, 18, None, False)])
    slide.notes_slide.notes_text_frame.text = notes(room, None)
    for item in room.items:
        slide = deck.slides.add_slide(layout)
        title = slide.shapes.title
        title.left, title.top, title.width, title.height = Inches(0.5), Inches(0.2), Inches(12.3), Inches(1.2)
        title.text = f"“{item.heading}”" if item.heading_quoted else item.heading
        title.text_frame.paragraphs[0].font.size = Pt(26 if len(item.heading) < 110 else 20)
        _text(slide, Inches(0.5), Inches(1.4), Inches(12.3), Inches(0.4), [(item.asked, 12, GREY, False)])
        _dashed_box(slide, Inches(0.5), Inches(1.9), Inches(6.3), Inches(5.2))
        _text(slide, Inches(0.65), Inches(1.95), Inches(6.0), Inches(0.5), [(item.label, 18, VIOLET, True)])
        shown = item.comments[:COMMENTS_ON_A_SLIDE]
        _room_chart(slide, item, Inches(0.65), Inches(2.45), Inches(6.0), Inches(4.5 - 0.4 * len(shown)))
        if shown:
            _text(slide, Inches(0.65), Inches(6.95 - 0.4 * len(shown)), Inches(6.0), Inches(0.4 * len(shown)),
                  [(f"▸ {comment}", 12, VIOLET, False) for comment in shown])
        said = [("The report", 18, None, True)]
        for one in _on_slide(item):
            said.append((f"“{one.text}”" if one.quoted else one.text, 14, None, False))
            if one.source:
                said.append((one.source, 11, GREY, False))
        _text(slide, Inches(7.1), Inches(1.95), Inches(5.7), Inches(5.1), said)
        slide.notes_slide.notes_text_frame.text = notes(room, item)
