"""The console script exists and reports its version."""

import subprocess
import sys

from nkmonitor import __version__


def test_version_flag():
    out = subprocess.run([sys.executable, "-m", "nkmonitor", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == f"nkmonitor {__version__}"
