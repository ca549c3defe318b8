"""Check the content without building the site.

    python scripts/check_content.py              # every file, with cross-references
    python scripts/check_content.py FILE...      # only these files against their schema

Prints each problem as "file: field: problem" and exits 1 if there are any.
"""
from __future__ import annotations

import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))

from metodeguide.loading import FOLDERS, SINGLE_FILES, _Reader, load_content  # noqa: E402
from metodeguide.problems import ContentError, Problem  # noqa: E402

CONTENT_DIR = PROJECT_DIR / "content"


def check_files(paths: list[Path]) -> list[Problem]:
    reader = _Reader(PROJECT_DIR)
    for path in paths:
        path = path.resolve()
        relative = path.relative_to(CONTENT_DIR)
        model = SINGLE_FILES.get(relative.as_posix()) or FOLDERS.get(relative.parent.as_posix())
        if model is None:
            reader.problems.append(Problem(reader.name(path), "", "ingen skema kender denne fil"))
        else:
            reader.read(path, model)
    return reader.problems


def main(arguments: list[str]) -> int:
    if arguments:
        problems = check_files([Path(a) for a in arguments])
    else:
        try:
            load_content(CONTENT_DIR)
            problems = []
        except ContentError as error:
            problems = error.problems
    for problem in problems:
        print(problem)
    print("Ingen fejl." if not problems else f"{len(problems)} fejl.", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
