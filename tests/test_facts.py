"""Facts of the report, checked against the loaded database through the app's own named queries.

Each test names where in the report the fact is printed.
"""

import pandas as pd
import pytest


def one(frame: pd.DataFrame, **match) -> pd.Series:
    rows = frame
    for column, value in match.items():
        rows = rows[rows[column] == value]
    assert len(rows) == 1, f"expected one row for {match}, found {len(rows)}"
    return rows.iloc[0]


# ------------------------------------------------------------------ cases and typology (section 3.2)

def test_there_are_twelve_cases(db):
    assert len(db.query("cases", typology=None)) == 12


@pytest.mark.parametrize(
    ("name", "typology"),
    [
        ("poLight", "born_global"), ("Numeca", "born_global"), ("Ticketbis", "born_global"),
        ("Acreo", "urged_global"), ("Aisense", "urged_global"), ("Kapro", "urged_global"),
        ("KeyGene", "intentional_global"), ("Intermet", "intentional_global"),
        ("Real Project Partner", "intentional_global"),
        ("LifeTec", "accidental_global"),
    ],
)
def test_case_typology(db, name, typology):
    assert one(db.query("cases", typology=None), name=name)["typology_id"] == typology


def test_weprog_is_born_global_from_denmark_and_germany(db):
    weprog = one(db.query("cases", typology="born_global"), case_id="weprog")
    assert weprog["countries_iso2"] == "DK;DE"
    assert weprog["founded_year"] == 2003  # 3.4.1 "Founded in 2003"
    assert (weprog["contract_min_eur"], weprog["contract_max_eur"]) == (5000, 200000)


def test_food_freshly_keeps_its_variant_spelling(db):
    case = one(db.query("cases", typology="accidental_global"), case_id="food_freshly")
    assert "Fruit Freshly" in case["name_variants"]


def test_lifetec_staff_keeps_about(db):
    lifetec = one(db.query("cases", typology=None), case_id="lifetec")
    assert (lifetec["staff"], lifetec["staff_qualifier"], lifetec["age_years"]) == (15, "about", 12)


def test_cases_silent_in_the_report_have_null_figures(db):
    kapro = one(db.query("cases", typology=None), case_id="kapro")
    assert pd.isna(kapro["founded_year"]) and pd.isna(kapro["staff"]) and pd.isna(kapro["contract_min_eur"])


def test_home_countries(db):
    cases = db.query("cases", typology=None).set_index("name")["countries_iso2"]
    assert cases["Kapro"] == "IL" and cases["poLight"] == "NO" and cases["Aisense"] == "SI"
    assert cases["Ticketbis"] == "ES" and cases["Numeca"] == "BE" and cases["Intermet"] == "PL"


def test_aisense_collaborates_with_us_and_japan(db):
    activity = one(db.query("case_activities", case_id="aisense"), type_id="collaboration")
    assert activity["partner_iso2"] == "US;JP" and activity["coding"] == "stated"


def test_lifetec_does_not_set_up_branches(db):
    activity = one(db.query("case_activities", case_id="lifetec"), type_id="branch")
    assert activity["stance"] == "does_not"


# ------------------------------------------------------------------ aggregates over the 12 cases (section 3.2)

def test_activity_counts_beside_named_cases(db):
    counts = db.query("type_counts").set_index("type_id")
    assert counts.loc["collaboration", "reported_count"] == 11
    assert counts.loc["customising", "reported_count"] == 7
    assert counts.loc["branch", "reported_count"] == 6
    assert pd.isna(counts.loc["employment", "reported_count"])
    # The report counts more than it names: the difference must be visible, not hidden.
    assert counts.loc["collaboration", "named_cases"] < 11


def test_one_types_count_beside_the_cases_it_names_and_the_projects_matches(db):
    # Section 3.2: 11 of 12 collaborate outside Europe; six cases are named for it, WEPROG and Real Project Partner
    # only on the project's reading of a sentence. IP: no count, no case.
    collaboration = db.query("type_named_cases", type_id="collaboration").iloc[0]
    assert (collaboration["reported_count"], collaboration["named_cases"], collaboration["project_coded"]) == (11, 6, 2)
    ip = db.query("type_named_cases", type_id="ip").iloc[0]
    assert pd.isna(ip["reported_count"]) and ip["named_cases"] == 0


def test_motives_and_barriers(db):
    motives = db.query("case_aggregates", topic="motive")
    assert motives["cases_count"].max() == 9
    assert (motives["cases_count"] == 5).sum() == 3  # "Other reasons (in 5 cases each)"
    barriers = db.query("case_aggregates", topic="barrier")
    assert barriers["cases_count"].max() == 9
    assert barriers["cases_count"].isna().sum() == 2  # geographic, legal: "only relevant in specific cases"


def test_half_of_cases_report_positive_impact_is_marked_derived(db):
    impact = one(db.query("case_aggregates", topic="impact"), count_qualifier="half")
    assert impact["cases_count"] == 6 and bool(impact["count_derived"])


# ------------------------------------------------------------------ WHAT/HOW matrix (section 4.2)

def test_what_how_symbol_counts(db):
    matrix = db.query("what_how_cells", type_id=None, process_id=None).set_index(["type_id", "process_id"])["symbols"]
    assert matrix.sum() == 19
    assert matrix["collaboration"].tolist() == [3, 1, 3]
    assert matrix["ip"].tolist() == [0, 0, 1]
    assert matrix.groupby(level="process_id").sum().to_dict() == {"export": 10, "production": 2, "rnd": 7}


# ------------------------------------------------------------------ the survey sample and Table 1 (3.3, 7.1)

