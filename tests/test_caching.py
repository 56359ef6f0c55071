"""Reruns with the same inputs run no SQL and build no chart twice."""

import pytest

from evidence import charts, store
from evidence.chart_panel import chart_spec
from evidence.db import Database
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


PAGES = ["overview", "case_studies", "expert_survey", "policy", "workshop", "search", "data"]


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
