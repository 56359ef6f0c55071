"""Reruns with the same inputs run no SQL and build no chart twice."""

import pytest

from evidence import charts
from evidence.charts.render import chart_spec
from evidence.content import choices
from evidence.data.db import Database
from evidence.query import cache, store
from evidence.views import VIEWS
from tests.views import open_view


@pytest.fixture(autouse=True)
def empty_caches():
    store.clear()
    yield
    store.clear()


def test_same_query_runs_sql_once(monkeypatch):
    calls = []
    original = Database.query

    def counting(self, name, **params):
        calls.append((name, params))
        return original(self, name, **params)

    monkeypatch.setattr(Database, "query", counting)
    first = store.rows("cases", typology="born_global")
    second = store.rows("cases", typology="born_global")
    assert first.equals(second)
    assert calls == [("cases", {"typology": "born_global"})]
    store.rows("cases", typology="urged_global")
    assert len(calls) == 2


def test_same_chart_is_built_once(monkeypatch):
    built = []
    original = charts.BUILDERS["typology"]

    def counting(frame, large=False):
        built.append(large)
        return original(frame, large=large)

    monkeypatch.setitem(charts.BUILDERS, "typology", counting)
    first = chart_spec("typology", "cases", {"typology": None})
    second = chart_spec("typology", "cases", {"typology": None})
    assert first == second and built == [False]
    chart_spec("typology", "cases", {"typology": None}, large=True)
    assert built == [False, True]


PAGES = list(VIEWS)


@pytest.mark.parametrize("page", PAGES)
def test_rerunning_a_view_runs_no_sql_and_builds_no_chart(monkeypatch, page):


    sql, built = [], []
    original_query = Database.query

    def counting_query(self, name, **params):
        sql.append(name)
        return original_query(self, name, **params)

    monkeypatch.setattr(Database, "query", counting_query)
    for chart_name, builder in list(charts.BUILDERS.items()):
        def counting_builder(frame, large=False, _builder=builder, _name=chart_name):
            built.append(_name)
            return _builder(frame, large=large)
        monkeypatch.setitem(charts.BUILDERS, chart_name, counting_builder)

    app = open_view(f"pages/{page}.py")
    first_sql, first_built = len(sql), len(built)
    assert first_sql > 0, "the first run queries the database (the caches were emptied)"
    app.run()
    assert not app.exception
    assert sql[first_sql:] == [], f"a rerun with the same inputs ran SQL: {sql[first_sql:]}"
    assert built[first_built:] == [], f"a rerun with the same inputs built charts: {built[first_built:]}"


# ------------------------------------------------------------------------------ the one cache


def test_cached_functions_take_keyword_arguments_only():
    with pytest.raises(TypeError, match="keyword arguments only"):
        store.query("cases", typology=None)


def test_a_caller_cannot_change_what_the_cache_holds():
    frame = store.rows("cases", typology=None)
    frame.loc[0, "name"] = "changed"
    assert store.rows("cases", typology=None).loc[0, "name"] != "changed"
    policy = choices.policy_choices()
    with pytest.raises(TypeError):
        policy["gaps"] = 0
    with pytest.raises(TypeError):
        policy["cell_names"]["x"] = "y"
    assert isinstance(policy["cells"], tuple)
    with pytest.raises(TypeError, match="immutable"):
        cache.freeze(bytearray(b"x"))


def test_entries_are_keyed_by_the_data_folder(data_copy, monkeypatch):
    path = data_copy / "cases.csv"
    first = store.rows("cases", typology=None).iloc[0]["name"]
    path.write_text(path.read_text(encoding="utf-8").replace(first, "Renamed SME", 1), encoding="utf-8")
    monkeypatch.setenv("SME_EVIDENCE_DATA", str(data_copy))
    assert store.rows("cases", typology=None).iloc[0]["name"] == "Renamed SME"
    monkeypatch.delenv("SME_EVIDENCE_DATA")
    assert store.rows("cases", typology=None).iloc[0]["name"] == first


def test_rebuilding_the_database_empties_the_cache_of_its_folder():
    store.rows("cases", typology=None)
    assert cache.stats()["entries"] > 0
    store._database.clear()
    store.database()
    assert cache.stats()["entries"] == 0


def test_the_store_stays_within_its_bytes(monkeypatch):
    monkeypatch.setattr(cache._STORE, "max_bytes", 200_000)
    for typology in ["born_global", "urged_global", "intentional_global", "accidental_global", None] * 3:
        store.rows("cases", typology=typology)
        store.rows("case_card", case_id="weprog")
        store.rows("survey_items", figure_id=None)
    held = cache.stats()
    assert 0 < held["bytes"] <= 200_000 and held["entries"] >= 1
    assert held["misses"] > held["entries"], "entries were dropped to stay within the bound"
