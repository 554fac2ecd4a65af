"""The window's first frame is painted before the storage layer, the import parsers and
the file logger load: ``evenside --db FILE`` run as the launcher runs it, stopped at the
moment the empty window is shown (it is painted right after, before anything else runs)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from evenside.domain.profile import Profile
from evenside.services.store import Store

SCRIPT = """
import os, sys
from evenside.gui.main_window import MainWindow
shown = MainWindow.show
def show(self):
    shown(self)
    late = ("sqlalchemy", "evenside.services.store", "evenside.domain.imports",
            "evenside.gui.studio_window", "logging.handlers")
    print("at first paint", sorted(m for m in late if m in sys.modules), flush=True)
    os._exit(0)
MainWindow.show = show
from evenside.__main__ import main
sys.argv = ["evenside", "--db", sys.argv[1]]
main()
"""


def test_the_first_frame_waits_for_no_storage_or_import_code(
    tmp_path: Path, store: Store, db_path: Path, profile: Profile
) -> None:
    store.close()
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(db_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert "at first paint []" in result.stdout, result.stdout
