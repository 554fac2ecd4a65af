"""Facts about the file itself, kept as text under a key (library version, current profile,
last automatic backup)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from evenside.storage.models import AppMetaRow


def get(tx: Session, key: str) -> str | None:
    row = tx.get(AppMetaRow, key)
    return None if row is None else row.value


def put(tx: Session, key: str, value: str) -> None:
    row = tx.get(AppMetaRow, key)
    if row is None:
        tx.add(AppMetaRow(key=key, value=value))
    else:
        row.value = value
