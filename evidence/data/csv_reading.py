"""Reading a data folder's CSV files with the types the schema gives: every problem names the file, the line,
the column and the rule broken. No type sniffing: each value is parsed as its column's declared type."""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
import stat
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path

import pyarrow as pa


@dataclass(frozen=True)
class Problem:
    file: str
    rule: str
    message: str
    line: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
        if self.column is not None:
            where += f", column {self.column}"
        return f"{where}: {self.rule}: {self.message}"


class DataError(Exception):
    """The data folder cannot be loaded; `problems` says why."""

    def __init__(self, data_dir: Path, problems: list[Problem]):
        self.data_dir = data_dir
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in {data_dir}: {problems[0] if problems else ''}")


@dataclass
class Column:
    name: str
    data_type: str
    nullable: bool


@dataclass
class Table:
    name: str
    columns: list[Column]
    foreign_keys: list[tuple[list[str], str, list[str]]] = field(default_factory=list)
    checks: list[tuple[list[str], str]] = field(default_factory=list)
    key: list[str] = field(default_factory=list)

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    @property
    def parents(self) -> set[str]:
        return {ref for _, ref, _ in self.foreign_keys if ref != self.name}


@dataclass
class Rows:
    """A table's typed values column by column (in the schema's order), with each row's line in its file."""
    lines: list[int]
    columns: list[list]

    def __len__(self) -> int:
        return len(self.lines)

    def take(self, indices: list[int]) -> Rows:
        return Rows([self.lines[i] for i in indices], [[column[i] for i in indices] for column in self.columns])

    def row(self, index: int) -> list:
        return [column[index] for column in self.columns]


# ------------------------------------------------------------------------------------ values

_INTEGER = re.compile(r"[+-]?\d+")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME = re.compile(r"\d{2}:\d{2}(:\d{2})?")
_INT_RANGE = {"INTEGER": 2**31, "BIGINT": 2**63}
# The largest file the app reads (bytes); bigger ones are refused by name without being read. $SME_EVIDENCE_MAX_FILE_MB.
MAX_FILE_BYTES = int(float(os.environ.get("SME_EVIDENCE_MAX_FILE_MB", "100")) * 1_000_000)

ARROW_TYPES = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "DATE": pa.date32(),
    "TIME": pa.time64("us"),
}

TYPE_NAMES = {
    "VARCHAR": "text",
    "INTEGER": "a whole number",
    "BIGINT": "a whole number",
    "DOUBLE": "a number",
    "BOOLEAN": "true or false",
    "DATE": "a date YYYY-MM-DD",
    "TIME": "a time HH:MM:SS",
}


def parse_value(text: str, data_type: str):
    """The typed value of a CSV field; '' is NULL. Raises ValueError when the text is not of the type."""
    if text == "":
        return None
    if data_type == "VARCHAR":
        return text
    value = text.strip()
    if data_type in _INT_RANGE:
        if not _INTEGER.fullmatch(value):
            raise ValueError
        number = int(value)
        if not -_INT_RANGE[data_type] <= number < _INT_RANGE[data_type]:
            raise ValueError
        return number
    if data_type == "DOUBLE":
        if not _NUMBER.fullmatch(value):
            raise ValueError
        return float(value)
    if data_type == "BOOLEAN":
        lowered = value.lower()
        if lowered not in ("true", "false"):
            raise ValueError
        return lowered == "true"
    if data_type == "DATE":
        if not _DATE.fullmatch(value):
            raise ValueError
        return date.fromisoformat(value)
    if data_type == "TIME":
        if not _TIME.fullmatch(value):
            raise ValueError
        return time.fromisoformat(value)
    raise ValueError(f"unsupported column type {data_type}")


# ------------------------------------------------------------------------------------ reading


def regular_file_problem(path: Path, what: str) -> Problem | None:
    """Why `path` (in a data folder) is not read: a symbolic link, not a regular file, a path outside its folder, or
    over MAX_FILE_BYTES; None if it can be read. Nothing is followed and nothing is opened."""
    name = path.name
    try:
        info = path.lstat()
    except FileNotFoundError:
        return Problem(name, "missing file", f"the data folder has no {name} for {what}")
    except OSError as err:
        return Problem(name, "unreadable file", f"the file cannot be looked at ({err.strerror})")
    if stat.S_ISLNK(info.st_mode):
        return Problem(name, "symbolic link", "this is a symbolic link: the app reads only regular files inside the "
                                              "data folder, and follows no link (copy the file in instead)")
    if not stat.S_ISREG(info.st_mode):
        return Problem(name, "not a regular file", "this is not a regular file (a folder, a pipe or a device)")
    if path.resolve().parent != path.parent.resolve():
        return Problem(name, "outside the folder", "the path leads outside the data folder")
    if info.st_size > MAX_FILE_BYTES:
        return Problem(name, "file too large", f"the file is {info.st_size / 1e6:,.0f} MB; the app reads files of at "
                                               f"most {MAX_FILE_BYTES / 1e6:,.0f} MB (it was not read)")
    return None


