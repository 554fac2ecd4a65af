"""The benchmark suite runs once on a tiny database: it must work; no timing is judged."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).parents[1] / "bench" / "run.py"


def test_benchmarks_run_on_a_tiny_database(tmp_path: Path) -> None:
    env = {**os.environ, "EVENSIDE_BENCH_DATA": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, str(BENCH), "--smoke"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    for figure in (
        "cold start to the Session page",
        "first window paint",
        "peak memory, Progress page open",
        "log one set",
        "one exercise's progress series",
        "overview of all exercises",
        "import a Strong CSV",
        "peak memory importing a Strong CSV",
        "render a routine sheet PDF",
        "chart redraw after an exercise change",
    ):
        assert figure in result.stdout, figure
