"""Facts of the report's policy part, annexes and key figures, checked in the evidence base (the study's part is in
test_facts.py)."""

from tests.test_facts import one

# ------------------------------------------------------------------ SWOT, implications, routes (section 4.2)

def test_swot_quadrants(db):
    swot = db.query("swot", quadrant=None)
    assert swot.groupby("quadrant").size().to_dict() == {"strength": 5, "weakness": 7, "opportunity": 8, "threat": 3}
    assert db.query("swot", quadrant="strength")["text"].iloc[1] == "Accessible for all SMEs."


def test_threat_of_china(db):
    threats = " ".join(db.query("swot", quadrant="threat")["text"])
    assert "Emergence of China as a global scientific force" in threats


def test_policy_implications_by_domain(db):
    implications = db.query("policy_implications")
    assert implications.groupby("domain_id").size().to_dict() == {
        "knowledge": 2, "contacts": 3, "culture": 2, "policy": 2,
    }
    assert "innovation-oriented trade missions" in " ".join(implications["text"])


def test_three_routes(db):
    routes = db.query("table_rows", table_name="routes").set_index("route_id")
    assert routes.loc["III", "viability"] == "most viable"
    assert routes.loc["I", "from_process"] == "export"


def test_four_principal_challenges(db):
    challenges = db.query("table_rows", table_name="challenges")
    assert challenges.groupby("challenge_set").size().to_dict() == {
        "principal": 4, "groups": 4, "discussant_barriers": 4,
    }


# ------------------------------------------------------------------ instruments and key figures (4.1, 4.4.1)

def test_horizon_2020_budgets(db):
    budgets = db.query("instrument_figures", measure="budget_eur")
    values = set(budgets["value"])
    assert {6e9, 3e9, 589e6, 600_000} <= values
    forum = budgets[budgets["value"] == 600_000].iloc[0]
    assert forum["qualifier"] == "indicative"


def test_een_has_around_600_members(db):
    figures = db.query("instrument_figures", measure=None)
    een = figures[figures["instrument_name"].str.contains("Enterprise Europe Network")]
    assert 600 in set(een["value"])


def test_ebn_network_size(db):
    figures = db.query("instrument_figures", measure=None)
    ebn = figures[figures["instrument_id"].str.contains("ebn")]
    assert {150, 100} <= set(ebn["value"])


def test_sme_shares_abroad(db):
    figures = db.query("key_figures").set_index("key_figure_id")
    values = figures[figures["unit"] == "percent"]["value"].tolist()
    assert {43, 33, 8, 60} <= set(values)


def test_response_rate_range(db):
    figures = db.query("key_figures")
    rate = figures[(figures["value"] == 5) & (figures["value_max"] == 10)]
    assert len(rate) == 1 and rate.iloc[0]["qualifier"] in {"approximately", "range"}


# ------------------------------------------------------------------ participants and agenda (Annexes 1, 2)

def test_participants(db):
    everyone = db.query("participants", countries=None, kinds=None)
    assert len(everyone) == 33
    assert len(db.query("participants", countries=["Italy"], kinds=None)) == 3
    assert one(everyone, participant_id="selhofer")["workshop_role"] == "chair"
    assert one(everyone, participant_id="golding")["country_iso2"] == "GB"


def test_agenda(db):
    agenda = db.query("agenda")
    assert str(agenda["start_time"].iloc[0]) == "09:30:00"
    assert str(agenda["end_time"].max()) == "16:00:00"
    study = agenda[agenda["title"].str.startswith("Empirical evidence")].iloc[0]
    assert "Stefan Lilischkis" in study["speakers"]


def test_statements_name_their_speakers(db):
    discussion = db.query("statements", section="sec-3.5")
    assert {"jaklic", "zucchella", "sass", "bergfeld"} <= set(discussion["participant_id"].dropna())


def test_contradictions_flagged(db):
    ids = set(db.query("contradictions")["contradiction_id"])
    assert {"c-sample-size", "c-fig7-share", "c-fig4d-shares", "c-respondent-shares"} <= ids


# ------------------------------------------------------------------ study vs experts (2, 3.3, 7.2-7.3)

def test_experts_diverge_from_the_study_on_culture(db):
    comparisons = db.query("study_vs_experts", outcome=None).set_index("comparison_id")
    assert comparisons.loc["culture", "outcome"] == "diverged"
    assert comparisons.loc["culture", "outcome_wording"] == "slightly different"
    assert comparisons.loc["market-size", "item_id"] == "2.a"
    assert set(comparisons["outcome"]) == {"confirmed", "qualified", "diverged"}
