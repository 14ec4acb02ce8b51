"""`python -m planlint ARGS` runs the planlint binary with ARGS."""

import os
import subprocess
import sys

from planlint import find_planlint_bin


def main() -> None:
    try:
        binary = find_planlint_bin()
    except FileNotFoundError as error:
        print(f"planlint: {error}", file=sys.stderr)
        sys.exit(2)
    argv = [binary, *sys.argv[1:]]
    if sys.platform == "win32":
        # exec on Windows starts a new process and returns at once: wait for it.
        sys.exit(subprocess.call(argv))
    os.execv(binary, argv)


if __name__ == "__main__":
    main()
