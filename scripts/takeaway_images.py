"""The README's pictures of the take-away files (`make takeaway-images`): the first page of the Policy view's brief
(with a cell selected) and one slide of the deck, rendered from the PDFs with poppler's pdftoppm.

Usage: python scripts/takeaway_images.py OUTPUT_FOLDER
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_takeaway import LINK, drawn_charts  # noqa: E402

SLIDE = 7  # the budgets: a native bar chart in the PowerPoint deck, a vector chart here


def render(pdf: bytes, page: int, target: Path, resolution: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "file.pdf"
        source.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-png", "-r", str(resolution), "-f", str(page), "-l", str(page),
                        "-singlefile", str(source), str(target.with_suffix(""))], check=True)


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/takeaway")
    out.mkdir(parents=True, exist_ok=True)
    from evidence.takeaway import brief, deck

    today = time.strftime("%Y-%m-%d")
    params = {"cell": "customising-export"}
    charts = drawn_charts("pages/policy.py", params)
    policy = brief.build("policy", {k: [v] for k, v in params.items()}, LINK + "policy?cell=customising-export",
                         charts, today)
    render(policy, 1, out / "brief-policy-page-1.png", 80)
    render(deck.deck_pdf(LINK + "?present=1", today), SLIDE, out / f"deck-slide-{SLIDE:02d}.png", 110)
    print("\n".join(str(path) for path in sorted(out.glob("*.png"))))


if __name__ == "__main__":
    main()
