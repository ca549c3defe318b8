"""Build the site into site/ without ever leaving it half-built.

MkDocs writes into a fresh temporary folder beside site/. Only when the build succeeds is that
folder swapped in; on failure the previous site/ stays as it was and the error is shown.
Usage: python scripts/build.py [OUTPUT_DIR]
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent


def build(output: Path) -> int:
    output = output.resolve()
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}-build-", dir=output.parent))
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(staging)],
        cwd=PROJECT_DIR, env=environment,
    )
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"Bygningen fejlede; {output.name}/ er ikke ændret.", file=sys.stderr)
        return result.returncode
    _swap(staging, output)
    return 0


def _swap(staging: Path, output: Path) -> None:
    previous = output.with_name(f".{output.name}-previous")
    shutil.rmtree(previous, ignore_errors=True)
    if output.exists():
        output.rename(previous)
    staging.rename(output)
    shutil.rmtree(previous, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(build(Path(sys.argv[1]) if len(sys.argv) > 1 else PROJECT_DIR / "site"))
