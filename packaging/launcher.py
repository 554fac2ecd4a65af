"""Entry script for the one-folder bundle (PyInstaller runs it as the program)."""

import sys

from evenside.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
