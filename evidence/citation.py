"""How to cite: the report's reference (APA, BibTeX, RIS) and a citation of a view with its link and access date.

Only what the report says about itself (section 1 and its closing abstract): its subject's title, the workshop
of 13 June 2016 in Brussels, organised by the InnovationLab of Salzburg Research GmbH on behalf of the European
Commission's DG Research and Innovation. The report names no author, editor, publisher, year of publication,
DOI or ISBN, so the references leave those fields out (APA's "n.d." stands for the missing date)."""

from __future__ import annotations

import functools
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


# One fixed block of HTML (a single element on every rerun): the references, each with a copy button, and the
# view's citation, finished in the browser: only the browser knows the address it shows (location.href), as for
# the share box. Every text in it is escaped; none comes from the data folder.
_BOX = """
<div class="sme-cite">{boxes}
  <button type="button" class="sme-cite-ris">Download the RIS file</button>
  <p class="sme-cite-status" role="status" aria-live="polite"></p>
</div>
<style>
.sme-cite label {{ display: block; font-size: 0.9rem; margin: 0.6rem 0 0.2rem 0; }}
.sme-cite-row {{ display: flex; gap: 0.4rem; align-items: flex-start; }}
.sme-cite textarea {{ flex: 1 1 auto; min-width: 0; box-sizing: border-box; font-family: "Source Code Pro",
  monospace; font-size: 0.78rem; padding: 0.4rem; border: 1px solid #6b6f76; border-radius: 0.4rem;
  color: #262730; background: #fff; resize: vertical; }}
.sme-cite-copy {{ padding: 0.35rem 0.7rem; border-radius: 0.4rem; border: 1px solid #0072B2; background: #0072B2;
  color: #fff; font-weight: 600; cursor: pointer; }}
.sme-cite-copy:focus-visible, .sme-cite textarea:focus-visible, .sme-cite-ris:focus-visible {{
  outline: 3px solid #0072B2; outline-offset: 2px; }}
.sme-cite-ris {{ margin-top: 0.6rem; padding: 0.35rem 0.7rem; border-radius: 0.4rem; border: 1px solid #0072B2;
  background: #fff; color: #0072B2; font-weight: 600; cursor: pointer; }}
.sme-cite-status {{ min-height: 1.1rem; margin: 0.2rem 0 0 0; font-size: 0.85rem; }}
.sme-cite-note {{ font-size: 0.8rem; color: #555; margin: 0.3rem 0 0 0; }}
</style>
<script>
(function () {{
  const fill = () => document.querySelectorAll("textarea.sme-cite-view").forEach((box) => {{
    const today = new Date().toISOString().slice(0, 10);
    const text = box.dataset.before + location.href + box.dataset.after.replace("{{date}}", today);
    if (box.value !== text) box.value = text;
  }});
  fill();
  if (window.smeCite) return;
  window.smeCite = setInterval(fill, 400);
  document.addEventListener("click", (event) => {{
    const file = event.target.closest && event.target.closest("button.sme-cite-ris");
    if (file) {{  // the RIS text as a file, made in the browser from the box above
      const text = file.closest(".sme-cite").querySelector("textarea.sme-cite-ris").value;
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([text], {{ type: "application/x-research-info-systems" }}));
      link.download = "internationalisation-innovation-smes.ris";
      document.body.appendChild(link); link.click(); link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
      return;
    }}
    const button = event.target.closest && event.target.closest("button.sme-cite-copy");
    if (!button) return;
    const box = button.parentElement.querySelector("textarea");
    const status = button.closest(".sme-cite").querySelector(".sme-cite-status");
    fill();
    const done = (ok) => {{ status.textContent = ok ? "Copied." : "Select the text and copy it (Ctrl+C)."; }};
    const fallback = () => {{ box.select(); let ok = false; try {{ ok = document.execCommand("copy"); }}
      catch (e) {{ ok = false; }} done(ok); }};
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(box.value).then(
      () => done(true), fallback); else fallback();
  }});
}})();
</script>
"""
_ENTRY = """
  <label for="sme-cite-{name}">{label}</label>
  <div class="sme-cite-row"><textarea id="sme-cite-{name}" class="sme-cite-{name}" readonly rows="{rows}"{data}
    >{text}</textarea><button type="button" class="sme-cite-copy">Copy</button></div>"""


@functools.cache
def box_html(view: str) -> str:
    """The *Cite this* block for a view (built once per view title)."""
    before, after = view_citation(view, "\x00", "{date}").split("\x00")
    data = f' data-before="{html.escape(before)}" data-after="{html.escape(after)}"'
    entries = [("apa", "The report, APA 7", apa(), 4, ""), ("bibtex", "BibTeX", bibtex(), 5, ""),
               ("ris", "RIS, for reference managers", ris(), 4, ""),
               ("view", "This view, with its link and today's date", "", 4, data)]
    boxes = "".join(_ENTRY.format(name=name, label=label, text=html.escape(text), rows=rows, data=extra)
                    for name, label, text, rows, extra in entries)
    boxes += f'\n  <p class="sme-cite-note">{html.escape(LEFT_OUT)}</p>'
    return _BOX.format(boxes=boxes)


def cite_this(view: str) -> None:
    """The *Cite this* popover: the report as APA, BibTeX and RIS, and this view with its link, ready to copy."""
    with st.popover("Cite this", icon=":material/format_quote:"):
        st.html(box_html(view), unsafe_allow_javascript=True)
