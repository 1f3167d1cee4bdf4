"""Editors' tools for the events site: `python scripts/apk.py --help`.

new-event, check, import and translations; the logic is in hooks/apk_site/tools/.
"""

from __future__ import annotations

import signal
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

try:
    from apk_site.tools.cli import main
except ModuleNotFoundError:  # run with a Python where the project is not installed (`make` installs it)
    sys.path.insert(0, str(ROOT / "hooks"))
    from apk_site.tools.cli import main

if __name__ == "__main__":
    if hasattr(signal, "SIGPIPE"):
        # `apk.py check | head` should stop quietly, as other command-line tools do.
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    sys.exit(main(root=ROOT))
