"""How to cite: the report's reference (APA, BibTeX, RIS) and a citation of a view with its link and access date.

Only what the report says about itself (section 1 and its closing abstract): its subject's title, the workshop
of 13 June 2016 in Brussels, organised by the InnovationLab of Salzburg Research GmbH on behalf of the European
Commission's DG Research and Innovation. The report names no author, editor, publisher, year of publication,
DOI or ISBN, so the references leave those fields out (APA's "n.d." stands for the missing date)."""

from __future__ import annotations

import html

import streamlit as st

TITLE = "Internationalisation of Innovation in SMEs"
# The report's own description of itself (closing abstract) and of who organised the workshop (section 1).
DESCRIPTION = "Report on the expert workshop held on 13 June 2016 in Brussels"
ORGANISED = ("Workshop organised by the InnovationLab of Salzburg Research GmbH on behalf of the European "
             "Commission's DG Research and Innovation")
DASHBOARD = "SME innovation internationalisation: an evidence dashboard"
LEFT_OUT = "The report names no author, editor, publisher, year of publication, DOI or ISBN; they are left out."


def apa() -> str:
    """APA 7: a work with no author starts with its title; no date is "n.d."; the description in brackets."""
    return f"{TITLE} [{DESCRIPTION}]. (n.d.). {ORGANISED}."


def bibtex() -> str:
    return "\n".join([
        "@misc{internationalisation_innovation_smes_workshop,",
        f"  title        = {{{{{TITLE}}}}},",
        f"  howpublished = {{{DESCRIPTION}}},",
        f"  note         = {{{ORGANISED}. {LEFT_OUT}}}",
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


# The view's citation is finished in the browser: only the browser knows the address it shows (location.href),
# as for the share box. The text around the link is fixed (the view's title is the page's own, escaped).
_VIEW_BOX = """
<div class="sme-cite">
  <label for="sme-cite-view">This view, with its link and today's date</label>
  <textarea id="sme-cite-view" class="sme-cite-view" readonly rows="4" data-before="{before}"
    data-after="{after}"></textarea>
</div>
<style>
.sme-cite label {{ display: block; font-size: 0.9rem; margin-bottom: 0.25rem; }}
.sme-cite-view {{ width: 100%; box-sizing: border-box; font-family: "Source Code Pro", monospace;
  font-size: 0.8rem; padding: 0.4rem; border: 1px solid #6b6f76; border-radius: 0.4rem; color: #262730;
  background: #fff; resize: vertical; }}
</style>
<script>
(function () {{
  const fill = () => document.querySelectorAll("textarea.sme-cite-view").forEach((box) => {{
    const today = new Date().toISOString().slice(0, 10);
    const text = box.dataset.before + location.href + box.dataset.after.replace("{{date}}", today);
    if (box.value !== text) box.value = text;
  }});
  fill();
  if (!window.smeCiteTimer) window.smeCiteTimer = setInterval(fill, 400);
}})();
</script>
"""


def view_box_html(view: str) -> str:
    before, after = view_citation(view, "\x00", "{date}").split("\x00")
    return _VIEW_BOX.format(before=html.escape(before, quote=True), after=html.escape(after, quote=True))


def cite_this(view: str) -> None:
    """The *Cite this* popover: the report as APA, BibTeX and RIS, and this view with its link, ready to copy."""
    with st.popover("Cite this", icon=":material/format_quote:"):
        st.caption("The report (APA 7). " + LEFT_OUT)
        st.code(apa(), language=None, wrap_lines=True)
        st.caption("BibTeX")
        st.code(bibtex(), language="bibtex", wrap_lines=True)
        st.caption("RIS, for reference managers")
        st.code(ris(), language=None)
        st.download_button("RIS file", data=ris, file_name="internationalisation-innovation-smes.ris",
                           mime="application/x-research-info-systems", on_click="ignore", icon=":material/download:",
                           key="cite-ris")
        st.html(view_box_html(view), unsafe_allow_javascript=True)
