"""The Session page's set table when another laptop changes the same set: an edit, a
deletion or an undo there is made over the values the page showed; a set changed (or
deleted) meanwhile opens History's question with both values. "Keep mine" writes mine,
"Take theirs" shows theirs; nothing is overwritten before the choice. Two stores on one
database, as two laptops: an SQLite file, and the PostgreSQL test server."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from session_helpers import exercise_id

from evenside.domain.profile import Profile
from evenside.domain.sides import Side
from evenside.domain.training import SetRecord
from evenside.gui.main_window import MainWindow
from evenside.gui.pages.session import SessionPage
from evenside.services import workout
from evenside.services.store import Store, open_store

pytestmark = pytest.mark.both_backends  # the store fixture: SQLite and PostgreSQL


@pytest.fixture
def desk(backend: str, request: pytest.FixtureRequest, store: Store) -> Iterator[Store]:
    """The other laptop: a second store on the page's database."""
    where = "postgres_url" if backend == "postgresql" else "db_path"
    other = open_store(request.getfixturevalue(where))
    yield other
    other.close()


def _page(
    store: Store, profile: Profile, make_window: Callable[[Store], MainWindow]
) -> tuple[SessionPage, int]:
    """The Session page showing one set, L 20 kg x 8, of a session under way."""
    session = workout.start_session(store, profile.id)
    se_id = workout.add_exercise(store, session.id, exercise_id(store, "One-arm dumbbell row"))
    set_id = workout.log_set(store, se_id, SetRecord(Side.LEFT, 20, 8)).id
    page = make_window(store).go_to("Session")
    assert isinstance(page, SessionPage)
    assert page.set_model.rowCount() == 1
    return page, set_id


def _type_reps(qtbot: QtBot, page: SessionPage, reps: str) -> None:
    table = page.set_table
    table.setFocus()
    table.setCurrentIndex(page.set_model.index(0, 3))  # the left set's reps
    qtbot.keyClick(table, Qt.Key.Key_F2)
    field = QApplication.focusWidget()
    assert field is not None and field is not table
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, reps)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def _question(qtbot: QtBot, page: SessionPage) -> QMessageBox:
    qtbot.waitUntil(lambda: page.findChild(QMessageBox, "editConflict") is not None)
    box = page.findChild(QMessageBox, "editConflict")
    assert isinstance(box, QMessageBox)
    return box


def _answer(qtbot: QtBot, box: QMessageBox, answer: str) -> None:
    button = next(b for b in box.findChildren(QPushButton) if b.text() == answer)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _stored(store: Store, profile: Profile) -> list[tuple[float | None, int | None]]:
    session = workout.active_session(store, profile.id)
    assert session is not None
    return [(s.record.weight_kg, s.record.reps) for s in session.exercises[0].sets]


def _shown(page: SessionPage) -> list[tuple[str, str]]:
    model = page.set_model
    return [(model.index(r, 2).data(), model.index(r, 3).data()) for r in range(model.rowCount())]


@pytest.mark.parametrize(
    ("answer", "kept", "shown"),
    [
        ("&Keep mine", [(20.0, 10)], [("20 kg", "10")]),
        ("&Take theirs", [(22.5, 8)], [("22.5 kg", "8")]),
    ],
)
def test_an_edit_over_another_laptops_edit_asks_with_both_values(
    qtbot: QtBot,
    store: Store,
    desk: Store,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
    answer: str,
    kept: list[tuple[float, int]],
    shown: list[tuple[str, str]],
) -> None:
    page, set_id = _page(store, profile, make_window)
    workout.update_set(desk, set_id, SetRecord(Side.LEFT, 22.5, 8))  # the desk, meanwhile
    _type_reps(qtbot, page, "10")  # the page still shows 20 kg x 8
    box = _question(qtbot, page)
    assert box.text() == (
        "This set was changed elsewhere since you opened it. "
        "Yours: L 20 kg x 10 (working). Theirs: L 22.5 kg x 8 (working)."
    )
    assert _stored(desk, profile) == [(22.5, 8)]  # nothing overwritten before the choice
    assert page.table_message.text().startswith("Not saved yet: ")
    _answer(qtbot, box, answer)
    assert _stored(desk, profile) == kept
    qtbot.waitUntil(lambda: _shown(page) == shown)  # the table shows what is stored


@pytest.mark.parametrize(("answer", "kept"), [("&Keep mine", []), ("&Take theirs", [(22.5, 8)])])
def test_deleting_a_set_another_laptop_changed_asks_first(
    qtbot: QtBot,
    store: Store,
    desk: Store,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
    answer: str,
    kept: list[tuple[float, int]],
) -> None:
    page, set_id = _page(store, profile, make_window)
    workout.update_set(desk, set_id, SetRecord(Side.LEFT, 22.5, 8))
    page.set_table.setFocus()
    page.set_table.selectRow(0)
    qtbot.keyClick(page.set_table, Qt.Key.Key_Delete)
    box = _question(qtbot, page)
    assert box.text() == (
        "This set was changed elsewhere since you opened it. "
        "Yours: delete it. Theirs: L 22.5 kg x 8 (working)."
    )
    assert _stored(desk, profile) == [(22.5, 8)]
    _answer(qtbot, box, answer)
    assert _stored(desk, profile) == kept
    qtbot.waitUntil(lambda: page.set_model.rowCount() == len(kept))


def test_an_edit_of_a_set_deleted_on_another_laptop_says_so_and_shows_it_gone(
    qtbot: QtBot,
    store: Store,
    desk: Store,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    page, set_id = _page(store, profile, make_window)
    workout.delete_set(desk, set_id)
    _type_reps(qtbot, page, "10")
    box = _question(qtbot, page)
    assert box.text() == (
        "This set was deleted elsewhere; your edit (L 20 kg x 10 (working)) was not saved."
    )
    _answer(qtbot, box, "&OK")
    assert _stored(desk, profile) == []  # not put back behind the desk's back
    qtbot.waitUntil(lambda: page.set_model.rowCount() == 0)


def test_undo_of_an_edit_another_laptop_changed_since_asks_too(
    qtbot: QtBot,
    store: Store,
    desk: Store,
    profile: Profile,
    make_window: Callable[[Store], MainWindow],
) -> None:
    page, set_id = _page(store, profile, make_window)
    _type_reps(qtbot, page, "10")
    qtbot.waitUntil(lambda: _stored(desk, profile) == [(20.0, 10)])
    workout.update_set(desk, set_id, SetRecord(Side.LEFT, 22.5, 10))  # then the desk
    page.set_table.setFocus()
    qtbot.keyClick(page.set_table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    box = _question(qtbot, page)
    # Undo would put back 20 kg x 8 over the desk's 22.5 kg x 10.
    assert box.text() == (
        "This set was changed elsewhere since you opened it. "
        "Yours: L 20 kg x 8 (working). Theirs: L 22.5 kg x 10 (working)."
    )
    assert _stored(desk, profile) == [(22.5, 10)]
    _answer(qtbot, box, "&Take theirs")
    assert _stored(desk, profile) == [(22.5, 10)]
    qtbot.waitUntil(lambda: _shown(page) == [("22.5 kg", "10")])
