"""The live store's SQL, in files: queries/live/<name>.sql, one statement a file with `:name` parameters (a name may
hold a folder: `sqlite/connect`), and the migrations of queries/live/migrations/; Python never builds SQL text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from evidence.settings import REPO

LIVE_QUERIES = REPO / "queries" / "live"
MIGRATIONS = LIVE_QUERIES / "migrations"
_COMMENT = re.compile(r"--[^\n]*")
_PARAM = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


class StoreError(RuntimeError):
    """The live store is set or called wrongly: a setting that is not a PostgreSQL URL, a statement that does not exist
    or is given the wrong parameters (a mistake in the code, never a person's; see database.Unavailable)."""


@dataclass(frozen=True)
class Statement:
    """A named statement of queries/live/: its text as in the file and the `:name` parameters it takes."""
    name: str
    sql: str
    params: frozenset[str]

    def check(self, given: dict) -> None:
        if given.keys() != self.params:
            raise StoreError(f"statement '{self.name}' takes {sorted(self.params)}, was given {sorted(given)}")


def without_comments(sql: str) -> str:
    return _COMMENT.sub("", sql)


@cache
def statement(name: str) -> Statement:
    """queries/live/<name>.sql (a name may hold a folder: `sqlite/connect`)."""
    path = LIVE_QUERIES / f"{name}.sql"
    if not path.is_file():
        raise StoreError(f"unknown live statement '{name}': there is no queries/live/{name}.sql")
    sql = path.read_text(encoding="utf-8")
    return Statement(name, sql, frozenset(_PARAM.findall(without_comments(sql))))


def statements_of(text: str) -> list[str]:
    """The statements of a file that holds several (a migration, the connection's settings): split where a line
    ends with a semicolon; comment-only pieces dropped."""
    pieces = re.split(r";[ \t]*(?:\n|$)", text)
    return [piece.strip() for piece in pieces if without_comments(piece).strip()]


@cache
def postgresql_text(sql: str) -> str:
    """A statement as psycopg takes it: `%(name)s` parameters, a literal % doubled, comments dropped."""
    return _PARAM.sub(r"%(\1)s", without_comments(sql).replace("%", "%%"))
