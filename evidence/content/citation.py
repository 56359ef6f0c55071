"""How to cite: the report's reference (APA, BibTeX, RIS) and a citation of a view with its link and access date.

Only what the report says about itself (section 1 and its closing abstract): its subject's title, the workshop
of 13 June 2016 in Brussels, organised by the InnovationLab of Salzburg Research GmbH on behalf of the European
Commission's DG Research and Innovation. The report names no author, editor, publisher, year of publication,
DOI or ISBN, so the references leave those fields out (APA's "n.d." stands for the missing date)."""

from __future__ import annotations

import html

TITLE = "Internationalisation of Innovation in SMEs"
# The report's own description of itself (closing abstract) and of who organised the workshop (section 1).
DESCRIPTION = "Report on the expert workshop held on 13 June 2016 in Brussels"
ORGANISED = ("Workshop organised by the InnovationLab of Salzburg Research GmbH on behalf of the European "
             "Commission's DG Research and Innovation")
DASHBOARD = "SME innovation internationalisation: an evidence dashboard"
# The app's own remark, said beside the references (and in a brief), never inside one of their fields.
LEFT_OUT = "The report names no author, editor, publisher, year of publication, DOI or ISBN; they are left out."


def apa() -> str:
    """APA 7: a work with no author starts with its title; no date is "n.d."; the description in brackets."""
    return f"{TITLE} [{DESCRIPTION}]. (n.d.). {ORGANISED}."


def bibtex() -> str:
    """Every field holds the report's words about itself: a reference manager shows a field as the work's own."""
    return "\n".join([
        "@misc{internationalisation_innovation_smes_workshop,",
        f"  title        = {{{{{TITLE}}}}},",
        f"  howpublished = {{{DESCRIPTION}}},",
        f"  note         = {{{ORGANISED}}}",
        "}",
    ])


def ris() -> str:
    return "\n".join([
        "TY  - RPRT",
        f"TI  - {TITLE}",
        f"N1  - {DESCRIPTION}. {ORGANISED}.",
        "ER  - ",
    ])


def view_citation(view: str, link: str, accessed: str) -> str:
    """A citation of one view of the dashboard: what it is, its link and the date it was seen."""
    return (f"{DASHBOARD}: {view} [Interactive view of data from {TITLE}]. {link} (accessed {accessed}). "
            f"Data from: {apa()}")


# The *Cite this* block of a view: fixed text, escaped (none of it comes from the data folder). The browser script
# (evidence/takeaway/offer.js) puts it beside the view's take-away buttons and finishes the view's citation there:
# only the browser knows the address it shows (location.href), as for the share box.
_BOX = """<details class="sme-cite-details"><summary>Cite this</summary>
<div class="sme-cite">{boxes}
  <button type="button" class="sme-cite-ris">Download the RIS file</button>
  <p class="sme-cite-status" role="status" aria-live="polite"></p>
</div>
</details>"""
_ENTRY = """
  <label for="sme-cite-{name}">{label}</label>
  <div class="sme-cite-row"><textarea id="sme-cite-{name}" class="sme-cite-{name}" readonly rows="{rows}"{data}
    >{text}</textarea><button type="button" class="sme-cite-copy">Copy</button></div>"""


def box_html(view: str) -> str:
    """The *Cite this* block for a view: the report as APA, BibTeX and RIS, and the view with its link, to copy."""
    before, after = view_citation(view, "\x00", "{date}").split("\x00")
    data = f' data-before="{html.escape(before)}" data-after="{html.escape(after)}"'
    entries = [("apa", "The report, APA 7", apa(), 4, ""), ("bibtex", "BibTeX", bibtex(), 5, ""),
               ("ris", "RIS, for reference managers", ris(), 4, ""),
               ("view", "This view, with its link and today's date", "", 4, data)]
    boxes = "".join(_ENTRY.format(name=name, label=label, text=html.escape(text), rows=rows, data=extra)
                    for name, label, text, rows, extra in entries)
    boxes += f'\n  <p class="sme-cite-note">{html.escape(LEFT_OUT)}</p>'
    return _BOX.format(boxes=boxes)
