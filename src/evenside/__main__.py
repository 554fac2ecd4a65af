"""``python -m evenside`` and the ``evenside`` launcher."""

from __future__ import annotations

import os
import sys

from evenside.cli import main as cli_main

OUTPUT_CUT_SHORT = 141  # as a shell reports a command stopped by SIGPIPE (128 + 13)


def main() -> int:
    try:
        status = cli_main(sys.argv[1:])
        sys.stdout.flush()  # here, where a reader gone away is caught, not at exit
        return status
    except BrokenPipeError:
        # Whoever read the output stopped (`evenside ... | head -1`): the command's work is
        # done; the rest of its output is dropped, without a traceback at exit either.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return OUTPUT_CUT_SHORT


if __name__ == "__main__":
    sys.exit(main())
