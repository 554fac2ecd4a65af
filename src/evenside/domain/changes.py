"""What a write changed: the one value every writing use case returns.

Modelled on Anki's ``OpChanges``: the screens do not guess what to reload after an action,
the use case says what it touched, and each screen refreshes only when it is concerned.
Values combine with ``|`` (an undo that touches sets and a session's exercises at once).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields


@dataclass(frozen=True)
class Changes:
    """Flags for what changed, and the workout sessions concerned when that is known.

    ``exercises`` means the exercises *within* a workout session (added, moved, removed,
    notes, stretches); ``library`` means the exercise library itself (custom exercises,
    rest times).
    """

    sessions: bool = False
    sets: bool = False
    exercises: bool = False
    routines: bool = False
    measurements: bool = False
    settings: bool = False
    profiles: bool = False
    library: bool = False
    assessments: bool = False  # an assessment recorded or removed (the verdict moves too)
    habits: bool = False  # the habits questionnaire, a day's tick or the discomfort log
    session_ids: frozenset[int] = field(default_factory=frozenset)

    def __or__(self, other: Changes) -> Changes:
        flags = {
            f.name: getattr(self, f.name) or getattr(other, f.name)
            for f in fields(self)
            if f.name != "session_ids"
        }
        return Changes(**flags, session_ids=self.session_ids | other.session_ids)

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self) if f.name != "session_ids")

    @property
    def training(self) -> bool:
        """Anything that moves a figure computed from logged training."""
        return self.sessions or self.sets or self.exercises

    def touches_session(self, session_id: int) -> bool:
        """Whether workout session ``session_id`` may have changed."""
        if not self.training:
            return False
        return not self.session_ids or session_id in self.session_ids


NOTHING = Changes()


def in_session(session_id: int, *, sets: bool = False, exercises: bool = False) -> Changes:
    """A change inside one workout session (its sets, or its list of exercises)."""
    return Changes(sets=sets, exercises=exercises, session_ids=frozenset({session_id}))


def of_sessions(*session_ids: int) -> Changes:
    """Whole workout sessions were started, finished, renamed, deleted or restored."""
    return Changes(sessions=True, sets=True, exercises=True, session_ids=frozenset(session_ids))
