"""The presenter's CSV of the room's answers and its data-package description: valid Frictionless, every column
described, marked as the room's answers and not the report's, and nothing in it that names a phone."""

from __future__ import annotations

import json

import pytest
from frictionless import validate

from evidence.live import codes, session
from tests.live_store import (  # noqa: F401 (fixtures)
    FINDING,
    VERDICTS,
    live_fixture,
    postgres_cluster_fixture,
    postgres_url_fixture,
    token,
)


@pytest.fixture
def answered(live):
    room = session.start()
    session.move(room.code, room.secret, 1, FINDING)
    session.answer(room.code, token(1), FINDING, "qualify", "Only for manufacturing, \"mostly\"; not services.",
                   VERDICTS)
    session.answer(room.code, token(2), FINDING, "confirm", None, VERDICTS)
    session.ask(room.code, room.secret, "survey:1a")
    session.answer(room.code, token(1), "survey:1a", "4", None, ("5", "4", "3", "2", "1"))
    return room


def test_the_export_and_its_descriptor_validate_as_a_data_package(answered, tmp_path):
    descriptor = session.export_descriptor(answered.code)
    frame = session.answers_export(answered.code, answered.secret)
    (tmp_path / "answers.csv").write_text(frame.to_csv(index=False), encoding="utf-8")
    (tmp_path / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    report = validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert report.tasks[0].stats["rows"] == 3


def test_the_descriptor_describes_every_column_as_the_rooms_answers(answered):
    descriptor = session.export_descriptor(answered.code.lower())
    resource = descriptor["resources"][0]
    fields = resource["schema"]["fields"]
    frame = session.answers_export(answered.code, answered.secret)
    assert [field["name"] for field in fields] == list(frame.columns)
    assert all(field["type"] and len(field["description"]) > 30 for field in fields)
    for text in (descriptor["description"], resource["description"]):
        assert text.startswith("The room's answers, not the report's")
    assert descriptor["title"].startswith("This room, ") and answered.code in descriptor["title"]
    assert answered.secret not in json.dumps(descriptor)


def test_the_descriptor_of_an_unknown_code_is_refused(live):
    with pytest.raises(session.LiveError, match="No live session has the code QX7K3M."):
        session.export_descriptor("QX7K3M")


def test_the_csv_names_no_phone(answered):
    text = session.answers_export(answered.code, answered.secret).to_csv(index=False)
    assert text.splitlines()[0] == "question_key,choice,comment,answered_minute"
    for secret in [token(1), token(2), codes.digest(token(1)), codes.digest(token(2)), answered.secret,
                   codes.digest(answered.secret)]:
        assert secret not in text


@pytest.mark.parametrize("comment", ["=cmd|' /C calc'!A0", "+SUM(1,2)", "-2+3", "@SUM(A1)"])
def test_a_comment_a_spreadsheet_would_run_as_a_formula_is_exported_as_text(live, comment):
    room = session.start()
    session.move(room.code, room.secret, 1, FINDING)
    session.answer(room.code, token(1), FINDING, "qualify", comment, VERDICTS)
    frame = session.answers_export(room.code, room.secret)
    assert frame["comment"].tolist() == ["'" + comment]
    cells = [line.split(",", 2)[2] for line in frame.to_csv(index=False).splitlines()[1:]]
    assert not any(cell.lstrip('"').startswith(("=", "+", "-", "@")) for cell in cells)
