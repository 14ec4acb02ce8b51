"""planlint, a linter for marketing plans: the wheel ships its binary."""

import os
import sys
import sysconfig


def find_planlint_bin() -> str:
    """Return the path of the planlint binary installed with this package."""
    name = "planlint" + (sysconfig.get_config_var("EXE") or "")
    # The scripts folder of the environment this package is installed in,
    # then that of a --user install, then the folder next to the package
    # for a --target or --prefix install.
    candidates = [os.path.join(sysconfig.get_path("scripts"), name)]
    user_scheme = {"nt": "nt_user", "posix": "posix_user"}.get(os.name)
    if sys.platform == "darwin" and sys._framework:  # type: ignore[attr-defined]
        user_scheme = "osx_framework_user"
    if user_scheme in sysconfig.get_scheme_names():
        candidates.append(os.path.join(sysconfig.get_path("scripts", scheme=user_scheme), name))
    package_root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    candidates.append(os.path.join(package_root, "bin", name))
    for path in candidates:
        if os.path.isfile(path):
            return path
    raise FileNotFoundError(f"the planlint binary is not installed (looked in: {', '.join(candidates)})")


__all__ = ["find_planlint_bin"]
