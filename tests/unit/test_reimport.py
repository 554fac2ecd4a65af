"""Set-level idempotency (a re-import adds exactly the missing sets, never touches what
was edited in Evenside) and exports without float noise."""

from __future__ import annotations

import csv
import sqlite3
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from evenside.domain.imports import ExerciseDraft, ParsedImport, SessionDraft, SetDraft
from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.domain.units import Unit
from evenside.services import profiles, transfer
from evenside.services.store import Store, open_store
from fakes import FakeClock

HEAD = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE\n"


def _file(folder: Path, name: str, rows: list[str]) -> Path:
    path = folder / name
    path.write_text(HEAD + "".join(r + "\n" for r in rows), "utf-8")
    return path


def _import(
    store: Store, profile: Profile, path: Path, unit: Unit = Unit.KG
) -> transfer.ImportResult:
    parsed = transfer.read_import(path, unit=unit)
    mapping = transfer.default_mapping(transfer.suggestions(store, parsed))
    return transfer.commit_import(store, profile.id, parsed, mapping)


def _weights(db: Path) -> list[tuple[float, int]]:
    with sqlite3.connect(db) as connection:
        return connection.execute(
            "SELECT weight_kg, reps FROM sets ORDER BY session_exercise_id, position"
        ).fetchall()


def _strong_drafts(rows: list[tuple[int, int, float, int]]) -> ParsedImport:
    """A parsed Strong file of one deadlift session: (line, set number, kg, reps) per row."""
    exercise = ExerciseDraft(
        "Deadlift (Barbell)",
        sets=[SetDraft(line, Side.BOTH, kg, reps, order=order) for line, order, kg, reps in rows],
    )
    session = SessionDraft(
        "strong:2025-06-02T18:00:00:Pull", datetime(2025, 6, 2, 18), None, "Pull",
        exercises=[exercise],
    )  # fmt: skip
    return ParsedImport("strong", len(rows), [session], [])


def _commit(store: Store, profile: Profile, parsed: ParsedImport) -> transfer.ImportResult:
    mapping = transfer.default_mapping(transfer.suggestions(store, parsed))
    return transfer.commit_import(store, profile.id, parsed, mapping)


def test_a_corrected_export_adds_the_set_that_was_skipped_and_nothing_else(
    store: Store, profile: Profile, db_path: Path
) -> None:
    # Set 2 was skipped the first time (an unreadable weight); the corrected file has it.
    result = _commit(store, profile, _strong_drafts([(2, 1, 140, 5), (4, 3, 140, 3)]))
    assert (result.sessions_added, result.sets_added) == (1, 2)
    corrected = _strong_drafts([(2, 1, 140, 5), (3, 2, 145, 5), (4, 3, 140, 3)])
    preview = transfer.commit_import(
        store,
        profile.id,
        corrected,
        transfer.default_mapping(transfer.suggestions(store, corrected)),
        dry_run=True,
    )
    again = _commit(store, profile, corrected)
    assert (again.sessions_added, again.sessions_extended, again.sets_added) == (0, 1, 1)
    assert again.sets_already_there == 2
    assert preview == replace(again, dry_run=True)
    assert sorted(_weights(db_path)) == [(140.0, 3), (140.0, 5), (145.0, 5)]
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("SELECT COUNT(*) FROM sessions").fetchone() == (1,)


def test_a_set_edited_in_evenside_is_left_alone_by_a_re_import(
    store: Store, profile: Profile, db_path: Path, tmp_path: Path
) -> None:
    path = _file(tmp_path, "a.csv", ["2025-06-02 18:00:00,Pull,1h,Deadlift (Barbell),1,140,5,0,0,"])
    _import(store, profile, path)
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE sets SET weight_kg = 142.5, reps = 4")
    again = _import(store, profile, path)
    assert (again.sessions_added, again.sets_added, again.duplicates) == (0, 0, 1)
    assert _weights(db_path) == [(142.5, 4)]


def test_115_lb_exports_as_52_16312255_kg_and_reads_back_the_same(
    tmp_path: Path, clock: FakeClock
) -> None:
    store = open_store(tmp_path / "a.sqlite3", clock=clock)
    profile = profiles.create_profile(store, "Lee", Side.RIGHT, Unit.LB)
    _import(store, profile, _file(tmp_path, "lb.csv", [
        "2025-06-02 18:00:00,Push,1h,Bench Press (Barbell),1,115,5,0,0,",
    ]), Unit.LB)  # fmt: skip
    out = tmp_path / "out.csv"
    transfer.export_evenside(store, profile.id, out)
    store.close()
    with out.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows[0]["weight_kg"] == "52.16312255"  # 115 x 0.45359237, no 52.163122550000004
    other = open_store(tmp_path / "b.sqlite3", clock=clock)
    sam = profiles.create_profile(other, "Sam", Side.RIGHT, Unit.KG)
    parsed = transfer.read_import(out)
    transfer.commit_import(
        other, sam.id, parsed, transfer.default_mapping(transfer.suggestions(other, parsed))
    )
    again = tmp_path / "again.csv"
    transfer.export_evenside(other, sam.id, again)
    other.close()
    assert _weights(tmp_path / "b.sqlite3") == [(52.16312255, 5)]
    assert again.read_text("utf-8") == out.read_text("utf-8")


def test_cardio_is_kept_for_history_and_left_out_of_strength_statistics(
    store: Store, profile: Profile, db_path: Path
) -> None:
    from evenside.storage import evidence_repo, progress_repo

    walk = ExerciseDraft(
        "Walking",
        cardio=True,
        sets=[SetDraft(2, Side.BOTH, None, None, duration_seconds=1500, distance_m=2400.0,
                       notes="easy pace")],
    )  # fmt: skip
    row = ExerciseDraft("One Arm Dumbbell Row", sets=[SetDraft(3, Side.BOTH, 30.0, 8)])
    session = SessionDraft(
        "strong:2025-06-03T07:00:00:Mixed", datetime(2025, 6, 3, 7), None, "Mixed",
        exercises=[walk, row],
    )  # fmt: skip
    result = _commit(store, profile, ParsedImport("strong", 2, [session], []))
    assert (result.sets_added, result.sides_unrecorded) == (2, 1)
    with sqlite3.connect(db_path) as connection:
        stored = connection.execute(
            "SELECT e.name, e.kind, t.side, t.duration_seconds, t.distance_m, t.notes,"
            " t.sides_unrecorded FROM sets t"
            " JOIN session_exercises se ON se.id = t.session_exercise_id"
            " JOIN exercises e ON e.id = se.exercise_id ORDER BY se.position"
        ).fetchall()
    assert stored == [
        ("Walking", "cardio", "both", 1500, 2400.0, "easy pace", 0),
        ("One-arm dumbbell row", "strength", "both", None, None, "", 1),
    ]
    with store.transaction() as tx:
        maxima = progress_repo.reps_maxima(tx, profile.id)
        per_side = progress_repo.reps_maxima(tx, profile.id, per_side_only=True)
        evidence = evidence_repo.one_sided_sessions(tx, profile.id)
    assert [(m.side, m.reps) for m in maxima] == [(Side.BOTH, 8)]  # the row's volume only
    assert per_side == []
    assert evidence == []
