"""The Case studies view: every filter value against the raw tables (a plain query call each, as the view makes
it), and the view itself, server-side with AppTest, once for each thing it draws: the filters' wiring, the
empty state, reset, the card, the table's numbers."""

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from evidence.content import choices
from tests.views import open_link


@pytest.fixture(scope="module")
def tables(db):
    """The raw tables, to compute expectations independently of the page's SQL."""
    names = ("cases", "case_countries", "case_activities", "countries", "typology_groups",
             "internationalisation_types")
    return {name: db.query("table_rows", table_name=name) for name in names}


def open_page() -> AppTest:
    return open_link("pages/case_studies.py")


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


def filtered(db, countries=(), typologies=(), types=(), presented=None) -> pd.DataFrame:
    """The cases the view's filters match: its labels turned into ids as the view does, then its query."""
    ids = choices.case_choices()["ids"]
    frame = db.query("case_filter", countries=[ids["country"][c] for c in countries] or None,
                     typologies=[ids["typology"][t] for t in typologies] or None,
                     types=[ids["type"][t] for t in types] or None,
                     presented={"yes": True, "no": False}.get(presented), selected=None)
    assert len(frame) == 12  # every case is drawn, matching or not
    return frame[frame["in_filter"]]


COUNTRIES = ["Belgium", "Denmark", "France", "Germany", "Israel", "Netherlands", "Norway", "Poland", "Slovenia",
             "Spain", "Sweden"]
GROUPS = ["Born globals", "Urged globals", "Intentional globals", "Accidental globals"]


def test_default_view_shows_all_twelve_and_offers_every_filter_value(tables):
    app = open_page()
    assert app.title[0].value == "Case studies"
    assert matched(app) == 12
    assert len(app.dataframe[-1].value) == 12
    assert app.multiselect(key="country").options == COUNTRIES
    assert set(app.multiselect(key="typology").options) == set(GROUPS)
    assert {"branch", "collaboration", "customising", "IP", "employment"} <= set(app.multiselect(key="type").options)
    # The table's numbers are the database's, "–" where the report gives none.
    table = app.dataframe[-1].value.set_index("name")
    cases = tables["cases"].set_index("name")
    for name, row in table.iterrows():
        founded = cases.loc[name, "founded_year"]
        assert row["founded"] == ("–" if pd.isna(founded) else str(int(founded)))
    assert table.loc["LifeTec", "staff"] == "about 15"


@pytest.mark.parametrize("country", COUNTRIES)
def test_country_filter(db, tables, country):
    assert set(filtered(db, countries=[country])["case_id"]) == expected(tables, countries=[country])


@pytest.mark.parametrize("group", GROUPS)
def test_typology_filter(db, tables, group):
    assert set(filtered(db, typologies=[group])["case_id"]) == expected(tables, typologies=[group])


@pytest.mark.parametrize("kind", ["branch", "collaboration", "customising"])
def test_type_filter(db, tables, kind):
    shown = filtered(db, types=[kind])
    assert set(shown["case_id"]) == expected(tables, types=[kind]) != set()
    assert set(shown["name"]) == set(
        tables["cases"][tables["cases"]["case_id"].isin(expected(tables, types=[kind]))]["name"])


@pytest.mark.parametrize("answer", ["yes", "no"])
def test_presented_filter(db, tables, answer):
    assert set(filtered(db, presented=answer)["case_id"]) == expected(tables, presented=answer)


@pytest.mark.parametrize(("countries", "typologies", "types", "presented"), [
    (["Netherlands", "Germany"], [], ["customising"], None),
    ([], ["Born globals", "Urged globals"], ["collaboration"], None),
    (["Denmark"], ["Born globals"], [], "yes"),
    ([], [], ["branch", "collaboration"], "no"),
])
def test_combined_filters(db, tables, countries, typologies, types, presented):
    assert set(filtered(db, countries, typologies, types, presented)["case_id"]) == expected(
        tables, countries, typologies, types, presented)


def test_the_views_four_filters_together(tables):
    # The wiring, once: four widgets, their labels to ids, the caption and the table.
    app = open_page()
    app.multiselect(key="country").set_value(["Netherlands", "Germany"])
    app.multiselect(key="typology").set_value([])
    app.multiselect(key="type").set_value(["customising"])
    app.segmented_control(key="presented").set_value("yes")
    app.run()
    assert not app.exception
    cases = expected(tables, ["Netherlands", "Germany"], [], ["customising"], "yes")
    assert matched(app) == len(cases) > 0
    names = tables["cases"][tables["cases"]["case_id"].isin(cases)]["name"]
    assert set(app.dataframe[-1].value["name"]) == set(names)


@pytest.mark.parametrize("kind", ["IP", "employment"])
def test_types_no_case_is_named_for_match_nothing(db, kind):
    assert filtered(db, types=[kind]).empty


def test_filters_that_match_no_case_say_so():
    app = open_page()
    app.multiselect(key="type").set_value(["IP"]).run()  # a type the report names no case for
    assert not app.exception
    assert matched(app) is None
    assert any("No case matches these filters" in info.value for info in app.info)
    app.multiselect(key="type").set_value([])
    app.multiselect(key="typology").set_value(["Accidental globals"])
    app.multiselect(key="country").set_value(["Poland"]).run()
    assert matched(app) is None
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


def test_case_card_shows_what_the_report_gives():
    app = open_page()
    app.selectbox(key="case").set_value("LifeTec").run()
    assert not app.exception
    said = " ".join(m.value for m in app.markdown).replace("\\\\", "")
    assert "12 years old; about 15 employees" in said
    assert "does **not**" in said  # LifeTec does not set up branches
    assert "At the workshop" in said
    app.selectbox(key="case").set_value("Kapro").run()
    said = " ".join(m.value for m in app.markdown).replace("\\\\", "")
    assert "The report only names this case." in said and "The report gives no figures for this case." in said
    app.selectbox(key="case").set_value("Intermet").run()
    assert "Project's match" in " ".join(m.value for m in app.markdown)  # the card marks project coding
