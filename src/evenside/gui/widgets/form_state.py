"""What a form's fields hold, to tell whether the user changed anything since it was
saved, and to put the fields back when the user discards the changes."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractSpinBox, QCheckBox, QComboBox, QLineEdit, QWidget

FormState = tuple[object, ...]


def _fields(root: QWidget) -> list[QWidget]:
    # Only the form's own fields: not those of a dialog it opened (a child window), and
    # a spin box's own line edit is read through the spin box.
    return [
        widget
        for widget in root.findChildren(QWidget)
        if widget.window() is root.window()
        and (
            isinstance(widget, QAbstractSpinBox | QCheckBox | QComboBox)
            or (isinstance(widget, QLineEdit) and not isinstance(widget.parent(), QAbstractSpinBox))
        )
    ]


def _value(widget: QWidget) -> object:
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    assert isinstance(widget, QLineEdit)
    return widget.text()


def form_state(root: QWidget) -> FormState:
    """Every editable field under ``root``, in the order the fields were made."""
    return tuple(_value(widget) for widget in _fields(root))


def restore_form_state(root: QWidget, state: FormState) -> None:
    for widget, value in zip(_fields(root), state, strict=True):
        if isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(int(str(value)))
        elif isinstance(widget, QAbstractSpinBox):
            widget.lineEdit().setText(str(value))
            widget.interpretText()
        elif isinstance(widget, QLineEdit):
            widget.setText(str(value))
