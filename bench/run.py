"""Evenside's benchmarks: each figure beside its floor in interleaved pairs (ratios as
min / median / max, met or missed against issue 17's targets), and the times a user feels
at 1, 10 and 30 years of history, with the machine they were measured on.

    python bench/run.py             # the full run; prints the tables, updates bench/README.md
    python bench/run.py --quick     # fewer pairs (about half the time); README untouched
    python bench/run.py --smoke     # a tiny database, one run of every path, nothing judged

Databases come from the demo generator (seeded, fixed last day: see bench/databases.py) and
are cached in bench/data/; every run works on a fresh copy in a temporary folder.
"""

from __future__ import annotations

import argparse
import compileall
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import databases  # noqa: E402
import inproc  # noqa: E402
import pages  # noqa: E402
import whole  # noqa: E402
from measure import (  # noqa: E402
    RATIO_HEADER,
    Absolute,
    Ratio,
    absolute_header,
    isolate_this_process,
    machine_line,
)

YEARS = (1.0, 10.0, 30.0)
SMOKE_YEARS = 0.02  # one week


def label(years: float) -> str:
    return f"{years:g} y"


def run(smoke: bool, quick: bool) -> str:
    pairs = 1 if smoke else (3 if quick else 5)
    process_pairs = 1 if smoke else (2 if quick else 3)
    sizes = [SMOKE_YEARS] if smoke else list(YEARS)
    ratios: list[Ratio] = []
    absolute = {
        name: Absolute(name, target)
        for name, target in [(f"{p}, first visit", 300.0) for p in pages.PAGES]
        + [(f"{p}, revisit", 50.0) for p in pages.PAGES]
        + [("changing exercise on Progress", 100.0), ("finishing a session (summary)", 50.0)]
        # Not in issue 17's table: its own target, the summary's, for a reply to a key.
        + [("the record line after logging a set", 50.0)]
    }
    counts = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="evenside-bench-") as folder:
        work = Path(folder)
        for years in sizes:
            db = databases.database(years)
            size = label(years)
            counts.append(f"{size}: {databases.sets_in(db):,} sets")
            print(f"-- {counts[-1]}", file=sys.stderr, flush=True)
            ratios += whole.start_up(db, size, process_pairs, work)
            ratios += whole.progress_memory(db, size, process_pairs, work)
            ratios += inproc.log_one_set(db, size, 1 if smoke else 30, work)
            ratios += inproc.series_and_overview(db, size, pairs, work)
            for name, values in pages.page_times(db, 1 if smoke else 3, work).items():
                absolute[name].by_size[size] = values
            absolute["finishing a session (summary)"].by_size[size] = pages.finishing_times(
                db, 1 if smoke else 3, work
            )
            absolute["the record line after logging a set"].by_size[size] = pages.record_line_times(
                db, 1 if smoke else 5, work
            )
        print("-- import", file=sys.stderr, flush=True)
        ratios += inproc.import_time(pairs, work, 200 if smoke else 10_000)
        ratios += inproc.import_memory(1 if smoke else 2, work, 500 if smoke else 100_000)
    labels = [label(y) for y in sizes]
    lines = [
        f"Machine: {machine_line()}.",
        f"Databases: {'; '.join(counts)}. Whole bench: {time.perf_counter() - started:.0f} s.",
        "",
        "Against the floors (interleaved pairs; the verdict is the median ratio):",
        "",
        RATIO_HEADER,
        *(r.row() for r in ratios),
        "",
        "Times a user feels (in-process, offscreen; absolute):",
        "",
        absolute_header(labels),
        *(a.row(labels) for a in absolute.values()),
    ]
    return "\n".join(lines)


def update_readme(table: str) -> None:
    readme = HERE / "README.md"
    text = readme.read_text("utf-8")
    start, end = "<!-- results -->", "<!-- /results -->"
    if start in text and end in text:
        head, _, rest = text.partition(start)
        _, _, tail = rest.partition(end)
        readme.write_text(f"{head}{start}\n{table}\n{end}{tail}", "utf-8")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--smoke", action="store_true", help="tiny database, one run of each")
    parser.add_argument("--quick", action="store_true", help="fewer pairs; README untouched")
    args = parser.parse_args()
    # Bytecode as an install leaves it (the Makefile compiles src when it installs): with
    # an editable install, modules changed since then would be compiled again by every
    # start the bench times, in memory only when PYTHONDONTWRITEBYTECODE is set.
    compileall.compile_dir(str(Path(__file__).resolve().parents[1] / "src"), quiet=1)
    isolate_this_process(Path(tempfile.mkdtemp(prefix="evenside-bench-home-")))
    table = run(args.smoke, args.quick)
    print(table)
    if not (args.smoke or args.quick):
        update_readme(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
