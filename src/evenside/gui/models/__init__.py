"""Qt item models over service results (frozen dataclasses), never over ORM rows."""
