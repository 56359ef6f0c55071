"""The deck PDF as poppler reads it, word by word and where: on every slide no two words of the chart print over
each other (its labels each in their own room), no word runs past the slide's right margin (nothing cut at a chart's
edge), and slide 8's annotations are whole ("more than 40% undecided or not convinced", not "...not convinc")."""

import html
import re
import subprocess
from itertools import combinations

import pytest

from evidence.content.findings import BY_SLUG, FINDINGS
from evidence.takeaway import deck

WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
RIGHT = 720 - 34.0  # pt: the slide's width less its 1.2 cm right margin


@pytest.fixture(scope="module")
def slides(tmp_path_factory):
    """Each page's words as (x0, y0, x1, y1, text)."""
    pdf = tmp_path_factory.mktemp("deck-pdf") / "deck.pdf"
    pdf.write_bytes(deck.deck_pdf("http://localhost:8501/?present=1", "2026-01-01"))
    said = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [[(float(a), float(b), float(c), float(d), html.unescape(t)) for a, b, c, d, t in WORD.findall(page)]
            for page in said.split("<page ")[1:]]


@pytest.mark.parametrize("number", range(1, len(FINDINGS) + 1))
def test_no_two_words_of_a_slide_overlap_and_none_runs_off_it(slides, number):
    finding, page = FINDINGS[number - 1], slides[number - 1]
    source = deck.paragraphs(deck.source_lines(deck._spec(finding)))[-1].split()[-1]
    top = min(d for *_, d, t in page if t == source)  # under the chart's source lines (the first: above it)
    bottom = min([b for _, b, _, _, t in page if t.startswith("“") and b > top] or [372])  # over the quote, the foot
    words = [word for word in page if word[1] >= top - 0.5 and word[3] <= bottom + 0.5]
    assert len(words) > 5
    # Words on one line are left out: Vega hides the tick labels that would overlap (labelOverlap), and poppler
    # still reads the hidden ones.
    over = [(a[4], b[4]) for a, b in combinations(words, 2) if abs(a[1] - b[1]) > 1
            and min(a[2], b[2]) - max(a[0], b[0]) > 0.5 and min(a[3], b[3]) - max(a[1], b[1]) > 0.5]
    assert not over, f"slide {number}: words printed over each other: {over[:5]}"
    off = [(text, x1) for _, _, x1, _, text in page if x1 > RIGHT + 1]
    assert not off, f"slide {number}: words past the right margin: {off}"


def test_the_priorities_annotations_are_whole(slides):
    words = [text for *_, x1, _, text in slides[FINDINGS.index(BY_SLUG["priorities"])] if x1 <= RIGHT]
    for note in ("about 60% support", "almost 80% support", "more than 40% undecided or not convinced"):
        for word in note.split():
            assert word in words, (note, word)
    assert words.count("undecided") == 2 and words.count("convinced") == 2
    assert words.count("support") >= 2
