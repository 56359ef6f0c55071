"""Check a data folder from the command line: `python -m evidence.data.validate_command [DATA_DIR]` (`make validate`)
lists the tables with their row counts, or every problem found (exit status 1)."""

from __future__ import annotations

import sys
from pathlib import Path

from evidence.data.validate import load
from evidence.settings import data_dir_from_env


def report(data_dir: Path) -> tuple[str, bool]:
    """The text `make validate` prints, and whether the data is valid."""
    connection, counts, problems = load(data_dir)
    connection.close()
    if problems:
        lines = [f"{len(problems)} problem(s) in {data_dir}:"]
        lines += [f"  {problem}" for problem in problems]
        return "\n".join(lines), False
    width = max(len(name) for name in counts)
    lines = [f"  {name:<{width}}  {count:>4} rows" for name, count in counts.items()]
    lines.append(f"OK: {len(counts)} tables, {sum(counts.values())} rows, loaded from {data_dir}")
    return "\n".join(lines), True


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    data_dir = Path(argv[0]) if argv else data_dir_from_env()
    text, ok = report(data_dir)
    print(text)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
