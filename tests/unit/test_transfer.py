"""Import into the database (all-or-nothing, twice adds nothing, cancel changes nothing),
our CSV round-trips exactly, the Strong-style export, and neutralised formula cells."""

from __future__ import annotations

import csv
import hashlib
import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evenside.domain.errors import InvalidInput
from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.domain.training import (
    ExerciseRecord,
    SessionRecord,
    SetKind,
    SetRecord,
    StretchStatus,
)
from evenside.domain.units import Unit
from evenside.interchange.importers import parse_file
from evenside.services import library, profiles, transfer
from evenside.services.demo import fill_demo
from evenside.services.store import Store, open_store
from evenside.storage import bulk_repo
from fakes import FakeClock

pytestmark = pytest.mark.both_backends  # the store fixture: SQLite and PostgreSQL

FIXTURES = Path(__file__).parents[1] / "fixtures" / "imports"


def _dump(path: Path) -> list[tuple[object, ...]]:
    """Everything a user logged, without row ids (they differ between databases)."""
    with sqlite3.connect(path) as connection:
        return connection.execute(
            "SELECT s.started_at, s.ended_at, s.name, s.notes, e.name, se.position, se.first_side,"
            " se.stretch_status, se.notes, t.position, t.side, t.weight_kg, t.reps,"
            " t.duration_seconds, t.rpe, t.rir, t.kind, t.logged_at"
            " FROM sets t JOIN session_exercises se ON se.id = t.session_exercise_id"
            " JOIN sessions s ON s.id = se.session_id JOIN exercises e ON e.id = se.exercise_id"
            " ORDER BY s.started_at, se.position, t.position"
        ).fetchall()


def _import(
    store: Store, profile: Profile, name: str, unit: Unit | None = Unit.KG
) -> transfer.ImportResult:
    parsed = transfer.read_import(FIXTURES / name, unit=unit)
    mapping = transfer.default_mapping(transfer.suggestions(store, parsed))
    return transfer.commit_import(store, profile.id, parsed, mapping)


def test_importing_twice_adds_nothing_the_second_time(
    store: Store, profile: Profile, db_path: Path
) -> None:
    first = _import(store, profile, "strong_v2_quirks.csv")
    # 12 rows, 4 skipped: 8 sets (a one-sided row without a side is one set, not two)
    assert (first.sessions_added, first.sets_added) == (2, 8)
    before = _dump(db_path)
    second = _import(store, profile, "strong_v2_quirks.csv")
    assert (second.sessions_added, second.sets_added, second.duplicates) == (0, 0, 2)
    assert _dump(db_path) == before


def test_left_right_pair_becomes_one_exercise_with_per_side_sets(
    store: Store, profile: Profile, db_path: Path
) -> None:
    _import(store, profile, "strong_v1_oldest.csv")
    rows = [r for r in _dump(db_path) if r[4] == "Bulgarian split squat"]
    assert [(r[10], r[11], r[12]) for r in rows] == [("left", 20.0, 8), ("right", 22.0, 8)]
    assert rows[0][6] == "left"  # the side done first


def test_unmapped_names_become_custom_exercises_with_their_laterality(
    store: Store, profile: Profile
) -> None:
    _import(store, profile, "strong_german_crlf.csv")
    custom = {e.name: e for e in library.all_exercises(store) if e.custom}
    assert custom["Ausfallschritt"].laterality.per_side


def test_a_failure_mid_import_writes_nothing(store: Store, profile: Profile, db_path: Path) -> None:
    parsed = transfer.read_import(FIXTURES / "hevy_kg.csv")
    mapping = transfer.default_mapping(transfer.suggestions(store, parsed))
    before = hashlib.sha256(str(_dump(db_path)).encode()).hexdigest()
    calls = {"n": 0}

    def cancel_after_first() -> bool:
        calls["n"] += 1
        return calls["n"] > 1

    with pytest.raises(transfer.ImportCancelled):
        transfer.commit_import(store, profile.id, parsed, mapping, cancelled=cancel_after_first)
    assert hashlib.sha256(str(_dump(db_path)).encode()).hexdigest() == before
    assert [e.name for e in library.all_exercises(store) if e.custom] == []  # rolled back too


def test_mapping_must_cover_every_name(store: Store, profile: Profile) -> None:
    parsed = transfer.read_import(FIXTURES / "hevy_lb.csv")
    with pytest.raises(InvalidInput, match="Choose where"):
        transfer.commit_import(store, profile.id, parsed, {})


def test_names_that_agree_in_movement_equipment_and_sides_map_despite_case_and_spacing(
    store: Store,
) -> None:
    parsed = parse_file(FIXTURES / "strong_v2_quirks.csv", unit=Unit.KG)
    found = {s.imported: s for s in transfer.suggestions(store, parsed)}
    assert found["One Arm Dumbbell Row"].best.name == "One-arm dumbbell row"  # type: ignore[union-attr]
    assert found["Bench Press (Barbell)"].best.name == "Bench press"  # type: ignore[union-attr]
    assert found["Pull Up"].best.name == "Pull-up"  # type: ignore[union-attr]
    assert found["Bench Press (Barbell)"].reason.startswith("same movement, equipment")


