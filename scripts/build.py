"""Build the site into site/ without ever leaving it half-built.

The content is checked first, here, before any MkDocs starts: a problem in content/ is named in
Danish within a second, and nothing is written. Then MkDocs writes into a fresh temporary folder
beside site/. Only when the build succeeds is that folder swapped in; on failure the previous site/
stays as it was and the error is shown.
Usage: python scripts/build.py [OUTPUT_DIR]
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))

from metodeguide import paths  # noqa: E402
from metodeguide.loading import load_content  # noqa: E402
from metodeguide.problems import ContentError, example_contact_note  # noqa: E402



def build(output: Path) -> int:
    output = output.resolve()
    try:
        content = load_content(PROJECT_DIR / "content")    # MkDocs checks it again (on_config), for make serve
    except ContentError as error:
        print(error.report(), file=sys.stderr)
        return _failed(output, 1)
    note = example_contact_note(content.settings)
    if note:
        print(note, file=sys.stderr)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}-build-", dir=output.parent))
    offline = Path(tempfile.mkdtemp(prefix=f".{output.name}-offline-", dir=output.parent))
    try:
        # The site and its offline copy are built side by side (two cores); each makes its downloads.
        # The slow one, the guide's PDF, is kept between builds (metodeguide/downloads/guide.py), but
        # when it must be laid out anew, both builds lay it out at the same time.
        builds = [_start_mkdocs_build(staging, offline_copy=False), _start_mkdocs_build(offline, offline_copy=True)]
        returncode = next((code for code in [process.wait() for process in builds] if code != 0), 0)
        if returncode != 0:
            shutil.rmtree(staging, ignore_errors=True)
            return _failed(output, returncode)
        _zip(offline, staging / paths.OFFLINE_COPY)
    finally:
        shutil.rmtree(offline, ignore_errors=True)
    _swap(staging, output)
    return 0


def _failed(output: Path, returncode: int) -> int:
    print(f"Bygningen fejlede; {output.name}/ er ikke ændret.", file=sys.stderr)
    return returncode


def _start_mkdocs_build(folder: Path, offline_copy: bool) -> subprocess.Popen:
    """The site, or the copy that works from disk (file://): every page a file, search inlined."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "METODEGUIDE_OFFLINE": str(offline_copy).lower()}
    quiet = ["--quiet"] if offline_copy else []     # the site's own build says it all
    return subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", *quiet, "--site-dir", str(folder)],
                            cwd=PROJECT_DIR, env=environment)


def _zip(folder: Path, archive: Path) -> None:
    """The offline copy as one zip with a folder inside, files in a fixed order."""
    archive.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zipped.write(path, Path("metodeguide") / path.relative_to(folder))


def _swap(staging: Path, output: Path) -> None:
    previous = output.with_name(f".{output.name}-previous")
    shutil.rmtree(previous, ignore_errors=True)
    if output.exists():
        output.rename(previous)
    staging.rename(output)
    shutil.rmtree(previous, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(build(Path(sys.argv[1]) if len(sys.argv) > 1 else PROJECT_DIR / "site"))
