"""The Case studies view, server-side with AppTest: every filter, the empty state, the card, the numbers."""


import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests.views import open_view


@pytest.fixture(scope="module")
def tables(db):
    """The raw tables, to compute expectations independently of the page's SQL."""
    names = ("cases", "case_countries", "case_activities", "countries", "typology_groups",
             "internationalisation_types")
    return {name: db.query("table_rows", table_name=name) for name in names}


def open_page() -> AppTest:
    return open_view("pages/case_studies.py")


def matched(app: AppTest) -> int | None:
    for caption in app.caption:
        if caption.value.endswith("cases match."):
            return int(caption.value.split(" of ")[0])
    return None


def expected(tables, countries=(), typologies=(), types=(), presented=None) -> set[str]:
    cases, homes, acts = tables["cases"], tables["case_countries"], tables["case_activities"]
    names = dict(zip(tables["countries"]["name"], tables["countries"]["iso2"], strict=True))
    groups = dict(zip(tables["typology_groups"]["label"], tables["typology_groups"]["typology_id"], strict=True))
    kinds = {label.removeprefix("the ").removesuffix(" type"): key for key, label in
             zip(tables["internationalisation_types"]["type_id"], tables["internationalisation_types"]["label"],
                 strict=True)}
    keep = set(cases["case_id"])
    if countries:
        keep &= set(homes[homes["iso2"].isin([names[c] for c in countries])]["case_id"])
    if typologies:
        keep &= set(cases[cases["typology_id"].isin([groups[t] for t in typologies])]["case_id"])
    if types:
        does = acts[(acts["stance"] == "does") & acts["type_id"].isin([kinds[t] for t in types])]
        keep &= set(does["case_id"])
    if presented is not None:
        keep &= set(cases[cases["presented_at_workshop"] == (presented == "yes")]["case_id"])
    return keep


def test_default_view_shows_all_twelve(tables):
    app = open_page()
    assert app.title[0].value == "Case studies"
    assert matched(app) == 12
    assert len(app.dataframe[-1].value) == 12


COUNTRIES = ["Belgium", "Denmark", "France", "Germany", "Israel", "Netherlands", "Norway", "Poland", "Slovenia",
             "Spain", "Sweden"]


@pytest.mark.parametrize("country", COUNTRIES)
def test_country_filter(tables, country):
    app = open_page()
    app.multiselect(key="country").set_value([country]).run()
    assert not app.exception
    assert matched(app) == len(expected(tables, countries=[country]))


@pytest.mark.parametrize("group", ["Born globals", "Urged globals", "Intentional globals", "Accidental globals"])
def test_typology_filter(tables, group):
    app = open_page()
    app.multiselect(key="typology").set_value([group]).run()
    assert matched(app) == len(expected(tables, typologies=[group]))


@pytest.mark.parametrize("kind", ["branch", "collaboration", "customising"])
def test_type_filter(tables, kind):
    app = open_page()
    app.multiselect(key="type").set_value([kind]).run()
    assert matched(app) == len(expected(tables, types=[kind]))
    assert set(app.dataframe[-1].value["name"]) == set(
        tables["cases"][tables["cases"]["case_id"].isin(expected(tables, types=[kind]))]["name"])


@pytest.mark.parametrize("answer", ["yes", "no"])
def test_presented_filter(tables, answer):
    app = open_page()
    app.segmented_control(key="presented").set_value(answer).run()
    assert matched(app) == len(expected(tables, presented=answer))


@pytest.mark.parametrize(("countries", "typologies", "types", "presented"), [
    (["Netherlands", "Germany"], [], ["customising"], None),
    ([], ["Born globals", "Urged globals"], ["collaboration"], None),
    (["Denmark"], ["Born globals"], [], "yes"),
    ([], [], ["branch", "collaboration"], "no"),
])
def test_combined_filters(tables, countries, typologies, types, presented):
    app = open_page()
    app.multiselect(key="country").set_value(countries)
    app.multiselect(key="typology").set_value(typologies)
    app.multiselect(key="type").set_value(types)
    app.segmented_control(key="presented").set_value(presented)
    app.run()
    assert not app.exception
    assert matched(app) == len(expected(tables, countries, typologies, types, presented))


@pytest.mark.parametrize(("field", "value"), [("type", ["IP"]), ("type", ["employment"])])
def test_types_no_case_is_named_for_are_an_empty_state(field, value):
    app = open_page()
    app.multiselect(key=field).set_value(value).run()
    assert not app.exception
    assert matched(app) is None
    assert any("No case matches these filters" in info.value for info in app.info)


def test_filters_that_match_no_case_say_so():
    app = open_page()
    app.multiselect(key="typology").set_value(["Accidental globals"])
    app.multiselect(key="country").set_value(["Poland"]).run()
    assert any("No case matches these filters" in info.value for info in app.info)
    assert all(len(frame.value) != 0 for frame in app.dataframe)  # no empty table is drawn


def test_reset_clears_everything():
    app = open_page()
    app.multiselect(key="typology").set_value(["Urged globals"]).run()
    app.selectbox(key="case").set_value("Kapro").run()
    assert matched(app) == 3
    reset = next(b for b in app.button if b.label == "Reset")
    reset.click().run()
    assert matched(app) == 12
    assert app.selectbox(key="case").value is None


def test_case_card_shows_what_the_report_gives(tables):
    app = open_page()
    app.selectbox(key="case").set_value("LifeTec").run()
    assert not app.exception
    text = " ".join(m.value for m in app.markdown).replace("\\\\", "")
    assert "12 years old; about 15 employees" in text
    assert "does **not**" in text  # LifeTec does not set up branches
    assert "At the workshop" in text
    app.selectbox(key="case").set_value("Kapro").run()
    text = " ".join(m.value for m in app.markdown).replace("\\\\", "")
    assert "The report only names this case." in text and "The report gives no figures for this case." in text


def test_card_marks_project_coding():
    app = open_page()
    app.selectbox(key="case").set_value("Intermet").run()
    text = " ".join(m.value for m in app.markdown)
    assert "Project's match" in text


def test_table_numbers_match_the_database(tables):
    app = open_page()
    table = app.dataframe[-1].value.set_index("name")
    cases = tables["cases"].set_index("name")
    for name, row in table.iterrows():
        founded = cases.loc[name, "founded_year"]
        assert row["founded"] == ("–" if pd.isna(founded) else str(int(founded)))
    assert table.loc["LifeTec", "staff"] == "about 15"
