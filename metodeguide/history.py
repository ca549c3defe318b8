"""When content changed, from the git history of the files under ``content/``.

A page's "Sidst ændret" is the newest commit date among the content files behind it, not the build
date: rebuilding changes nothing. The open data carries the same date per item, and "Nyt i guiden"
lists the changes day by day. Without git history (a copy of the source without ``.git``) the
build goes on without dates: ``read_history`` returns None.
"""
from __future__ import annotations

import subprocess
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from . import paths
from .model import Content
from .sorting import danish_sort_key

DAY_LINE = "\x00"          # git log --format=%x00%cs: a NUL, then the commit date, per commit
STATUS = {"A": "added", "M": "changed", "D": "removed"}

# The content behind each fragment a hand-written page may call (keys of Content.files, or the
# start of them: "principles/" is every principle).
FRAGMENT_CONTENT = {
    "principle_cards": ["principles/"], "phase_matrix": ["phases", "principles/"],
    "phase_list": ["phases"], "phase_descriptions": ["phases"],
    "reflection_questions": ["principles/"], "dilemmas": ["principles/"], "sources": ["sources"],
    "taet_model": ["taet"], "evaluation": ["evaluation"], "samarbejdsmodellen": ["samarbejdsmodellen"],
    "leadership": ["leadership"], "recovery": ["recovery"], "tools_catalogue": ["tools/"],
    "glossary": ["glossary"], "forms_overview": ["forms/"], "kits_overview": ["blocks/"], "open_data": [""],
    "about_guide": ["settings", "sources"], "accessibility_statement": ["settings", "sources"],
}


@dataclass(frozen=True)
class Change:
    day: date
    file: str          # relative to the project: content/principles/03-netvaerk-faellesskaber.yml
    kind: str          # added, changed or removed


def parse_git_log(text: str) -> list[Change]:
    """``git log --format=%x00%cs --name-status`` as changes, newest first."""
    changes, day = [], None
    for line in text.splitlines():
        if line.startswith(DAY_LINE):
            day = date.fromisoformat(line[1:].strip())
        elif line.strip() and day:
            status, *files = line.split("\t")
            kind = STATUS.get(status[:1], "changed")
            if status.startswith("R"):          # renamed: the same content under its new name, changed
                kind, files = "changed", files[1:]
            changes.extend(Change(day, file, kind) for file in files)
    return changes


