"""The strength tests a verdict counts: for a verdict alone, read from the newest back only
as far as the verdict walks them (``NewestTests``, ``verdict_tests``); for a whole history
or a chart, all of them in the period (``tests_in_period``).

A verdict alone scores tests newest first and stops once ``MAX_SESSIONS`` of them have the
kind it compares (``verdicts._test_scores``); a 30-year history of weekly tests then reads
a page of them, not all of them. Anything that needs every test (the whole history's
verdict) reads the rest on first use, so the answer never depends on the page size."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from typing import overload

from evenside.domain.assessment import Assessment
from evenside.domain.verdict import MAX_SESSIONS
from evenside.storage import assessment_repo
from evenside.storage.database import DbSession

PAGE = 4 * MAX_SESSIONS  # tests read at a time, newest first


class NewestTests(Sequence[Assessment]):
    """The exercise's strength tests in the period, oldest first, as a sequence; walked with
    ``reversed`` they are read a page at a time."""

    def __init__(
        self,
        tx: DbSession,
        profile_id: int,
        exercise_id: int,
        since: datetime | None,
        before: datetime | None,
    ) -> None:
        self._tx = tx
        self._profile_id = profile_id
        self._exercise_id = exercise_id
        self._since = None if since is None else since.date()
        self._before = None if before is None else before.date()
        self._newest: list[Assessment] = []  # newest first, as far as read
        self._complete = False
        self._oldest_first: list[Assessment] | None = None

    def _read_more(self) -> bool:
        if self._complete:
            return False
        page = assessment_repo.list_assessments(
            self._tx,
            self._profile_id,
            exercise_ids=[self._exercise_id],
            strength_only=True,
            strength_from=self._since,
            strength_to=self._before,
            newest=PAGE,
            skip=len(self._newest),
        )
        self._newest.extend(page)
        self._complete = len(page) < PAGE
        return bool(page)

    def __reversed__(self) -> Iterator[Assessment]:
        index = 0
        while index < len(self._newest) or self._read_more():
            yield self._newest[index]
            index += 1

    def _all(self) -> list[Assessment]:
        if self._oldest_first is None:
            while self._read_more():
                pass
            self._oldest_first = self._newest[::-1]
        return self._oldest_first

    def __iter__(self) -> Iterator[Assessment]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    @overload
    def __getitem__(self, index: int) -> Assessment: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Assessment]: ...
    def __getitem__(self, index: int | slice) -> Assessment | Sequence[Assessment]:
        return self._all()[index]


def verdict_tests(
    tx: DbSession,
    profile_id: int,
    exercise_ids: list[int] | None,
    since: datetime | None,
    *,
    newest_first: bool,
) -> Mapping[int, Sequence[Assessment]]:
    """Each tested exercise's strength tests in the period; ``newest_first`` (a verdict
    alone): read from the newest back only as far as its verdict walks them."""
    if not newest_first:
        return tests_in_period(tx, profile_id, exercise_ids, since)
    tested = assessment_repo.tested_exercises(
        tx,
        profile_id,
        exercise_ids=exercise_ids,
        strength_from=None if since is None else since.date(),
    )
    return {e: NewestTests(tx, profile_id, e, since, None) for e in tested}


def tests_in_period(
    tx: DbSession,
    profile_id: int,
    exercise_ids: list[int] | None,
    since: datetime | None,
    before: datetime | None = None,
) -> dict[int, list[Assessment]]:
    """The profile's strength tests in the period, by exercise."""
    grouped: dict[int, list[Assessment]] = defaultdict(list)
    for a in assessment_repo.list_assessments(
        tx,
        profile_id,
        exercise_ids=exercise_ids,
        strength_only=True,
        strength_from=None if since is None else since.date(),
        strength_to=None if before is None else before.date(),
    ):
        if a.exercise_id is not None:
            grouped[a.exercise_id].append(a)
    return grouped
