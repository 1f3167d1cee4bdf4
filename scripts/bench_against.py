"""Is this checkout's build slower than an earlier commit's? Both built side by side, interleaved.

    .venv/bin/python scripts/bench_against.py --against c5b131f --sizes 420 4200 --runs 5

The earlier commit is checked out with `git worktree` into a temporary folder and built with this
checkout's virtual environment (its `hooks/` first on PYTHONPATH, so its own `apk_site` is used).
Builds alternate (this, earlier, this, ...) so that both see the same machine load; the medians and
their ratio are printed. For a change that must cost no speed (issue 16: within 5%).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import ROOT, generate, timed  # noqa: E402


def worktree(revision: str, folder: Path) -> Path:
    """The earlier commit's files, sharing this checkout's npm packages (the web form's)."""
    add = ["git", "worktree", "add", "--detach", str(folder), revision]
    subprocess.run(add, cwd=ROOT, check=True, capture_output=True)
    packages = ROOT / "cms" / "node_modules"
    if packages.is_dir() and (folder / "cms").is_dir():
        (folder / "cms" / "node_modules").symlink_to(packages)
    return folder


def compare(revision: str, sizes: list[int], runs: int, work: Path) -> list[str]:
    earlier = worktree(revision, work / "earlier")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "ANTHOLOGY_PDF": "0"}
    env.pop("SOURCE_DATE_EPOCH", None)
    lines = []
    try:
        for count in sizes:
            events = work / f"events-{count}"
            generate(count, events)
            command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d"]
            builds = {
                "this": (command + [str(work / f"this-{count}")], {**env, "EVENTS_DIR": str(events)}, ROOT),
                revision: (
                    command + [str(work / f"earlier-{count}")],
                    {**env, "EVENTS_DIR": str(events), "PYTHONPATH": str(earlier / "hooks")},
                    earlier,
                ),
            }
            seconds: dict[str, list[float]] = {name: [] for name in builds}
            for run in range(runs + 1):
                for name, (argv, build_env, cwd) in builds.items():
                    taken, _ = timed(argv, build_env, cwd)
                    if run:  # the first round warms caches (compiled templates, git objects)
                        seconds[name].append(taken)
                print(
                    f"{count} events, round {run}: " + ", ".join(f"{n} {s[-1]:.2f} s" for n, s in seconds.items() if s),
                    flush=True,
                )
            this, before = (statistics.median(seconds[name]) for name in builds)
            # Each round's two builds saw about the same load: the median of their ratios is the steadier figure.
            paired = statistics.median(a / b for a, b in zip(*seconds.values(), strict=True))
            lines.append(
                f"{count} events: this {this:.2f} s, {revision} {before:.2f} s, ratio of medians {this / before:.3f}, "
                f"median ratio per round {paired:.3f} ({runs} rounds)"
            )
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(earlier)], cwd=ROOT, check=False)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", required=True, help="the earlier commit")
    parser.add_argument("--sizes", type=int, nargs="+", default=[420, 4200])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="apk-bench-against-") as work:
        for line in compare(args.against, args.sizes, args.runs, Path(work)):
            print(line)


if __name__ == "__main__":
    main()
