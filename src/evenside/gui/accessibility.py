"""Accessible names for every control of a page, for screen readers: a control's own text
(a button's words), the label that names it (a form row, a buddy label), its placeholder or
tooltip, in that order. A name set by the page itself is kept."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QTableView,
    QWidget,
)

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)
# Parts of Qt's own widgets that have no words on them.
KNOWN_PARTS = {
    "qt_calendar_prevmonth": "Previous month",
    "qt_calendar_nextmonth": "Next month",
    "qt_calendar_monthbutton": "Month",
    "qt_calendar_yearbutton": "Year",
    "qt_calendar_yearedit": "Year",
    "qt_calendar_calendarview": "Days of the month",
}


def _plain(text: str) -> str:
    """ "&Open and edit…" -> "Open and edit"; "Exercise:" -> "Exercise"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip(" :…").strip()


def _labels(root: QWidget) -> dict[QWidget, str]:
    """What names each field: buddy labels and form-row labels under ``root``."""
    found: dict[QWidget, str] = {}
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and label.text():
            found[buddy] = _plain(label.text())
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            field = item.widget() if item is not None else None
            if field is None or field in found:
                continue
            named_by = form.labelForField(field)
            if isinstance(named_by, QLabel) and named_by.text():
                found[field] = _plain(named_by.text())
    return found


def _in_order(layout: QLayout) -> list[QWidget]:
    """The widgets of ``layout`` and its inner layouts, in reading order."""
    found: list[QWidget] = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        child, inner = item.widget(), item.layout()
        if child is not None:
            found.append(child)
        elif inner is not None:
            found.extend(_in_order(inner))
    return found


def _label_before(widget: QWidget) -> str:
    """The text of the label just before ``widget`` in its parent's layouts, if any."""
    parent = widget.parentWidget()
    layout = parent.layout() if parent is not None else None
    if layout is None:
        return ""
    before = ""
    for child in _in_order(layout):
        if child is widget:
            return before
        before = _plain(child.text()) if isinstance(child, QLabel) else ""
    return ""


def _table_name(view: QAbstractItemView) -> str:
    model = view.model()
    if not isinstance(view, QTableView) or model is None:
        return ""
    columns = min(3, view.horizontalHeader().count())
    heads = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(columns)]
    return "Table of " + ", ".join(h for h in heads if h and h != "None")


def _name_for(widget: QWidget, labels: dict[QWidget, str]) -> str:
    if widget.objectName() in KNOWN_PARTS:
        return KNOWN_PARTS[widget.objectName()]
    parent = widget.parentWidget()
    if isinstance(parent, QAbstractSpinBox | QComboBox) and isinstance(widget, QLineEdit):
        return parent.accessibleName()  # the text field inside a spin box or combo box
    if isinstance(widget, QHeaderView):
        return "Column headers" if widget.orientation() == Qt.Orientation.Horizontal else "Rows"
    if widget in labels:
        return labels[widget]
    if isinstance(widget, QAbstractButton) and _plain(widget.text()):
        return _plain(widget.text())
    if isinstance(widget, QLineEdit) and widget.placeholderText():
        return widget.placeholderText()
    if widget.toolTip():
        return _plain(widget.toolTip())
    before = _label_before(widget)
    if before:
        return before
    if isinstance(widget, QAbstractItemView) and _table_name(widget):
        return _table_name(widget)
    if isinstance(parent, QGroupBox) and parent.title():
        return _plain(parent.title())
    if isinstance(widget, QComboBox) and widget.count():
        return f"Choice: {widget.itemText(0)}"
    return ""


def name_controls(root: QWidget) -> int:
    """Give every unnamed control under ``root`` an accessible name; returns how many."""
    labels = _labels(root)
    named = 0
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or widget.accessibleName():
            continue
        name = _name_for(widget, labels)
        if name:
            widget.setAccessibleName(name)
            named += 1
    return named
