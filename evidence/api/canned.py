"""The named queries of `queries/` that take parameters, offered on the Data view as small forms (the idea of
Datasette's canned queries). Their parameters, and the checks of what a form or a link gives, are the API's
(`api_params`, from each query's own header and the schema): one reading of a query's contract, not two."""

from __future__ import annotations

from evidence.api import data as api_data
from evidence.content import choices
from evidence.data import queries
from evidence.query import params as api_params

BadParameter = api_params.BadParameter


# Which queries are offered (every one that takes parameters, less the schema's): the choices the Data view's
# link is checked against too (evidence/views.py), so read once, in content/choices.py.
names = choices.canned_queries


def summary(name: str) -> str:
    return queries.get(name).summary.split(":", 1)[-1].strip()


def parameters(name: str) -> list[api_params.ParamSpec]:
    return list(api_data.specs(name).values())


def values(name: str, given: dict[str, str | None]) -> dict:
    """The form's text (or a link's) as the query's parameters, checked as the API checks them: empty is NULL,
    a list is comma-separated; raises BadParameter naming what is wrong."""
    raw = {key: [text] for key, text in given.items() if text}
    return api_params.convert(api_data.specs(name), raw, api_data.allowed_values, f"the query {name}")
