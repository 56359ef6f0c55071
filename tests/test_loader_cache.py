"""A folder that loaded cleanly is read back at the next start instead of being checked again (evidence/data/loader.py);
a changed file, or a folder with problems, is checked by the loading child."""

from __future__ import annotations

from evidence.data import loader
from evidence.settings import STATE_DIR_ENV


def fresh_start(monkeypatch) -> list:
    """Forget what this process loaded (as a restarted server would) and count the loading children."""
    spawned: list = []
    spawn = loader._spawn
    monkeypatch.setattr(loader, "_spawn", lambda folder: spawned.append(folder) or spawn(folder))
    monkeypatch.setattr(loader, "_loaded", set())
    monkeypatch.setattr(loader, "_pending", {})
    return spawned


def test_a_clean_folder_is_kept_and_read_back(data_copy, tmp_path, monkeypatch):
    monkeypatch.setenv(STATE_DIR_ENV, str(tmp_path / "state"))
    spawned = fresh_start(monkeypatch)
    first, _ = loader.result(data_copy)
    assert len(spawned) == 1 and not first[2]
    assert list((tmp_path / "state" / "cache").glob("tables-*.pickle"))

    spawned = fresh_start(monkeypatch)
    loader.start(data_copy)
    again, _ = loader.result(data_copy)
    assert spawned == [] and again[1] == first[1] and set(again[0]) == set(first[0])

    (data_copy / "routes.csv").write_bytes((data_copy / "routes.csv").read_bytes() + b"\n")
    spawned = fresh_start(monkeypatch)
    loader.result(data_copy)
    assert len(spawned) == 1  # a changed file: checked again


def test_a_folder_with_problems_is_not_kept(data_copy, tmp_path, monkeypatch):
    monkeypatch.setenv(STATE_DIR_ENV, str(tmp_path / "state"))
    (data_copy / "routes.csv").unlink()
    spawned = fresh_start(monkeypatch)
    answer, _ = loader.result(data_copy)
    assert answer[2] and len(spawned) == 1
    assert not list((tmp_path / "state").glob("cache/tables-*.pickle"))