def read_history(project_dir: Path) -> list[Change] | None:
    """Every change to content/ that git knows, newest first; None without git history."""
    try:
        result = subprocess.run(["git", "-C", str(project_dir), "log", "--format=%x00%cs", "--name-status",
                                 "--", "content/"], capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    changes = parse_git_log(result.stdout)
    return changes or None


def last_changed(history: list[Change]) -> dict[str, date]:
    """Each file's newest change."""
    newest: dict[str, date] = {}
    for change in history:
        newest.setdefault(change.file, change.day)
    return newest


def item_dates(content: Content, history: list[Change]) -> dict[str, date]:
    """When each item (a key of Content.files) last changed: its file's newest change."""
    newest = last_changed(history)
    return {key: newest[file] for key, file in content.files.items() if file in newest}


def page_content(page: str, content: Content, fragments: set[str] = frozenset()) -> list[str]:
    """The keys of Content.files behind a page: its generated item, or the fragments it calls."""
    wanted = [prefix for fragment in fragments for prefix in FRAGMENT_CONTENT.get(fragment, [])]
    wanted += _generated_page_content(page, content)
    return sorted({key for key in content.files for prefix in wanted
                   if key == prefix or (prefix.endswith("/") or prefix == "") and key.startswith(prefix)})


def _generated_page_content(page: str, content: Content) -> list[str]:
    for principle in content.principles:
        if page == paths.principle_page_path(principle):
            return [f"principles/{principle.id}", "tools/"]     # it lists the methods that support it
    for phase in content.phases:
        if page == paths.phase_page_path(phase):
            return ["phases", "principles/", "tools/", "forms/", "taet"]
    for form in content.forms:
        if page == paths.form_page_path(form):
            return [f"forms/{form.id}"]
    if page.startswith(paths.KITS_DIR + "/") or page == paths.PLANNER_PAGE:
        return ["blocks/", "planner", "principles/", "tools/", "forms/", "taet", "samarbejdsmodellen"]
    if page == paths.CODES_PAGE:
        return ["code_ledger"]
    return []


def page_changed(page: str, content: Content, dates: dict[str, date], fragments: set[str] = frozenset()) -> date | None:
    """The newest change among the content behind a page; None when the page shows no content."""
    found = [dates[key] for key in page_content(page, content, fragments) if key in dates]
    return max(found) if found else None


def changes_by_day(history: list[Change]) -> list[tuple[date, list[Change]]]:
    """The changes grouped by day, newest day first; a file once per day: removed if its last
    change removed it, else added if it was new that day, else changed."""
    kinds: dict[date, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for change in history:                                   # newest first
        kinds[change.day][change.file].append(change.kind)
    days = []
    for day in sorted(kinds, reverse=True):
        files = kinds[day]
        days.append((day, [Change(day, file, _kind_of_the_day(files[file])) for file in sorted(files)]))
    return days


def _kind_of_the_day(kinds: list[str]) -> str:
    if kinds[0] == "removed":
        return "removed"
    return "added" if "added" in kinds else "changed"


@dataclass(frozen=True)
class ChangeEntry:
    kind: str
    label: str
    page: str | None = None
    anchor: str = ""


def change_entries(content: Content, changes: list[Change], words: dict) -> list[ChangeEntry]:
    """One day's changes as the page names them: each item of a changed file, linked to its page."""
    keys_by_file: dict[str, list[str]] = defaultdict(list)
    for key, file in content.files.items():
        keys_by_file[file].append(key)
    entries = []
    for change in changes:
        keys = [key for key in keys_by_file.get(change.file, []) if key not in NOT_NEWS]
        if change.file in NOT_NEWS_FILES or (change.file in keys_by_file and not keys):
            continue
        if change.kind == "removed" or not keys:
            entries.append(ChangeEntry(change.kind, words["removed_file"].format(name=Path(change.file).name)))
        else:
            entries.extend(ChangeEntry(change.kind, *_named(content, key, words)) for key in keys)
    return sorted(entries, key=lambda entry: danish_sort_key(entry.label))


# This copy's own settings are no news about the content.
NOT_NEWS = {"settings"}
NOT_NEWS_FILES = {"content/settings.yml"}


def _named(content: Content, key: str, words: dict) -> tuple[str, str | None, str]:
    """An item's name, and the page (and anchor) that shows it."""
    kind, _, item_id = key.partition("/")
    if kind == "principles":
        principle = content.principle(item_id)
        return words["principle"].format(number=principle.number, title=principle.title), paths.principle_page_path(principle), ""
    if kind == "tools":
        tool = next(t for t in content.tools if t.id == item_id)
        return words["tool"].format(code=tool.code, name=tool.name), paths.TOOLS_PAGE, tool.id
    if kind == "forms":
        form = next(f for f in content.forms if f.id == item_id)
        return words["form"].format(code=form.code, title=form.title), paths.form_page_path(form), ""
    if kind == "blocks":
        block = next(b for b in content.blocks if b.id == item_id)
        return words["block"].format(title=block.title), paths.KITS_PAGE, ""
    return words["single"][key], SINGLE_FILE_PAGES.get(key), ""


# Where a single content file is shown (settings are shown nowhere as such).
SINGLE_FILE_PAGES = {
    "sources": paths.SOURCES_PAGE, "phases": f"{paths.PHASES_DIR}/index.md", "taet": paths.TAET_PAGE,
    "evaluation": "taet/evaluering.md", "samarbejdsmodellen": paths.SAMARBEJDSMODELLEN_PAGE,
    "leadership": "ledere.md", "recovery": "recovery.md", "glossary": paths.GLOSSARY_PAGE,
    "code_ledger": paths.CODES_PAGE, "planner": paths.PLANNER_PAGE,
}


def danish_date(day: date, words: dict) -> str:
    return words["date"].format(day=day.day, month=words["months"][day.month - 1], year=day.year)
