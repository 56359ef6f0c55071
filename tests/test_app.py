"""The app, run server-side with Streamlit's AppTest: it serves the data, or the list of problems."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from evidence.settings import DATA_DIR_ENV

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def run_app() -> AppTest:
    app = AppTest.from_file(APP, default_timeout=30)
    app.run()
    return app


def test_the_app_opens_on_the_overview(monkeypatch):
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    app = run_app()
    assert not app.exception
    assert app.title[0].value == "Internationalisation of Innovation in SMEs"
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Case studies"] == "12"


def test_bad_data_shows_the_problems_instead_of_crashing(monkeypatch, data_copy):
    text = (data_copy / "cases.csv").read_text(encoding="utf-8").replace(",urged_global,", ",urged_globel,", 1)
    (data_copy / "cases.csv").write_text(text, encoding="utf-8")
    (data_copy / "routes.csv").unlink()
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))
    app = run_app()
    assert not app.exception
    assert "could not be loaded" in app.error[0].value
    problems = app.dataframe[0].value
    assert {"cases.csv", "routes.csv"} <= set(problems["file"])
    row = problems[problems["file"] == "cases.csv"].iloc[0]
    assert row["column"] == "typology_id" and row["rule"] == "unknown reference" and int(row["line"]) > 1


def test_missing_data_folder_is_a_message(monkeypatch, tmp_path):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "no-such-folder"))
    app = run_app()
    assert not app.exception
    assert "missing folder" in set(app.dataframe[0].value["rule"])


def test_env_var_selects_another_data_folder(monkeypatch, data_copy):
    # A later wave: one more participant in Annex 2 shows in the Overview's headline figure.
    path = data_copy / "participants.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines + ["newcomer,Newcomer,Nora,Somewhere,EU,,SME,participant,34,annex-2"]) + "\n",
                    encoding="utf-8")
    monkeypatch.setenv(DATA_DIR_ENV, str(data_copy))
    app = run_app()
    assert not app.exception
    assert {m.label: m.value for m in app.metric}["Workshop participants"] == "34"