def test_two_sample_sizes_are_both_kept(db):
    june9 = db.query("survey_samples", sample_id="2016-06-09").iloc[0]
    june30 = db.query("survey_samples", sample_id="2016-06-30").iloc[0]
    assert (june9["valid_responses"], june9["complete"], june9["partial"]) == (43, 35, 8)
    assert (june30["valid_responses"], june30["complete"], june30["partial"]) == (44, 35, 9)
    assert june30["max_per_country"] == 4


def test_respondent_types_add_to_101(db):
    shares = db.query("survey_samples", sample_id="2016-06-30")["share_pct"]
    assert shares.tolist()[:2] == [43, 14] and shares.sum() == 101


def test_table_1_expertise(db):
    table = db.query("survey_expertise").set_index(["domain", "level"])["share_pct"]
    assert table["SMEs", "High"] == 77
    assert table["Research", "Low"] == 15
    assert table["International business", "Medium"] == 50
    assert table.groupby(level="domain").sum().eq(100).all()


def test_ease_of_answering(db):
    ease = db.query("survey_ease")["respondents"].tolist()
    assert ease == [13, 22, 3]


# ------------------------------------------------------------------ survey items and results (Annex 3)

def test_items_per_figure(db):
    items = db.query("survey_items", figure_id=None)
    assert items.groupby("figure_id").size().to_dict() == {
        "1a": 4, "1b": 5, "2": 5, "3": 8, "4": 6, "5": 7, "6": 6, "7": 1,
    }


def test_figure_n(db):
    items = db.query("survey_items", figure_id="1a")
    assert (items["n_min"].iloc[0], items["n_max"].iloc[0]) == (43, 44)
    assert db.query("survey_items", figure_id="5")["n_max"].iloc[0] == 37


def test_more_than_60_percent_agree_on_networks(db):
    result = one(db.query("survey_results", item_id="1a.d"), measure="agree")
    assert (result["value_pct"], result["qualifier"]) == (60, "more than")


def test_two_views_were_rejected(db):
    # 7.2.1: "The experts rejected only two of the proposed views" (Figures 1a and 1b)
    results = db.query("survey_results", item_id=None)
    rejected = results[(results["verdict"] == "rejected") & results["figure_id"].isin(["1a", "1b"])]
    assert set(rejected["item_id"]) == {"1b.a", "1b.e"}


def test_success_in_business_almost_90(db):
    result = one(db.query("survey_results", item_id="2.b"), measure="important", source="sec-7.2.2")
    assert (result["value_pct"], result["qualifier"]) == (90, "almost")


def test_trade_missions_networks_almost_80_and_50(db):
    results = db.query("survey_results", item_id="4.f")
    agree = one(results, measure="agree", source="sec-7.3.1")
    fully = one(results, measure="fully_agree", source="sec-7.3.1")
    assert (agree["value_pct"], agree["qualifier"]) == (80, "almost")
    assert (fully["value_pct"], fully["qualifier"]) == (50, "almost")


def test_pre_competitive_missions_divided_and_flagged(db):
    results = db.query("survey_results", item_id="4.d")
    assert sorted(results["value_pct"].tolist()) == [30, 35, 45]
    assert set(results["verdict"]) == {"divided"}
    assert set(results["contradiction_id"].dropna()) == {"c-fig4d-shares"}


def test_networking_mechanisms(db):
    fairs = one(db.query("survey_results", item_id="5.c"), source="sec-7.3.2")
    assert (fairs["value_pct"], fairs["qualifier"]) == (90, "almost")
    projects = db.query("survey_results", item_id="5.a")
    assert one(projects, measure="very_useful")["value_pct"] == 60
    assert one(projects, measure="useful", source="sec-7.3.2")["value_pct"] == 80


def test_support_measure_priorities(db):
    networks = db.query("survey_results", item_id="6.f")
    assert one(networks, measure="high_priority", source="sec-7.3.3")["value_pct"] == 49
    assert one(networks, measure="priority", source="sec-7.3.3")["value_pct"] == 40
    assert one(networks, measure="priority_total", source="sec-7.4")["value_pct"] == 90  # the summary rounds 89
    grants = db.query("survey_results", item_id="6.b")
    assert one(grants, measure="high_priority", source="sec-7.3.3")["value_pct"] == 43
    assert one(grants, measure="priority", source="sec-7.3.3")["value_pct"] == 38


def test_regional_focus_68_and_70_both_kept(db):
    results = db.query("survey_results", item_id="7.a")
    no = results[results["measure"] == "no"]
    assert {68, 70} <= set(no["value_pct"].dropna())
    assert one(results, measure="yes", source="fig-7")["value_pct"] == 32
    assert one(results, measure="no", source="fig-7")["value_count"] == 25
    assert "c-fig7-share" in set(results["contradiction_id"].dropna())


def test_regions_chosen(db):
    regions = db.query("survey_regions").set_index("position")
    assert regions.loc[1, "respondents"] == 8 and not bool(regions.loc[1, "count_derived"])
    assert (regions["respondents"] == 6).sum() == 4


def test_item_without_result_has_no_invented_value(db):
    assert db.query("survey_results", item_id="1a.a").empty  # Figure 1a item a: the prose gives no result
    assert one(db.query("survey_items", figure_id="1a"), item_id="1a.a")["result_count"] == 0


# ------------------------------------------------------------------ respondent comments (Annex 3)

def test_comment_counts(db):
    comments = db.query("survey_comments", question_ids=None)
    assert len(comments) == 31
    assert comments.groupby("question_id").size().max() == 8  # further measures


def test_known_comment(db):
    texts = " ".join(db.query("survey_comments", question_ids=None)["text"])
    assert "CEO-networks would be interesting." in texts
    assert "Business, business, business - not research." in texts
