"""History: sessions found by exercise and days, a page at a time; the calendar's days."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from evenside.domain.history import PAGE_SIZE, HistoryQuery, SessionsPage
from evenside.domain.training import SessionListing
from evenside.services import library
from evenside.services.store import Store
from evenside.storage import history_query_repo


def find(
    store: Store, profile_id: int, query: HistoryQuery, first: int = 0, size: int = PAGE_SIZE
) -> tuple[list[SessionListing], SessionsPage]:
    """The page of matching sessions starting at position ``first`` (newest first); a
    position past the end gives the last page. The exercise text is read as the add box
    reads it (gym shorthand, other names, typos)."""
    if query.exercise_text.strip():
        everything = library.all_exercises(store, include_archived=True)
        found = library.search(everything, query.exercise_text)
        query = replace(query, text_exercise_ids=tuple(e.id for e in found))
    with store.transaction() as tx:
        total = history_query_repo.count_sessions(tx, profile_id, query)
        start = max(0, min(first, (max(total - 1, 0) // size) * size))
        rows = history_query_repo.find_sessions(tx, profile_id, query, offset=start, limit=size)
    return rows, SessionsPage(start, total, size)


def training_days(store: Store, profile_id: int, first: date, last: date) -> dict[date, int]:
    with store.transaction() as tx:
        return history_query_repo.training_days(tx, profile_id, first, last)
