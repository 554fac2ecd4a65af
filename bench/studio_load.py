"""Studio load: 20 simulated clients log sets at once for 60 s against a throwaway local
PostgreSQL server (Unix socket only: nothing leaves the machine), then the same on one
SQLite file. Reports sets per second, p50/p95/p99 commit latency and lost / duplicated
sets (must be 0), and writes the table into bench/README.md.

    python bench/studio_load.py                 # 20 clients x 60 s, both backends
    python bench/studio_load.py --seconds 10    # shorter; README left alone unless --write

Each client is one thread with its own connection (its own Store), logging to its own
client's session through ``workout.log_set`` (one committed transaction per set). Every
set carries a unique weight (0.5 kg steps), so the stored rows are counted back exactly:
lost = logged - distinct stored, duplicated = stored - distinct stored.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from evenside.domain.errors import EvensideError  # noqa: E402
from evenside.domain.sides import Side  # noqa: E402
from evenside.domain.training import SetRecord  # noqa: E402
from evenside.domain.units import Unit  # noqa: E402
from evenside.services import library, profiles, workout  # noqa: E402
from evenside.services.store import Store, open_store  # noqa: E402

CLIENTS = 20
SECONDS = 60.0
MAX_SETS_PER_CLIENT = 20_000  # bounded in count as well as in time
MARK_START, MARK_END = "<!-- studio-load:start -->", "<!-- studio-load:end -->"


@dataclass
class Result:
    backend: str
    logged: int
    stored: int
    distinct: int
    seconds: float
    latencies_ms: list[float]

    @property
    def lost(self) -> int:
        return self.logged - self.distinct

    @property
    def duplicated(self) -> int:
        return self.stored - self.distinct

    def row(self) -> str:
        q = statistics.quantiles(self.latencies_ms, n=100)
        return (
            f"| {self.backend} | {CLIENTS} | {self.seconds:.0f} s | {self.logged} | "
            f"{self.logged / self.seconds:.0f} | {q[49]:.1f} | {q[94]:.1f} | {q[98]:.1f} | "
            f"{self.lost} | {self.duplicated} |"
        )


def _prepare(location: Path | str) -> list[int]:
    """One client (profile) per simulated laptop, each with a session and an exercise."""
    store = open_store(location)
    try:
        row = next(e.id for e in library.all_exercises(store) if e.name == "One-arm dumbbell row")
        exercise_ids = []
        for number in range(CLIENTS):
            client = profiles.create_profile(store, f"Client {number + 1}", Side.RIGHT, Unit.KG)
            session = workout.start_session(store, client.id)
            exercise_ids.append(workout.add_exercise(store, session.id, row))
        return exercise_ids
    finally:
        store.close()


def _client(
    store: Store, se_id: int, stop: float, latencies: list[float], count: list[int]
) -> None:
    n = 0
    refused: list[int] = []
    while time.monotonic() < stop and n < MAX_SETS_PER_CLIENT:
        n += 1
        started = time.perf_counter()
        try:
            workout.log_set(store, se_id, SetRecord(Side.LEFT, n * 0.5, 8))
        except EvensideError:  # refused and said so (busy, lost connection): not stored
            refused.append(n)
            continue
        latencies.append((time.perf_counter() - started) * 1000)
    count.append(n - len(refused))


def run(backend: str, location: Path | str, seconds: float) -> Result:
    exercise_ids = _prepare(location)
    stores = [open_store(location) for _ in exercise_ids]
    latencies: list[list[float]] = [[] for _ in exercise_ids]
    counts: list[list[int]] = [[] for _ in exercise_ids]
    started = time.monotonic()
    stop = started + seconds
    threads = [
        threading.Thread(target=_client, args=(stores[i], se, stop, latencies[i], counts[i]))
        for i, se in enumerate(exercise_ids)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    for store in stores:
        store.close()
    stored = distinct = 0
    check = open_store(location)
    try:
        for client in profiles.list_profiles(check):
            session = workout.active_session(check, client.id)
            assert session is not None
            weights = [s.record.weight_kg for s in session.exercises[0].sets]
            stored += len(weights)
            distinct += len(set(weights))
    finally:
        check.close()
    logged = sum(c[0] for c in counts if c)
    return Result(backend, logged, stored, distinct, elapsed, [x for xs in latencies for x in xs])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=SECONDS)
    parser.add_argument("--write", action="store_true", help="write README even if shorter")
    args = parser.parse_args(argv)
    from postgres_cluster import start_cluster, why_unavailable

    results = []
    reason = why_unavailable()
    if reason is None:
        cluster = start_cluster()
        try:
            cluster.create_database("evenside_load")
            results.append(run("PostgreSQL", cluster.url("evenside_load"), args.seconds))
        finally:
            cluster.stop()
    else:
        print(f"PostgreSQL skipped: {reason}", file=sys.stderr)
    with tempfile.TemporaryDirectory() as folder:
        results.append(run("SQLite", Path(folder) / "load.sqlite3", args.seconds))
    table = "\n".join(
        [
            "| backend | clients | time | sets | sets/s | p50 ms | p95 ms | p99 ms | lost "
            "| duplicated |",
            "|---|---|---|---|---|---|---|---|---|---|",
            *(r.row() for r in results),
        ]
    )
    print(table)
    bad = [r for r in results if r.lost or r.duplicated]
    if args.write or args.seconds >= SECONDS:
        _write(table)
    return 1 if bad else 0


def _write(table: str) -> None:
    readme = HERE / "README.md"
    text = readme.read_text()
    block = f"{MARK_START}\n{table}\n{MARK_END}"
    if MARK_START in text:
        text = re.sub(f"{MARK_START}.*?{MARK_END}", block, text, flags=re.S)
    else:
        text += f"\n## Studio load\n\n{block}\n"
    readme.write_text(text)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
