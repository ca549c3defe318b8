"""The broken-content corpus: every case in tests/broken_content/ stops the real build with its exact
Danish message and leaves the previous site/ byte for byte as it was.

A case is one YAML file that names a content file and breaks it in one of three ways:

    file: content/principles/03-netvaerk-faellesskaber.yml
    fault: wrong type                       # one of FAULTS
    replace: {old: "number: 3", new: "number: tre"}   # or a list of them; each old text once in the file
    # content: |                            # or: the whole file as it should read (a new file too)
    # remove: true                          # or: the file is gone
    messages:                               # every line the build prints between heading and verdict
      - "content/principles/03-netvaerk-faellesskaber.yml: number: skal være et helt tal"

The cases share one copy of the project (scripts/, metodeguide/, content/: the build checks the
content before any MkDocs starts, so nothing else is needed), and each puts its file back.
"""
from __future__ import annotations

import hashlib
import gzip
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import PROJECT_DIR, run_build
from metodeguide.loading import FOLDERS, SINGLE_FILES

CORPUS = Path(__file__).parent / "broken_content"
CASES = sorted(CORPUS.glob("*.yml"))
PROJECT_PARTS = ["scripts", "metodeguide", "content"]
HEADING = "Indholdet under content/ har fejl:"
VERDICT = "Bygningen fejlede; site/ er ikke ændret."
FAULTS = {"YAML syntax", "empty file", "missing file", "missing field", "unknown field", "wrong type",
          "empty text", "empty list", "invalid value", "unknown id", "duplicate id", "duplicate code",
          "unknown code", "broken cross-reference", "over-long citizen text"}


def read_case(path: Path) -> dict:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    ways = [key for key in ("replace", "content", "remove") if key in case]
    assert len(ways) == 1, f"{path.name}: write one of replace, content or remove"
    assert case["fault"] in FAULTS, f"{path.name}: fault must be one of {sorted(FAULTS)}"
    assert case["file"].startswith("content/"), path.name
    return case


def broken(case: dict, text: str | None) -> str | None:
    """The file's text as the case breaks it (None: no file)."""
    if "remove" in case:
        return None
    if "content" in case:
        return case["content"]
    replacements = case["replace"] if isinstance(case["replace"], list) else [case["replace"]]
    for replacement in replacements:
        old, new = replacement["old"], replacement["new"]
        assert text is not None and text.count(old) == 1, f"{case['file']} must hold {old!r} exactly once"
        text = text.replace(old, new)
    return text


# --- A project to break, and a previous site to keep ---------------------------------------------

@pytest.fixture(scope="module")
def project(tmp_path_factory):
    project = tmp_path_factory.mktemp("broken") / "project"
    for part in PROJECT_PARTS:
        shutil.copytree(PROJECT_DIR / part, project / part, ignore=shutil.ignore_patterns("__pycache__"))
    return project


@pytest.fixture(scope="module")
def previous_site(project):
    """A small site as a build leaves it: pages in folders, assets, a search index, binary downloads."""
    site = project / "site"
    pages = {
        "index.html": "<!doctype html><html lang=da><title>Metodeguiden</title><h1>Forside</h1>",
        "404.html": "<!doctype html><html lang=da><title>Siden findes ikke</title>",
        "principper/index.html": "<h1>Principperne</h1>",
        "principper/foelg-op/index.html": "<h1>Følg op</h1><p>Æbler, øer og ål.</p>",
        "k/D3-2/index.html": '<meta http-equiv="refresh" content="0; url=../../principper/">',
        "assets/stylesheets/metodeguide.css": ":root { --mg-indigo: #303f9f; }\n",
        "assets/javascripts/enhance.js": "document.documentElement.classList.add('mg-js');\n",
        "search/search_index.json": '{"config": {"lang": ["da"]}, "docs": []}',
    }
    for name, text in pages.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    (site / "downloads").mkdir()
    (site / "downloads" / "dilemmakort.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"%%EOF\n")
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(b"<urlset/>", mtime=0))
    (site / "assets" / "images").mkdir()      # an empty folder is part of the site too
    return site


def snapshot(folder: Path) -> dict[str, str]:
    """Every file and folder under ``folder``: its path, and a file's SHA-256."""
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            if path.is_file() else "folder" for path in sorted(folder.rglob("*"))}


# --- The corpus ---------------------------------------------------------------------------------

@pytest.mark.parametrize("case_file", CASES, ids=[path.stem for path in CASES])
def test_broken_content_stops_the_build_with_its_message_and_keeps_the_site(case_file, project, previous_site):
    case = read_case(case_file)
    target = project / case["file"]
    original = target.read_bytes() if target.exists() else None
    site_before, site_folder, beside = snapshot(previous_site), previous_site.stat().st_ino, sorted(project.iterdir())
    text = broken(case, original.decode("utf-8") if original is not None else None)
    try:
        if text is None:
            target.unlink()
        else:
            target.write_text(text, encoding="utf-8")
        result = run_build(project, previous_site)
    finally:
        if original is None:
            target.unlink(missing_ok=True)
        else:
            target.write_bytes(original)
    assert (target.read_bytes() if target.exists() else None) == original     # put back for the next case
    assert result.returncode != 0
    assert result.stderr.splitlines() == [HEADING, *case["messages"], VERDICT], f"the build said:\n{result.stderr}"
    assert snapshot(previous_site) == site_before
    assert previous_site.stat().st_ino == site_folder           # the same folder, not a copy swapped in
    assert sorted(project.iterdir()) == beside                  # no staging folder left behind


def test_the_corpus_breaks_every_kind_of_content_file_in_every_way():
    cases = [read_case(path) for path in CASES]
    assert len(cases) >= 30 and all(case["messages"] for case in cases)
    broken_files = {case["file"].removeprefix("content/") for case in cases}
    for name in SINGLE_FILES:
        assert name in broken_files, f"no case breaks content/{name}"
    for folder in FOLDERS:
        assert any(Path(name).parent.as_posix() == folder for name in broken_files), f"no case in content/{folder}/"
    assert {case["fault"] for case in cases} == FAULTS

