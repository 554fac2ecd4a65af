"""What a write changed: flags combine with |, ids are kept, an empty value is falsy."""

from __future__ import annotations

from evenside.domain.changes import NOTHING, Changes, in_session, of_sessions


def test_changes_combine_flags_and_session_ids() -> None:
    both = in_session(4, sets=True) | Changes(library=True) | in_session(7, exercises=True)
    assert both == Changes(sets=True, exercises=True, library=True, session_ids=frozenset({4, 7}))


def test_nothing_changed_is_false_and_any_flag_is_true() -> None:
    assert not NOTHING
    assert not Changes(session_ids=frozenset({3}))
    assert Changes(measurements=True)


def test_which_sessions_a_change_touches() -> None:
    assert in_session(4, sets=True).touches_session(4)
    assert not in_session(4, sets=True).touches_session(5)
    assert Changes(sets=True).touches_session(5)  # no ids: any session may have changed
    assert not Changes(routines=True).touches_session(4)
    assert of_sessions(9) == Changes(
        sessions=True, sets=True, exercises=True, session_ids=frozenset({9})
    )
