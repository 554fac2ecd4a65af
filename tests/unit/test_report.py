"""The weak-side verdict through the services (prompt, summary, Progress) and the
`evenside report` command on a history imported from Evenside's own CSV. Expected values
are worked out by hand in each test."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from evenside.cli import main
from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.domain.training import SetRecord
from evenside.domain.units import Unit
from evenside.services import library, profiles, progress, session_summary, verdicts, workout
from evenside.services.store import Store, open_store
from fakes import FakeClock

pytestmark = pytest.mark.both_backends  # the store fixture: SQLite and PostgreSQL

ROW = "One-arm dumbbell row"
# 20 kg x 8, L at RPE 9.5 (.774), R at RPE 7 (.707): gap = 1 - .707 / .774 = 8.66 %.
RPE_GAP = (1 - 0.707 / 0.774) * 100


def _exercise_id(store: Store, name: str) -> int:
    return next(e.id for e in library.all_exercises(store) if e.name == name)


def _log_weeks(
    store: Store, clock: FakeClock, profile: Profile, name: str, sets: list[SetRecord], weeks: int
) -> None:
    for week in range(weeks, 0, -1):
        now = clock.moment
        clock.moment = now - timedelta(weeks=week)
        session = workout.start_session(store, profile.id)
        se_id = workout.add_exercise(store, session.id, _exercise_id(store, name))
        for record in sets:
            workout.log_set(store, se_id, record)
        workout.finish_session(store, session.id)
        clock.moment = now


MATCHED_WITH_RPE = [
    SetRecord(Side.LEFT, 20, 8, rpe=9.5),
    SetRecord(Side.RIGHT, 20, 8, rpe=7),
] * 2
MATCHED_NO_EFFORT = [SetRecord(Side.LEFT, 20, 8), SetRecord(Side.RIGHT, 20, 8)] * 2


def test_matched_sets_with_rpe_show_the_left_weaker_everywhere(
    store: Store, clock: FakeClock, profile: Profile
) -> None:
    _log_weeks(store, clock, profile, ROW, MATCHED_WITH_RPE, 4)
    row_id = _exercise_id(store, ROW)
    judged = verdicts.exercise_verdict(store, profile.id, row_id)
    # Four sessions with d = 8.66 % each: sd 0, bound 8.66 > 0 and 8.66 > 3 -> left weaker.
    assert judged.verdict.weaker is Side.LEFT
    assert judged.verdict.gap_percent == pytest.approx(RPE_GAP)
    assert judged.verdict.sessions == 4
    assert judged.sentence.startswith("Your left is 9 % weaker than your right, beyond day-to-day")
    # The session prompt, the summary and Progress say the same.
    session = workout.start_session(store, profile.id)
    se_id = workout.add_exercise(store, session.id, row_id)
    current = workout.get_session(store, session.id)
    lib = library.get_exercise(store, row_id)
    coaching = workout.coaching(store, profile, current, current.exercises[0], lib)
    assert coaching.weak is not None and coaching.weak.weaker
    assert coaching.weak.prompt.startswith("Start with L: weaker by 9 % (e1RM (RPE table), 4 ")
    for record in MATCHED_WITH_RPE:
        workout.log_set(store, se_id, record)
    summary = session_summary.summarise(store, session.id).exercises[0]
    assert summary.asymmetry is not None and summary.asymmetry.weaker is Side.LEFT
    assert summary.asymmetry.percent == pytest.approx(RPE_GAP)
    assert summary.verdict.startswith("Your left is 9 % weaker")
    shown = progress.exercise_progress(store, profile.id, row_id)
    assert shown.sentence.startswith("Your left is 9 % weaker")
    assert [round(p.percent, 2) for p in shown.asymmetry] == [8.66] * 5
    assert [p.within_noise for p in shown.asymmetry] == [None, None, False, False, False]
    (row,) = progress.overview(store, profile.id)
    assert row.current.weaker is Side.LEFT and row.current.within_noise is False


def test_the_same_sets_without_effort_are_not_measured_never_even(
    store: Store, clock: FakeClock, profile: Profile
) -> None:
    _log_weeks(store, clock, profile, ROW, MATCHED_NO_EFFORT, 4)
    row_id = _exercise_id(store, ROW)
    judged = verdicts.exercise_verdict(store, profile.id, row_id)
    assert not judged.verdict.measured and judged.verdict.weaker is None
    assert judged.sentence == (
        "Not measured yet: log RPE on your last set per side, or run a check. "
        "Start with your left, your non-dominant side."
    )
    session = workout.start_session(store, profile.id)
    se_id = workout.add_exercise(store, session.id, row_id)
    current = workout.get_session(store, session.id)
    coaching = workout.coaching(
        store, profile, current, current.exercises[0], library.get_exercise(store, row_id)
    )
    assert coaching.weak is not None and not coaching.weak.weaker
    assert coaching.weak.side is Side.LEFT
    assert "your non-dominant side (not measured yet" in coaching.weak.prompt
    for record in MATCHED_NO_EFFORT:
        workout.log_set(store, se_id, record)
    summary = session_summary.summarise(store, session.id).exercises[0]
    assert summary.asymmetry is None and not summary.measured
    assert "even" not in summary.verdict
    assert progress.exercise_progress(store, profile.id, row_id).asymmetry == ()
    assert progress.overview(store, profile.id) == []


def test_bilateral_work_is_both_sides_never_left(
    store: Store, clock: FakeClock, profile: Profile
) -> None:
    _log_weeks(store, clock, profile, "Barbell curl", [SetRecord(Side.BOTH, 30, 8)], 2)
    shown = progress.exercise_progress(store, profile.id, _exercise_id(store, "Barbell curl"))
    # Brzycki 30 x 8 = 30 * 36 / 29 = 37.24, as "both", with no left or right value.
    assert [(p.left, p.right) for p in shown.points] == [(None, None)] * 2
    assert [p.both for p in shown.points] == [pytest.approx(30 * 36 / 29)] * 2
    assert shown.verdict is None and shown.asymmetry == ()


HEADER = (
    "session_key,session_started_at,session_ended_at,session_name,session_notes,exercise,"
    "laterality,load_basis,exercise_position,first_side,stretch,exercise_notes,set_position,"
    "side,weight_kg,reps,duration_seconds,rpe,rir,kind,logged_at"
)


def _csv_rows() -> list[str]:
    """Four weeks: a row with RPE (L) and RIR (R), a lateral raise with reps that differ,
    a curl matched with no effort, and a bilateral barbell curl."""
    exercises = [
        # name, laterality, load basis, [(side, kg, reps, rpe, rir)]
        (ROW, "unilateral", "per hand", [("left", 20, 8, "9.5", ""), ("right", 20, 8, "", "3")]),
        ("One-arm lateral raise", "unilateral", "per hand",
         [("left", 8, 13, "", ""), ("right", 8, 15, "", "")]),
        ("One-arm dumbbell curl", "unilateral", "per hand",
         [("left", 12, 10, "", ""), ("right", 12, 10, "", "")]),
        ("Barbell curl", "bilateral", "total", [("both", 30, 8, "", "")]),
    ]  # fmt: skip
    rows = []
    for week in range(4):
        day = f"2026-06-{2 + 7 * week:02d}"
        for position, (name, laterality, basis, sets) in enumerate(exercises):
            for number, (side, kg, reps, rpe, rir) in enumerate(sets):
                rows.append(
                    f"w{week},{day}T18:00:00,{day}T19:00:00,,,{name},{laterality},{basis},"
                    f"{position},,done,,{number},{side},{kg}.0,{reps},,{rpe},{rir},working,"
                )
    return rows


def test_report_json_on_an_imported_evenside_csv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "report.sqlite3"
    store = open_store(db)
    profiles.create_profile(store, "Coach's client", Side.RIGHT, Unit.KG)
    store.close()
    csv = tmp_path / "history.csv"
    csv.write_text("\n".join([HEADER, *_csv_rows()]) + "\n", encoding="utf-8")
    assert main(["--db", str(db), "import", str(csv), "--format", "evenside"]) == 0
    capsys.readouterr()

    assert main(["--db", str(db), "report", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    keys = {"exercise", "weaker", "gap_percent", "beyond_noise", "measured", "score"}
    assert all(set(entry) == keys | {"sessions", "sentence"} for entry in report)
    by_name = {entry["exercise"]: entry for entry in report}
    assert set(by_name) == {ROW, "One-arm lateral raise", "One-arm dumbbell curl"}  # no bilateral
    # RPE 9.5 vs RIR 3 (= RPE 7) at 20 kg x 8: 8.66 % each week, sd 0 -> left, beyond noise.
    row = by_name[ROW]
    assert (row["weaker"], row["gap_percent"], row["beyond_noise"]) == ("left", 8.7, True)
    assert (row["measured"], row["score"], row["sessions"]) == (True, "e1RM (RPE table)", 4)
    # 8 kg x 13 vs x 15: (15 - 13) / 15 = 13.3 % each week -> left, beyond noise.
    raise_ = by_name["One-arm lateral raise"]
    assert (raise_["weaker"], raise_["gap_percent"], raise_["score"]) == (
        "left",
        13.3,
        "reps at 8 kg",
    )
    assert raise_["beyond_noise"] and raise_["sessions"] == 4
    # Matched with no effort: not measured, nothing called weaker, never "even".
    curl = by_name["One-arm dumbbell curl"]
    assert curl["measured"] is False and curl["weaker"] is None and curl["gap_percent"] is None
    assert curl["beyond_noise"] is False and curl["sessions"] == 0
    assert curl["sentence"].startswith("Not measured yet")

    assert main(["--db", str(db), "report", "--exercise", "one-arm DUMBBELL row"]) == 0
    assert capsys.readouterr().out.startswith(f"{ROW}: Your left is 9 % weaker than your right")
    assert main(["--db", str(db), "report", "--since", "2026-06-20", "--json"]) == 0
    assert {e["exercise"]: e["sessions"] for e in json.loads(capsys.readouterr().out)}[ROW] == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", "--exercise", "Nope"], 'No exercise called "Nope".'),
        (["report", "--since", "June"], '"June" is not a date like 2026-06-02.'),
    ],
)
def test_report_known_errors_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    db = tmp_path / "report.sqlite3"
    store = open_store(db)
    profiles.create_profile(store, "Alex", Side.RIGHT, Unit.KG)
    store.close()
    assert main(["--db", str(db), *args]) == 2
    assert capsys.readouterr().err == f"evenside: {message}\n"
