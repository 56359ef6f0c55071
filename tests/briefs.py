"""Building a view's brief as its reader does (open the link, click *Brief as PDF*) and reading the PDF back:
shared by tests/test_takeaway.py, tests/test_briefs.py and tests/test_quotes.py."""

import re
import subprocess

from streamlit.testing.v1 import AppTest

from tests.views import APP


def pdf_words(content: bytes, tmp_path) -> str:
    path = tmp_path / "file.pdf"
    path.write_bytes(content)
    said = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", " ", said)


def rendered_pages(content: bytes, tmp_path) -> list:
    path = tmp_path / "render.pdf"
    path.write_bytes(content)
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(path), str(tmp_path / "page")], check=True,
                   capture_output=True)
    return sorted(tmp_path.glob("page-*.png"))


def offered(app) -> list[str]:
    return [button.proto.label for button in app.get("download_button")]


def built_brief(page_file: str, **params) -> bytes:
    """Open a view by its link (with its parameters), then click *Brief as PDF*."""
    app = AppTest.from_file(APP, default_timeout=30)
    app.run()
    app.switch_page(page_file)
    for name, value in params.items():
        app.query_params[name] = value
    app.run()
    app.button(key="takeaway-brief").click().run()
    assert not app.exception
    built = app.session_state["takeaway-built-brief"]
    assert "error" not in built, built.get("error")
    assert "Download the brief" in offered(app)  # the download button is offered once built
    return built["content"]
