"""Small domain rules the screens show as text or refuse with a message: plate sizes,
settings limits, sides, routine targets, the generator's choices, labels. Each expected
value is written out."""

from __future__ import annotations

import pytest

from evenside.domain.e1rm import Formula
from evenside.domain.errors import InvalidInput
from evenside.domain.generator import GeneratorChoice, validate_choice
from evenside.domain.library import LoadBasis
from evenside.domain.muscles import MuscleGroup, OpposingPair
from evenside.domain.plates import parse_plates, plates_per_side
from evenside.domain.profile import Settings, validate_profile_name
from evenside.domain.routines import RoutineItem, validate_name, validate_targets
from evenside.domain.sides import Side
from evenside.domain.training import SetKind

# -- plates ------------------------------------------------------------------------------


def test_a_bar_alone_needs_no_plates() -> None:
    load = plates_per_side(20, 20, (20.0, 10.0))
    assert load.per_side == () and load.total == 20 and load.short_by == 0


def test_odd_plate_sets_get_the_closest_load_below() -> None:
    # 60 kg on a 20 kg bar is 20 a side; with 15 and 10 kg plates only: 15, then nothing
    # fits the 5 left, so 50 kg in all, 10 kg short.
    load = plates_per_side(60, 20, (15.0, 10.0))
    assert load.per_side == (15.0,)
    assert (load.total, load.short_by) == (50.0, 10.0)


@pytest.mark.parametrize(
    ("target", "bar", "plates", "message"),
    [
        (-5, 20, (20.0,), "Weights cannot be negative."),
        (100, -1, (20.0,), "Weights cannot be negative."),
        (15, 20, (20.0,), "The target is lighter than the bar (20)."),
        (100, 20, (), "Add at least one plate size in Settings."),
        (100, 20, (0.0, -5.0), "Add at least one plate size in Settings."),
    ],
)
def test_plate_calculator_refusals(
    target: float, bar: float, plates: tuple[float, ...], message: str
) -> None:
    with pytest.raises(InvalidInput) as refused:
        plates_per_side(target, bar, plates)
    assert str(refused.value) == message


def test_plate_list_parsing() -> None:
    assert parse_plates(" 2.5, , 20 ") == (20.0, 2.5)  # empty parts skipped, heaviest first
    with pytest.raises(InvalidInput, match="Plate sizes must be above 0 and at most 100."):
        parse_plates("20, 0")
    with pytest.raises(InvalidInput, match="Plate sizes must be above 0 and at most 100."):
        parse_plates("150")
    with pytest.raises(InvalidInput, match="List at least one plate size"):
        parse_plates(" , ;")


