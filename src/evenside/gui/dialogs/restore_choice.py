"""File -> Restore from backup: pick a backup in the backups folder, then confirm."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


def ask_backup_to_restore(parent: QWidget, folder: Path) -> Path | None:
    """The backup the user picked and confirmed, or None."""
    name, _ = QFileDialog.getOpenFileName(
        parent,
        "Restore from backup",
        str(folder),
        "Evenside databases (*.sqlite3);;All files (*)",
    )
    if not name:
        return None
    answer = QMessageBox.question(
        parent,
        "Restore from backup",
        f"Replace everything in Evenside with {Path(name).name}?\n\n"
        "The database as it is now is copied to the backups folder first.",
    )
    return Path(name) if answer == QMessageBox.StandardButton.Yes else None
