"""Printing a view as a reader does, from a laptop's window (Chromium's print of the page to A4, as Ctrl+P gives),
then reading the PDF as paper: no line under the pages' foot, the filters in words, the charts' type legible."""

import html
import re
import subprocess

import pytest

from .conftest import APP_CSS, CHART_DRAWN, WAIT_MS

LAPTOP = (1366, 768)
# Policy, section 4.2's SWOT: the sentence the foot used to hide (issue 23), as the report has it.
POLICY_SENTENCE = ("Many instruments predominantly aim at trade promotion, do not target innovative SMEs and are not "
                   "adapted to the specific needs of innovative SMEs.")
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
PT_PER_PX = 0.75
# The smallest type a chart may print at: 8 pt (the briefs' floor, issue 23). A word box of Liberation Sans, the
# charts' face, is 1.117 times its size high (its ascent and descent).
SMALLEST_PT = 8
A4_TEXT_WIDTH_PX = (210 - 2 * 12) / 25.4 * 96  # A4 less assets/print.css's margins, in CSS px


def printed(tab, path: str, tmp_path, last: str):
    """The view's link opened at a laptop's size, drawn to its last heading (`last`) and its tables' print copies,
    printed to A4 as Chromium's print does: (the page, the PDF's path)."""
    page = tab(*LAPTOP)
    page.page.goto(page.server + path)
    page.settle(WAIT_MS)
    page.page.wait_for_function(APP_CSS, timeout=WAIT_MS)
    page.page.locator("style#sme-takeaway-styles").wait_for(state="attached")
    page.page.get_by_role("heading", name=last).wait_for(timeout=WAIT_MS)
    page.page.locator(CHART_DRAWN).first.wait_for(timeout=WAIT_MS)
    page.page.wait_for_function("""() => Array.from(document.querySelectorAll('[class*="st-key-print-table-"]'))
                                   .every((copy) => copy.querySelector('table'))""", timeout=WAIT_MS)
    page.page.emulate_media(media="print")
    page.quiet(500)  # the charts redraw at the page's width
    pdf = tmp_path / "print.pdf"
    page.page.pdf(path=str(pdf), format="A4")
    return page, pdf


def pages(pdf) -> list[tuple[float, list[tuple[float, float, float, float, str]]]]:
    """Each page of the PDF: its height (pt) and its words with their boxes (x0, y0, x1, y1, text), from poppler."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [(float(height), [(float(a), float(b), float(c), float(d), html.unescape(text))
                             for a, b, c, d, text in WORD.findall(body)])
            for _, height, body in PAGE.findall(out)]


def foot_and_body(height: float, words: list) -> tuple[str, list[str], list]:
    """A page's foot (every word reaching below the top of its "Printed"): the link's pieces joined, the other words
    of the foot; and, apart, the page's other words."""
    printed_at = [w for w in words if w[4] == "Printed" and w[1] > height * 0.9]
    assert len(printed_at) == 1, f"no foot on this page: {[w[4] for w in words][-12:]}"
    band = printed_at[0][1] - 2
    foot = sorted((w for w in words if w[3] > band), key=lambda w: (round(w[1]), w[0]))
    dated = [w[4] for w in foot if w[4] == "Printed" or re.fullmatch(r"\d{4}-\d\d-\d\d", w[4])]
    return "".join(w[4] for w in foot if w[4] not in dated), dated, [w for w in words if w[3] <= band]


def healthy(page, path: str) -> None:
    """No exception on the view, and no console error but Streamlit's probes of a deep link (README)."""
    assert page.page.locator('[data-testid="stException"]').count() == 0
    assert page.deep_link_errors(path.strip("/").split("?")[0] or "none") == []


@pytest.mark.parametrize(("path", "last"), [("/", "Study vs experts"),
                                            ("/policy", "Recommendations, and who made them")])
def test_no_line_is_printed_under_the_pages_foot(tab, tmp_path, path, last):
    page, pdf = printed(tab, path, tmp_path, last)
    link = page.page.evaluate("() => location.href")
    on_paper = pages(pdf)
    assert len(on_paper) >= 3
    for number, (height, words) in enumerate(on_paper, start=1):
        link_printed, dated, _ = foot_and_body(height, words)
        # Nothing but the link and the date reaches the foot's band: no line of the page is under it.
        assert link_printed == link and len(dated) == 2, f"page {number}: {link_printed!r} {dated}"
    if path == "/policy":  # the sentence the foot hid on page 2, whole, on one page
        said = [" ".join(w[4] for w in foot_and_body(height, words)[2]) for height, words in on_paper]
        assert any(POLICY_SENTENCE in re.sub(r"\s+", " ", text) for text in said)
    healthy(page, path)