# -- settings ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (Settings(notice_percent=0), "The notice threshold must be above 0 %"),
        (Settings(warning_percent=101), "The notice threshold must be above 0 %"),
        (Settings(rest_between_sides_seconds=601), "Rest between sides must be 0 to 600 s."),
        (Settings(rest_between_sides_seconds=-1), "Rest between sides must be 0 to 600 s."),
        (Settings(backups_to_keep=0), "Keep 1 to 100 automatic backups."),
        (Settings(backups_to_keep=101), "Keep 1 to 100 automatic backups."),
        (Settings(rest_between_sets_seconds=3601), "Rest between sets must be 0 to 3600 s."),
        (
            Settings(pair_targets=(("chest_upper_back", 0.0, 1.0),)),
            "A target ratio range runs from above 0 up to 10",
        ),
    ],
)
def test_settings_out_of_range_are_refused(settings: Settings, message: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        settings.validated()
    assert str(refused.value).startswith(message)


def test_settings_at_their_limits_are_accepted() -> None:
    edge = Settings(
        notice_percent=0.5,
        warning_percent=100,
        rest_between_sides_seconds=600,
        backups_to_keep=100,
        rest_between_sets_seconds=3600,
    )
    assert edge.validated() is edge


def test_profile_name_length() -> None:
    assert validate_profile_name("x" * 60) == "x" * 60
    with pytest.raises(InvalidInput, match="A profile name is at most 60 characters."):
        validate_profile_name("x" * 61)


# -- sides and labels ---------------------------------------------------------------------


def test_sides_letters_labels_and_opposites() -> None:
    assert [(s.letter, s.label) for s in Side] == [("L", "Left"), ("R", "Right"), ("B", "Both")]
    assert Side.LEFT.opposite() is Side.RIGHT and Side.RIGHT.opposite() is Side.LEFT
    with pytest.raises(ValueError, match="a bilateral set has no opposite side"):
        Side.BOTH.opposite()


def test_formula_labels_as_charts_show_them() -> None:
    assert {f.label for f in Formula} == {
        "Epley",
        "Brzycki",
        "Lombardi",
        "Mayhew",
        "O'Conner",
        "Wathan",
        "RPE table",  # effort-aware: reps and RPE through the table in DOMAIN.md
    }
    assert Formula.OCONNER.label == "O'Conner"


def test_only_timed_work_is_measured_in_time() -> None:
    assert [b for b in LoadBasis if b.timed] == [LoadBasis.TIME]


def test_warm_ups_do_not_count_toward_volume() -> None:
    assert [k for k in SetKind if not k.counts] == [SetKind.WARM_UP]


def test_opposing_pair_labels() -> None:
    chest = OpposingPair("chest_upper_back", MuscleGroup.CHEST, MuscleGroup.UPPER_BACK, 0.5, 1)
    obliques = OpposingPair(
        "obliques_left_right", MuscleGroup.OBLIQUES, MuscleGroup.OBLIQUES, 0.9, 1.1, per_side=True
    )
    assert chest.label == "Chest : upper back"
    assert obliques.label == "Left obliques : right obliques"


# -- routines and the generator ------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "text"),
    [
        (RoutineItem(1, 1, 0), "3 x 8-12, 90 s rest"),  # the defaults, the profile's rest
        (RoutineItem(1, 1, 0, 4, 10, 10, 120), "4 x 10, 120 s rest"),  # one count shows once
        (
            RoutineItem(1, 1, 0, extra_weak_side_sets=1),
            "3 x 8-12, 90 s rest + 1 extra weak-side set",
        ),
        (
            RoutineItem(1, 1, 0, 3, 6, 8, 0, extra_weak_side_sets=2),
            "3 x 6-8, 0 s rest + 2 extra weak-side sets",
        ),
    ],
)
def test_routine_target_text(item: RoutineItem, text: str) -> None:
    assert item.target_text(default_rest=90) == text


@pytest.mark.parametrize(
    ("targets", "message"),
    [
        ((0, 8, 12, None, 0), "Target sets must be 1 to 20."),
        ((21, 8, 12, None, 0), "Target sets must be 1 to 20."),
        ((3, 0, 12, None, 0), "Reps must be 1 to 100, the low end not above the high end."),
        ((3, 12, 8, None, 0), "Reps must be 1 to 100, the low end not above the high end."),
        ((3, 8, 101, None, 0), "Reps must be 1 to 100, the low end not above the high end."),
        ((3, 8, 12, -1, 0), "Rest must be 0 to 3600 s."),
        ((3, 8, 12, 3601, 0), "Rest must be 0 to 3600 s."),
        ((3, 8, 12, None, 6), "Extra weak-side sets must be 0 to 5."),
        ((3, 8, 12, None, -1), "Extra weak-side sets must be 0 to 5."),
    ],
)
def test_routine_targets_out_of_range(
    targets: tuple[int, int, int, int | None, int], message: str
) -> None:
    with pytest.raises(InvalidInput) as refused:
        validate_targets(*targets)
    assert str(refused.value) == message


def test_routine_targets_at_their_limits() -> None:
    validate_targets(20, 100, 100, 3600, 5)
    validate_targets(1, 1, 1, 0, 0)


def test_routine_and_day_names() -> None:
    assert validate_name("  Upper   A ") == "Upper A"
    with pytest.raises(InvalidInput, match="Give the day a name."):
        validate_name("   ", "day")
    with pytest.raises(InvalidInput, match="A routine name is at most 80 characters."):
        validate_name("x" * 81)


@pytest.mark.parametrize(
    ("choice", "message"),
    [
        (GeneratorChoice(1, 60, frozenset()), "Choose 2 to 6 training days a week."),
        (GeneratorChoice(7, 60, frozenset()), "Choose 2 to 6 training days a week."),
        (GeneratorChoice(3, 19, frozenset()), "A session is 20 to 180 minutes."),
        (GeneratorChoice(3, 181, frozenset()), "A session is 20 to 180 minutes."),
    ],
)
def test_generator_choices_out_of_range(choice: GeneratorChoice, message: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        validate_choice(choice)
    assert str(refused.value) == message


def test_generator_choices_at_their_limits() -> None:
    for choice in (GeneratorChoice(2, 20, frozenset()), GeneratorChoice(6, 180, frozenset())):
        assert validate_choice(choice) is choice
