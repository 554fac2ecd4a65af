"""Conservative exercise mapping: a name from another app goes to a library exercise only
when movement, equipment and laterality agree; otherwise it becomes its own exercise.
Mappings are remembered per app and name, and an import's own exercises are never matched
to other names."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from evenside.domain.library import Exercise
from evenside.domain.name_mapping import best_match, name_traits
from evenside.domain.profile import Profile
from evenside.domain.units import Unit
from evenside.services import library, transfer
from evenside.services.import_mapping import mapping_for
from evenside.services.store import Store


def _library(store: Store) -> list[Exercise]:
    return [e for e in library.all_exercises(store) if not e.custom]


def _goes_to(store: Store, name: str) -> str | None:
    best, _reason = best_match(name, _library(store))
    return None if best is None else best.name


@pytest.mark.parametrize(
    ("source", "wrong"),
    [
        ("Preacher Curl (Barbell)", "One-arm preacher curl"),
        ("Reverse Fly (Machine)", "One-arm reverse fly"),
        ("Seated Calf Raise (Machine)", "Single-leg seated calf raise"),
        ("Dumbbell Bench Press", "One-arm dumbbell bench press"),
        ("Calf Press (Machine)", "Half-kneeling landmine press"),
        ("Lunge", "Curtsy lunge"),
        ("Skull Crushers", "Dumbbell skull crusher"),
        ("Box Squats", "Pistol squat to box"),
        ("Walking", "Walking lunge"),
        ("Bench Press (Dumbbell)", "Bench press"),
        ("Bench Press (Smith Machine)", "Bench press"),
        ("Hack Squat", "Back squat"),
        ("Squat (Machine)", "Back squat"),
        ("Squat (Smith Machine)", "Back squat"),
        ("Squat (Bodyweight)", "Back squat"),
        ("Lat Pulldown (Single Arm)", "Lat pulldown"),
    ],
)
def test_the_bad_mappings_seen_in_real_files_do_not_happen(
    store: Store, source: str, wrong: str
) -> None:
    assert _goes_to(store, source) != wrong


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Bench Press (Barbell)", "Bench press"),
        ("Lat Pulldown (Cable)", "Lat pulldown"),
        ("Deadlift (Barbell)", "Deadlift"),
        ("Romanian Deadlift (Barbell)", "Romanian deadlift"),
        ("Pull Up", "Pull-up"),
        ("Plank", "Plank"),
        ("One Arm Dumbbell Row", "One-arm dumbbell row"),
        ("Lat Pulldown (Single Arm)", "One-arm lat pulldown"),
        ("Einarmiges Kurzhantel Rudern", None),
        ("Squat (Barbell)", "Back squat"),  # Strong's name for the barbell back squat
        ("Barbell Squat", "Back squat"),
        ("Dumbbell Bulgarian Split Squat", "Bulgarian split squat"),  # one leg by nature
        ("Lunge", None),  # one-sided, but no library lunge is just "lunge"
    ],
)
def test_names_that_agree_in_everything_map(
    store: Store, source: str, expected: str | None
) -> None:
    assert _goes_to(store, source) == expected


def test_laterality_comes_only_from_explicit_markers() -> None:
    one_sided = [
        "Single Arm Cable Row",
        "One-Leg Press",
        "Unilateral Leg Extension",
        "Rudern einarmig (Kurzhantel)",
        "Kniebeuge einbeinig",
        "Développé unilatéral (haltère)",
        "Curl un bras (haltère)",
        "Presse une jambe",
        "Dumbbell Row (Each Side)",
        "Cable Fly (Each Side)",
        "Kettlebell Swing (Each Side)",
        "Bulgarian Split Squat (Dumbbell)",  # one leg at a time by what it is
        "Lunge",
        "Ausfallschritt (Kurzhantel)",
    ]
    two_sided = [
        "Barbell Squat (Each Side)",  # plates on each side of the bar
        "Leg Press (Each Side)",
        "Preacher Curl (Barbell)",
        "Legs",
        "Box Squats",
    ]
    assert [n for n in one_sided if not name_traits(n).one_sided] == []
    assert [n for n in two_sided if name_traits(n).one_sided] == []


def _without_markers(name: str) -> str:
    return re.sub(r"(?i)\b(single|one|1)[- ]?(arm|leg)\b|\bunilateral\b", " ", name)


def test_no_two_sided_name_maps_to_a_one_sided_exercise_anywhere_in_the_library(
    store: Store,
) -> None:
    exercises = _library(store)
    wrong = []
    for exercise in exercises:
        bare = " ".join(_without_markers(exercise.name).split())
        if name_traits(bare).one_sided:
            continue  # a split squat or a lunge: the movement's name is the marker
        for variant in (
            bare,
            f"{bare} (Barbell)",
            f"{bare} (Dumbbell)",
            f"{bare} (Machine)",
            f"{bare} (Cable)",
            f"Barbell {bare} (Each Side)",
        ):
            best, _ = best_match(variant, exercises)
            if best is not None and best.laterality.per_side:
                wrong.append((variant, best.name))
    assert wrong == []


def test_no_two_equipment_variants_of_a_name_go_to_the_same_exercise(store: Store) -> None:
    exercises = _library(store)
    equipment = ("Barbell", "Dumbbell", "Machine", "Cable", "Smith Machine", "Kettlebell",
                 "Bodyweight", "Band", "EZ Bar")  # fmt: skip
    merged = []
    for exercise in exercises:
        targets: dict[int, list[str]] = {}
        for kind in equipment:
            best, _ = best_match(f"{exercise.name} ({kind})", exercises)
            if best is not None:
                targets.setdefault(best.id, []).append(kind)
        merged += [(exercise.name, kinds) for kinds in targets.values() if len(kinds) > 1]
    assert merged == []


STRONG_HEAD = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,RPE\n"
)


def _strong(tmp_path: Path, name: str, rows: list[str]) -> Path:
    path = tmp_path / name
    path.write_text(STRONG_HEAD + "".join(row + "\n" for row in rows), "utf-8")
    return path


def _import(store: Store, profile: Profile, path: Path) -> transfer.ImportResult:
    parsed = transfer.read_import(path, unit=Unit.KG)
    return transfer.commit_import(
        store, profile.id, parsed, transfer.default_mapping(transfer.suggestions(store, parsed))
    )


def _where(db_path: Path) -> dict[str, str]:
    with sqlite3.connect(db_path) as db:
        return dict(
            db.execute(
                "SELECT m.source_name, e.name FROM import_mappings m"
                " JOIN exercises e ON e.id = m.exercise_id"
            ).fetchall()
        )


def test_the_same_name_maps_the_same_way_across_two_imports_of_overlapping_files(
    store: Store, profile: Profile, db_path: Path, tmp_path: Path
) -> None:
    first = _strong(
        tmp_path,
        "first.csv",
        [
            "2025-03-01 10:00:00,A,1h,Bench Press (Dumbbell),1,30,10,0,0,",
            "2025-03-01 10:00:00,A,1h,Bench Press (Smith Machine),1,60,8,0,0,",
            "2025-03-01 10:00:00,A,1h,Lat Pulldown (Single Arm),1,25,12,0,0,",
        ],
    )
    second = _strong(
        tmp_path,
        "second.csv",
        [
            "2025-03-01 10:00:00,A,1h,Bench Press (Dumbbell),1,30,10,0,0,",
            "2025-03-08 10:00:00,B,1h,Bench Press (Dumbbell),1,32,10,0,0,",
            "2025-03-08 10:00:00,B,1h,Bench Press,1,70,5,0,0,",
            "2025-03-08 10:00:00,B,1h,Lat Pulldown (Single Arm),1,27,12,0,0,",
        ],
    )
    _import(store, profile, first)
    after_first = _where(db_path)
    _import(store, profile, second)
    after_second = _where(db_path)
    assert after_first == {
        "Bench Press (Dumbbell)": "Bench Press (Dumbbell)",
        "Bench Press (Smith Machine)": "Bench Press (Smith Machine)",
        "Lat Pulldown (Single Arm)": "One-arm lat pulldown",
    }
    # "Bench Press" names no equipment, as the library's "Bench press": they agree. The
    # first import's "Bench Press (Dumbbell)" is no target for it.
    assert after_second == after_first | {"Bench Press": "Bench press"}
    with sqlite3.connect(db_path) as db:
        made = db.execute(
            "SELECT name, laterality, equipment, import_source FROM exercises"
            " WHERE import_source IS NOT NULL ORDER BY name"
        ).fetchall()
    assert made == [
        ("Bench Press (Dumbbell)", "bilateral", "dumbbell", "strong"),
        ("Bench Press (Smith Machine)", "bilateral", "smith", "strong"),
    ]


def test_a_mapping_the_user_chose_wins_over_a_later_import(
    store: Store, profile: Profile, db_path: Path, tmp_path: Path
) -> None:
    path = _strong(
        tmp_path, "a.csv", ["2025-03-01 10:00:00,A,1h,Chest Press (Machine),1,50,10,0,0,"]
    )
    parsed = transfer.read_import(path, unit=Unit.KG)
    found = transfer.suggestions(store, parsed)
    assert found[0].best is None
    assert "no library exercise with the same movement" in found[0].reason
    bench = next(e for e in library.all_exercises(store) if e.name == "Bench press")
    transfer.commit_import(
        store,
        profile.id,
        parsed,
        {"Chest Press (Machine)": mapping_for(found[0], bench.id, user=True)},
    )
    again = transfer.suggestions(store, transfer.read_import(path, unit=Unit.KG))
    assert again[0].best is not None and again[0].best.name == "Bench press"
    assert again[0].remembered == "user"


def test_a_one_sided_row_without_a_side_is_one_set_marked_sides_not_recorded(
    store: Store, profile: Profile, db_path: Path, tmp_path: Path
) -> None:
    path = _strong(
        tmp_path,
        "one-sided.csv",
        [
            "2025-03-01 10:00:00,A,1h,One Arm Dumbbell Row,1,20,10,0,0,",
            "2025-03-01 10:00:00,A,1h,One Arm Dumbbell Row,2,22,8,0,0,",
        ],
    )
    result = _import(store, profile, path)
    assert (result.sets_added, result.sides_unrecorded) == (2, 2)
    with sqlite3.connect(db_path) as db:
        rows = db.execute("SELECT side, weight_kg, reps, sides_unrecorded FROM sets").fetchall()
    assert rows == [("both", 20.0, 10, 1), ("both", 22.0, 8, 1)]


def test_remapping_a_name_moves_its_sets_and_undo_puts_them_back(
    store: Store, profile: Profile, db_path: Path, tmp_path: Path
) -> None:
    from evenside.services import import_names

    path = _strong(
        tmp_path,
        "a.csv",
        [
            "2025-03-01 10:00:00,A,1h,Rear Foot Elevated Split Squat,1,20,8,0,0,",
            "2025-03-01 10:00:00,A,1h,Bench Press (Barbell),1,60,8,0,0,",
        ],
    )
    _import(store, profile, path)
    [_bench, split] = sorted(import_names.names_from_imports(store), key=lambda m: m.source_name)
    assert (split.source_name, split.exercise_name) == (
        "Rear Foot Elevated Split Squat",
        "Rear Foot Elevated Split Squat",  # no library name agrees: its own one-sided exercise
    )
    target = next(e for e in library.all_exercises(store) if e.name == "Bulgarian split squat")

    def sets() -> list[tuple[str, str, int]]:
        with sqlite3.connect(db_path) as db:
            return db.execute(
                "SELECT e.name, t.side, t.sides_unrecorded FROM sets t"
                " JOIN session_exercises se ON se.id = t.session_exercise_id"
                " JOIN exercises e ON e.id = se.exercise_id ORDER BY e.name"
            ).fetchall()

    before = sets()
    done = import_names.remap(store, split.id, target.id)
    assert sets() == [
        ("Bench press", "both", 0),
        ("Bulgarian split squat", "both", 1),  # one-sided, side not recorded: volume only
    ]
    assert _where(db_path)["Rear Foot Elevated Split Squat"] == "Bulgarian split squat"
    again = transfer.suggestions(store, transfer.read_import(path, unit=Unit.KG))
    assert {s.imported: s.remembered for s in again}["Rear Foot Elevated Split Squat"] == "user"
    import_names.undo_remap(store, done)
    assert sets() == before
    assert _where(db_path)["Rear Foot Elevated Split Squat"] == "Rear Foot Elevated Split Squat"
