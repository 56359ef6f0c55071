"""The project's shape: SQL lives in queries/, pages are plain, nothing is built from strings."""

import io
import re
import tokenize
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SQL_SHAPE = re.compile(r"\b(SELECT\b.+\bFROM|INSERT\s+INTO|CREATE\s+TABLE|DROP\s+TABLE|COPY\s+\w+\s+TO|ATTACH\s+')",
                       re.I | re.S)


def python_files():
    for path in REPO.rglob("*.py"):
        if ".venv" in path.parts or "tests" in path.parts:
            continue
        yield path


def string_literals(path: Path):
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
    for token in tokens:
        if token.type == tokenize.STRING:
            yield token.start[0], token.string


def test_no_sql_in_python_files():
    offenders = [
        f"{path.relative_to(REPO)}:{line}"
        for path in python_files()
        for line, text in string_literals(path)
        if SQL_SHAPE.search(text)
    ]
    assert not offenders, f"SQL text outside queries/: {offenders}"


def test_every_query_file_starts_with_what_it_answers():
    for path in (REPO / "queries").glob("*.sql"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith(f"-- {path.stem}:"), path.name


def test_top_level_layout():
    for name in ["app.py", "queries", "data", "tests", "evidence", "requirements.txt", "Makefile", "README.md",
                 ".ci/run"]:
        assert (REPO / name).exists(), name


def test_ci_runs_make_test():
    assert "make test" in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_requirements_are_pinned():
    for name in ["requirements.txt", "requirements-dev.txt"]:
        for line in (REPO / name).read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith(("#", "-r")):
                assert re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[\w.]+", line), f"{name}: {line} is not pinned"


def test_url_keys_are_unique_across_views():
    """A widget key bound to the URL on two views makes Streamlit drop a link's state when moving between them."""
    owners: dict[str, str] = {}
    for path in sorted((REPO / "pages").glob("*.py")):
        for key in re.findall(r'key="([^"]+)"[^)]*bind="query-params"', path.read_text(encoding="utf-8"), re.S):
            assert key not in owners, f"URL key {key!r} is used by {owners.get(key)} and {path.name}"
            owners[key] = path.name
    assert len(owners) >= 20