def test_our_csv_round_trips_the_demo_exactly(tmp_path: Path, clock: FakeClock) -> None:
    source = open_store(tmp_path / "a.sqlite3", clock=clock)
    summary = fill_demo(source, weeks=6, end=date(2026, 11, 1))
    exported = tmp_path / "export.csv"
    count = transfer.export_evenside(source, summary.profile_id, exported)
    assert count == summary.sets
    source.close()
    target = open_store(tmp_path / "b.sqlite3", clock=clock)
    profile = profiles.create_profile(target, "Sam", Side.RIGHT, Unit.KG)
    parsed = transfer.read_import(exported)
    result = transfer.commit_import(
        target, profile.id, parsed, transfer.default_mapping(transfer.suggestions(target, parsed))
    )
    assert result.sets_added == summary.sets
    target.close()
    assert _dump(tmp_path / "b.sqlite3") == _dump(tmp_path / "a.sqlite3")


text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=20
)
# Weights as typed (any decimals up to six): exports write them exactly, as they were stored.
weights = st.one_of(
    st.none(), st.floats(min_value=0, max_value=1000, allow_nan=False).map(lambda w: round(w, 6))
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=text,
    notes=text,
    weights=st.lists(weights, min_size=1, max_size=4),
    reps=st.one_of(st.none(), st.integers(0, 1000)),
    rpe=st.one_of(st.none(), st.sampled_from([5.0, 7.5, 10.0])),
    kind=st.sampled_from(list(SetKind)),
)
def test_round_trip_property(
    tmp_path_factory: pytest.TempPathFactory,
    name: str,
    notes: str,
    weights: list[float | None],
    reps: int | None,
    rpe: float | None,
    kind: SetKind,
) -> None:
    folder = tmp_path_factory.mktemp("roundtrip")
    clock = FakeClock(datetime(2026, 1, 1, 12))
    source = open_store(folder / "a.sqlite3", clock=clock)
    profile = profiles.create_profile(source, "P", Side.LEFT, Unit.KG)
    exercise = next(e for e in library.all_exercises(source) if e.name == "Bulgarian split squat")
    sets = tuple(
        SetRecord(
            Side.LEFT if i % 2 == 0 else Side.RIGHT,
            w,
            reps,
            kind,
            datetime(2026, 1, 1, 12, i),
            None,
            rpe,
        )
        for i, w in enumerate(weights)
    )
    record = SessionRecord(
        datetime(2026, 1, 1, 12),
        datetime(2026, 1, 1, 13),
        (ExerciseRecord(exercise.id, sets, Side.LEFT, StretchStatus.DONE, None, notes),),
        name,
        notes,
    )
    with source.transaction() as session:
        bulk_repo.insert_sessions(session, profile.id, [record])
    transfer.export_evenside(source, profile.id, folder / "x.csv")
    source.close()
    target = open_store(folder / "b.sqlite3", clock=clock)
    other = profiles.create_profile(target, "P", Side.LEFT, Unit.KG)
    parsed = transfer.read_import(folder / "x.csv")
    transfer.commit_import(
        target, other.id, parsed, transfer.default_mapping(transfer.suggestions(target, parsed))
    )
    target.close()
    assert _dump(folder / "b.sqlite3") == _dump(folder / "a.sqlite3")


def test_formula_cells_are_neutralised(store: Store, profile: Profile, tmp_path: Path) -> None:
    exercise = next(e for e in library.all_exercises(store) if e.name == "Back squat")
    with store.transaction() as session:
        bulk_repo.insert_sessions(
            session,
            profile.id,
            [
                SessionRecord(
                    datetime(2026, 2, 1, 9),
                    datetime(2026, 2, 1, 10),
                    (
                        ExerciseRecord(
                            exercise.id,
                            (SetRecord(Side.BOTH, 100.0, 5),),
                            None,
                            StretchStatus.DONE,
                            None,
                            "-lean forward",
                        ),
                    ),
                    '=HYPERLINK("x")',
                    "@SUM(A1)",
                )
            ],
        )
    for writer in ("evenside", "strong"):
        path = tmp_path / f"{writer}.csv"
        if writer == "evenside":
            transfer.export_evenside(store, profile.id, path)
        else:
            transfer.export_strong(store, profile.id, path, Unit.KG)
        with path.open(newline="", encoding="utf-8") as handle:
            cells = [c for row in csv.reader(handle) for c in row]
        assert '\'=HYPERLINK("x")' in cells and "'@SUM(A1)" in cells and "'-lean forward" in cells
        assert not any(c.startswith(("=", "+", "@")) for c in cells)


def test_strong_export_reads_back_as_one_exercise_per_side(
    store: Store, profile: Profile, tmp_path: Path
) -> None:
    _import(store, profile, "strong_v1_oldest.csv")
    path = tmp_path / "strong.csv"
    transfer.export_strong(store, profile.id, path, Unit.KG)
    text = path.read_text("utf-8")
    assert "Bulgarian split squat (Left)" in text and "Bulgarian split squat (Right)" in text
    parsed = parse_file(path, unit=Unit.KG)
    squats = [
        s
        for sess in parsed.sessions
        for e in sess.exercises
        if e.name == "Bulgarian split squat"
        for s in e.sets
    ]
    assert [s.side for s in squats] == [Side.LEFT, Side.RIGHT]


def test_durations_survive_the_strong_export(
    store: Store, profile: Profile, tmp_path: Path
) -> None:
    _import(store, profile, "strong_v2_quirks.csv")
    path = tmp_path / "strong.csv"
    transfer.export_strong(store, profile.id, path, Unit.KG)
    parsed = parse_file(path, unit=Unit.KG)
    upper = parsed.sessions[0]
    assert upper.ended_at - upper.started_at == timedelta(minutes=82)  # type: ignore[operator]