@pytest.mark.parametrize(("path", "last", "said"), [
    ("/case_studies?typology=Urged+globals&presented=yes", "The cases",
     ["Typology group: Urged globals", "Home country: All countries", "Presented at the workshop: yes"]),
    ("/policy?level=EU&q=export&swot_q=SMEs", "Recommendations, and who made them",
     ["Level: EU", "Kind: All kinds", "Search name and description: export", "Filter the SWOT: SMEs"]),
])
def test_a_filtered_view_prints_its_filters_in_words(tab, tmp_path, path, last, said):
    page, pdf = printed(tab, path, tmp_path, last)
    text = re.sub(r"\s+", " ", " ".join(" ".join(w[4] for w in words) for _, words in pages(pdf)))
    for filter_in_words in said:
        assert filter_in_words in text
    # Where the widgets were: the filter box holds the words, not an empty frame.
    boxes = page.page.locator("[data-sme-print-words]")
    assert boxes.count() >= len(said) and all(box.is_visible() for box in boxes.all())
    assert not page.page.locator('[data-testid="stMultiSelect"]').first.is_visible()
    healthy(page, path)


def test_charts_print_at_the_size_they_are_drawn_with_legible_type(tab, tmp_path):
    page, pdf = printed(tab, "/policy", tmp_path, "Recommendations, and who made them")
    # Every chart is drawn within the page's width, at the size it prints at (not shrunk onto the page), so its
    # type keeps its size.
    charts = page.page.locator('[data-testid="stVegaLiteChart"] svg').evaluate_all("""(svgs) => svgs.map((svg) => {
        const drawn = svg.width.baseVal.value, box = svg.getBoundingClientRect();
        const sizes = Array.from(svg.querySelectorAll('text')).map((t) => parseFloat(getComputedStyle(t).fontSize));
        return [box.width, box.width / drawn, Math.min(...sizes)]; })""")
    assert len(charts) >= 3
    for width, scale, smallest in charts:
        assert width <= A4_TEXT_WIDTH_PX + 1 and scale > 0.97, charts
        assert smallest * scale * PT_PER_PX >= SMALLEST_PT, charts
    # And on paper: every chart's "Source:" line (its subtitle, 12 px) is at least 8 pt.
    sources = [w[3] - w[1] for _, words in pages(pdf) for w in words if w[4] == "Source:"]
    assert len(sources) >= 3 and min(sources) >= SMALLEST_PT * 1.117, sources
    healthy(page, "/policy")


def test_ctrl_p_in_a_wide_window_first_lays_the_charts_out_at_the_papers_width(tab, tmp_path):
    """Chromium's own print (Ctrl+P) lets no chart redraw: the view takes the paper's width before the dialog."""
    page = tab(1920, 1080)
    page.page.goto(page.server + "/policy")
    page.settle(WAIT_MS)
    page.page.locator("style#sme-takeaway-styles").wait_for(state="attached")
    page.page.locator(CHART_DRAWN).first.wait_for(timeout=WAIT_MS)
    widths = ("() => Array.from(document.querySelectorAll('[data-testid=\"stVegaLiteChart\"] svg'), "
              "(svg) => svg.width.baseVal.value)")
    assert max(page.page.evaluate(widths)) > A4_TEXT_WIDTH_PX * 1.3  # on screen, wider than the paper
    # The dialog itself cannot be driven: window.print records the charts' widths when it is called.
    page.page.evaluate(f"() => {{ window.smePrinted = null; "
                       f"window.print = () => {{ window.smePrinted = ({widths})(); }}; }}")
    page.page.locator("body").press("Control+p")
    page.page.wait_for_function("() => window.smePrinted !== null", timeout=WAIT_MS)
    assert max(page.page.evaluate("() => window.smePrinted")) <= A4_TEXT_WIDTH_PX + 1
    # Printed as the dialog prints it (the page as it is, with its print styles; no emulated media, no redraw).
    pdf = tmp_path / "ctrl-p.pdf"
    page.page.pdf(path=str(pdf), format="A4")
    sources = [w[3] - w[1] for _, words in pages(pdf) for w in words if w[4] == "Source:"]
    assert len(sources) >= 3 and min(sources) >= SMALLEST_PT * 1.117, sources
    page.page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")  # the dialog closed: the view is back
    page.page.wait_for_function(f"() => Math.max(...({widths})()) > {A4_TEXT_WIDTH_PX * 1.3}", timeout=WAIT_MS)
    healthy(page, "/policy")
