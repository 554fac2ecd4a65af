"""A minimal launcher: runs one command as its own child and reports what the child's own
accounting says, so a measured program never inherits a big parent's figures.

    python -I -S bench/launch.py PROGRAM ARG...

Prints "start <unix time>" just before the child is spawned, lets the child write to the
same output, then prints "maxrss <KiB>" and "cpu <seconds>" from ``os.wait4`` (the child's
rusage) and exits with the child's status. This launcher imports nothing but ``os``, ``sys``
and ``time``, so the child starts from a process of a few megabytes, not from the benchmark
runner that has loaded Qt (Linux carries a forked process's resident size over ``exec``
into its peak).
"""

import os
import sys
import time


def main() -> int:
    argv = sys.argv[1:]
    print(f"start {time.time():.6f}", flush=True)
    pid = os.posix_spawn(argv[0], argv, os.environ)
    _, status, usage = os.wait4(pid, 0)
    print(f"maxrss {usage.ru_maxrss}", flush=True)
    print(f"cpu {usage.ru_utime + usage.ru_stime:.3f}", flush=True)
    return os.waitstatus_to_exitcode(status)


if __name__ == "__main__":
    sys.exit(main())