def _first_bad_byte(path: Path) -> tuple[int, int]:
    """The line and value of the first byte of a file that is not UTF-8 (read again, block by block)."""
    decoder, line = codecs.getincrementaldecoder("utf-8")(), 1
    with path.open("rb") as raw:
        while block := raw.read(1 << 20):
            pending = len(decoder.getstate()[0])  # bytes of a character begun in the last block (no newline there)
            try:
                decoder.decode(block)
            except UnicodeDecodeError as err:
                at = max(err.start - pending, 0)
                return line + block[:at].count(b"\n"), (block[at] if at < len(block) else block[-1])
            line += block.count(b"\n")
    return line, 0


def _column_values(texts: list[str], data_type: str) -> list | None:
    """A column's typed values, as parse_value gives them, or None if one is not of the type (then the rows are read
    one by one to name it). Checked a column at a time: linear in rows, without a call a value."""
    if data_type == "VARCHAR":
        return [text or None for text in texts]
    if data_type in ("INTEGER", "BIGINT", "DOUBLE"):
        given = [text.strip() for text in texts if text != ""]
        if not all(map((_NUMBER if data_type == "DOUBLE" else _INTEGER).fullmatch, given)):
            return None
        convert = float if data_type == "DOUBLE" else int
        values = [convert(text) if text != "" else None for text in texts]
        numbers = [value for value in values if value is not None]
        limit = _INT_RANGE.get(data_type)
        return None if limit and numbers and not -limit <= min(numbers) <= max(numbers) < limit else values
    try:
        return [parse_value(text, data_type) for text in texts]
    except ValueError:
        return None


def _typed_rows(records: list[tuple[int, list[str]]], header: list[str], table: Table) -> Rows | None:
    if any(len(record) != len(header) for _, record in records):
        return None
    columns = []
    for column in table.columns:
        at = header.index(column.name)
        values = _column_values([record[at] for _, record in records], column.data_type)
        if values is None:
            return None
        columns.append(values)
    return Rows([line for line, _ in records], columns)


def read_csv(path: Path, table: Table) -> tuple[Rows, list[Problem]]:
    """Parse one CSV file into typed rows (with their line numbers), or say what is wrong with it (and no rows). The
    file is checked before it is opened and its header before the rows are read."""
    name, nothing = table.file, Rows([], [])
    refused = regular_file_problem(path, f"table {table.name}")
    if refused:
        return nothing, [refused]
    with path.open("rb") as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
        reader = csv.reader(text, strict=True)
        records: list[tuple[int, list[str]]] = []
        try:
            header = next(reader, None)
            if header is None or not any(field.strip() for field in header):
                return nothing, [Problem(name, "empty file",
                                         "the file is empty: expected a header row and data rows")]
            problems = _check_header(name, header, table)
            if problems:
                return nothing, problems
            for record in reader:
                if record:
                    records.append((reader.line_num, record))
        except UnicodeDecodeError:
            line, byte = _first_bad_byte(path)
            return nothing, [Problem(name, "bad encoding",
                                     f"byte 0x{byte:02x} is not valid UTF-8 (save the file as UTF-8)", line)]
        except csv.Error as err:
            if "field larger than field limit" in str(err):
                return nothing, [Problem(name, "cell too long", f"a cell is longer than the CSV reader's limit of "
                                                                f"{csv.field_size_limit():,} characters",
                                         reader.line_num)]
            return nothing, [Problem(name, "broken quoting", f"the CSV cannot be parsed here ({err})",
                                     reader.line_num)]
    if not records:
        return nothing, [Problem(name, "empty file", "the file has a header but no data rows")]

    typed = _typed_rows(records, header, table)
    if typed is not None:
        return typed, []
    position = {column: header.index(column) for column in header}
    for line, record in records:
        if len(record) != len(header):
            problems.append(Problem(name, "wrong number of fields",
                                    f"{len(record)} fields where the header has {len(header)}", line))
            continue
        for column in table.columns:
            text = record[position[column.name]]
            try:
                parse_value(text, column.data_type)
            except ValueError:
                problems.append(Problem(name, "wrong type",
                                        f"{text!r} is not {TYPE_NAMES[column.data_type]} ({column.data_type})",
                                        line, column.name))
    return nothing, problems


def _check_header(name: str, header: list[str], table: Table) -> list[Problem]:
    expected = [column.name for column in table.columns]
    problems = []
    seen = set()
    for column in header:
        if column in seen:
            problems.append(Problem(name, "duplicate column", f"column {column!r} appears twice in the header",
                                    1, column))
        seen.add(column)
    for column in expected:
        if column not in seen:
            problems.append(Problem(name, "missing column", f"the header has no column {column!r}", 1, column))
    for column in header:
        if column not in expected:
            problems.append(Problem(name, "extra column",
                                    f"column {column!r} is not in table {table.name} "
                                    f"(expected: {', '.join(expected)})", 1, column))
    return problems
