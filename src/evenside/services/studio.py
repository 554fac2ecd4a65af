"""Studio mode: a team of trainers on one PostgreSQL server, each seeing only their
clients. The server enforces it (``storage.studio``); these are the steps the commands run."""

from __future__ import annotations

from evenside.services.store import Store
from evenside.storage import studio
from evenside.storage.studio import Access

__all__ = ["Access", "add_trainer", "init_studio", "share_client", "who_sees_what"]


def init_studio(store: Store, head: str, password: str) -> bool:
    """Set the server's database up for a team (its schema is made by opening it) and add
    the first head trainer, who may then add the others. On a studio already: its access
    rules brought up to date and one more head trainer (True)."""
    return studio.init(store.database, head, password)


def add_trainer(store: Store, name: str, password: str, *, head: bool = False) -> None:
    studio.add_trainer(store.database, name, password, head=head)


def share_client(store: Store, client: str, trainer: str) -> None:
    studio.share_client(store.database, client, trainer)


def who_sees_what(store: Store) -> list[Access]:
    return studio.who_sees_what(store.database)
