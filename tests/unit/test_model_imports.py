"""Opening a file loads SQLAlchemy's SQLite dialect only: a dialect option written on a
model (``postgresql_where``, ``sqlite_with_rowid``) would load both dialects' packages
with the models, 2.8 MiB and their import time on every start."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
import evenside.storage.models
print(sorted(m for m in sys.modules if m.startswith("sqlalchemy.dialects.")))
"""


def test_the_models_load_no_database_dialect() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
