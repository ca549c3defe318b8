"""Speed and size of the build, measured rather than asserted in tests.

Goals: a full build within 10 seconds on the project's 2-core machine, and a principle page
(HTML, uncompressed) under 100 KB. Prints the measurements and exits 1 if a goal is missed.
Usage: .venv/bin/python scripts/benchmark.py
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build import build  # noqa: E402

BUILD_SECONDS_GOAL = 10.0
PAGE_KILOBYTES_GOAL = 100.0


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "site"
        started = time.perf_counter()
        if build(output) != 0:
            return 1
        seconds = time.perf_counter() - started
        pages = sorted((output / "principper").glob("*/index.html"))
        largest = max(page.stat().st_size for page in pages) / 1024
        total = sum(f.stat().st_size for f in output.rglob("*") if f.is_file()) / 1024
    print(f"build: {seconds:.1f} s (goal {BUILD_SECONDS_GOAL:.0f} s)")
    print(f"largest principle page: {largest:.0f} KB (goal {PAGE_KILOBYTES_GOAL:.0f} KB)")
    print(f"whole site: {total:.0f} KB")
    return 0 if seconds <= BUILD_SECONDS_GOAL and largest <= PAGE_KILOBYTES_GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
