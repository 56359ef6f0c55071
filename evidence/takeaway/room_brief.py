"""The room's brief (issue 25): a live session's results as a PDF, set like every brief (Typst, a fixed template
reading its data as plain text): the session's date and n, then item by item the question or the report's
statement, the room's whole distribution in the room's own style beside the report's figures and words for the
same item, and the room's visible comments. Built when the presenter clicks, on the results view (room_offer.py).
"""

from __future__ import annotations

from dataclasses import asdict

from evidence.content import citation
from evidence.takeaway import typeset
from evidence.takeaway.room_items import NOT_THE_REPORT, Room

LEGEND = ("In the dashed violet box with hatched bars, labelled This room: the room's answers. Under The report: "
          "the report's figures and, in quotation marks, its exact words, with their sources. The room's comments "
          "(▸) are its own words, never the report's.")


def brief_data(room: Room, link: str, today: str) -> dict:
    """The template's data: plain values only (the template sets every string as text)."""
    items = []
    for item in room.items:
        fields = asdict(item)
        fields["bars"] = [{**asdict(bar), "share_words": f"{bar.share:.0%}"} for bar in item.bars]
        items.append(fields)
    return {"report": citation.TITLE, "kind": "The room's answers beside the report (live mode)",
            "title": room.heading, "date": room.date, "summary": room.summary, "link": link, "built": today,
            "not_the_report": NOT_THE_REPORT, "legend": LEGEND, "items": items,
            "nothing": "The room was asked nothing in this session.",
            "citation": citation.apa(), "left_out": citation.LEFT_OUT}


def build(room: Room, link: str, today: str) -> bytes:
    """The room's brief as PDF bytes. `link` is the results view's address without the presenter's secret."""
    return typeset.compile_pdf("room.typ", brief_data(room, link, today))
