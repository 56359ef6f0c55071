"""The PowerPoint deck opened in a real office suite: LibreOffice Impress (Debian's `libreoffice-impress`, which
`make test` installs) converts it to PDF headless, and poppler reads what each slide's chart prints, word by word
and where: every category label, no chart titled "value", no bare seven-digit number, shares with their "%"."""

import html
import re
import subprocess
from collections import Counter

import pytest
from pptx import Presentation
from pptx.util import Emu

from evidence.content.findings import BY_SLUG, FINDINGS
from evidence.takeaway import deck

WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    """The deck as built, and the PDF LibreOffice makes of it (a throwaway profile: parallel runs never clash)."""
    folder = tmp_path_factory.mktemp("deck-office")
    path = folder / "deck.pptx"
    path.write_bytes(deck.deck_pptx("http://localhost:8501/?present=1", "2026-01-01"))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{folder / 'profile'}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(folder), str(path)], check=True, capture_output=True, timeout=240)
    return Presentation(str(path)), folder / "deck.pdf"


def words_on(pdf, page: int) -> list[tuple[float, float, str]]:
    """Every word the page prints, with its centre in points."""
    said = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    return [((float(a) + float(c)) / 2, (float(b) + float(d)) / 2, html.unescape(text))
            for a, b, c, d, text in WORD.findall(said)]


def chart_words(office, slug: str) -> tuple[object, list[str], str]:
    """(the native chart, the words printed inside its frame, the words of the whole slide)."""
    presentation, pdf = office
    number = FINDINGS.index(BY_SLUG[slug]) + 1
    frame = next(shape for shape in presentation.slides[number - 1].shapes if shape.has_chart)
    left, top = Emu(frame.left).pt, Emu(frame.top).pt
    right, bottom = left + Emu(frame.width).pt, top + Emu(frame.height).pt
    words = words_on(pdf, number)
    inside = [text for x, y, text in words if left <= x <= right and top <= y <= bottom]
    return frame.chart, inside, " ".join(text for _, _, text in words)


NATIVE = ["collaboration", "home-market", "culture", "typology", "sme-activity", "budgets", "confirmed"]


def test_the_office_suite_prints_every_slide(office):
    info = subprocess.run(["pdfinfo", str(office[1])], capture_output=True, text=True, check=True).stdout
    assert re.search(rf"Pages:\s+{len(FINDINGS)}\b", info)
    assert [slug for slug in BY_SLUG if any(s.has_chart for s in office[0].slides[FINDINGS.index(BY_SLUG[slug])]
                                            .shapes)] == NATIVE


@pytest.mark.parametrize("slug", NATIVE)
def test_every_category_label_of_a_native_chart_is_printed(office, slug):
    chart, inside, _ = chart_words(office, slug)
    wanted = Counter(word for category in chart.plots[0].categories for word in str(category).split())
    missing = wanted - Counter(inside)
    assert not missing, f"{slug}: labels not printed: {dict(missing)}"


@pytest.mark.parametrize("slug", NATIVE)
def test_no_chart_is_titled_value_and_its_axis_says_what_it_counts(office, slug):
    chart, inside, _ = chart_words(office, slug)
    assert "value" not in [word.lower() for word in inside]
    axis = chart.value_axis.axis_title.text_frame.text
    assert axis and axis.split()[0] in inside


@pytest.mark.parametrize("slug", [f.slug for f in FINDINGS])
def test_no_slide_prints_a_big_number_bare(office, slug):
    _, _, page = chart_words(office, slug) if slug in NATIVE else (None, None, " ".join(
        text for *_, text in words_on(office[1], FINDINGS.index(BY_SLUG[slug]) + 1)))
    assert not re.search(r"(?<![\d.,])(\d{7,}|\d{1,3}(,\d{3}){2,})(?![\d,])", page)


def test_the_budgets_are_in_euro_as_on_screen(office):
    _, inside, _ = chart_words(office, "budgets")
    text = " ".join(inside)
    assert "EUR 100,000" in text and re.search(r"EUR 1(0|00)? (million|billion)", text)
    for amount in ("EUR 6 bn", "EUR 3 bn", "EUR 589 m", "EUR 600,000"):
        assert amount in text


def test_shares_carry_their_percent_sign(office):
    _, inside, _ = chart_words(office, "sme-activity")
    numbers = [word for word in inside if re.search(r"\d", word)]
    assert numbers and all(word.endswith("%") for word in numbers), numbers
    assert {"43%", "33%", "8%", "100%"} <= set(numbers)


def test_counts_step_by_whole_cases_and_an_empty_bar_says_why(office):
    _, inside, _ = chart_words(office, "typology")
    assert [word for word in inside if re.fullmatch(r"[\d.,]+", word)] == [str(n) for n in range(13)]
    for names in ("Numeca, Ticketbis, WEPROG, poLight", "Acreo, Aisense, Kapro", "Food Freshly, LifeTec"):
        assert names in " ".join(inside)  # the case names the screen writes after each bar
    _, inside, _ = chart_words(office, "collaboration")
    text = " ".join(inside)
    assert text.count("no count given,") == 2 and inside.count("0") == 1  # the axis's 0, no bar's
    _, inside, _ = chart_words(office, "confirmed")
    assert inside.count("0") == 1


def test_the_deck_pdfs_charts_fill_the_slide_with_14_pt_type(tmp_path):
    """Each chart of the deck PDF spans the slide's width and prints no word smaller than 14 pt: the chart font's
    word box is 0.94 of its size (measured: 14 pt words are 13.1 pt high, 12 pt ones 11.3)."""
    pdf = tmp_path / "deck.pdf"
    pdf.write_bytes(deck.deck_pdf("http://localhost:8501/?present=1", "2026-01-01"))
    for number, finding in enumerate(FINDINGS, start=1):
        said = subprocess.run(["pdftotext", "-bbox", "-f", str(number), "-l", str(number), str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        words = [(float(a), float(b), float(c), float(d), html.unescape(t)) for a, b, c, d, t in WORD.findall(said)]
        source = deck.paragraphs(deck.source_lines(deck._spec(finding)))[-1].split()[-1]
        top = min(d for *_, d, t in words if t == source)  # under the chart's source lines (the first: above it)
        quote = [b for _, b, _, _, t in words if t.startswith("“") and b > top]
        bottom = min(quote) if deck.says(finding) else 372  # over the report's words, or the foot
        chart = [(a, c, d - b, t) for a, b, c, d, t in words if b > top and d < bottom]
        assert chart, finding.slug
        assert min(height for *_, height, _ in chart) >= 13.0, (finding.slug, min(chart, key=lambda w: w[2]))
        assert max(c for _, c, *_ in chart) - min(a for a, *_ in chart) > 0.75 * 652, finding.slug
