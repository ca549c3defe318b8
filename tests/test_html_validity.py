"""Every built page is valid HTML by the W3C Nu HTML checker (npm's vnu-jar, pinned in
package-lock.json), run once over the whole site on Debian's Java (``make test`` installs it).

An error is fixed where our own templates, overrides or Markdown make it. Only the theme's own
errors, which no small override can mend, are let through: each by the exact markup Material's
template writes, in ``THEME_ERRORS`` below, with the reason. A filter that no longer matches
anything (Material fixed it, or the page that caused it changed) fails the test, so the list only
ever holds errors that are still there.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import pytest

from html_tools import site_pages

PROJECT_DIR = Path(__file__).resolve().parent.parent
VNU = PROJECT_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@dataclass(frozen=True)
class ThemeError:
    message: str    # a regular expression the checker's message starts with
    markup: str     # a regular expression the whole marked markup (the element's start tag) matches
    template: str   # the Material template that writes it (material/templates/…)
    reason: str

    def matches(self, error: dict) -> bool:
        return bool(re.match(self.message, error["message"]) and re.fullmatch(self.markup, marked(error)))


THEME_ERRORS = [
    ThemeError(
        message=r"Attribute “autocomplete” is only allowed when the input type is ",
        markup=r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" '
               r'id="__(drawer|search)" autocomplete="off">',
        template="base.html",
        reason="browsers read it anyway and so do not bring back an open drawer or search after "
               "going back; the two toggles stand outside every block, so only a copy of the "
               "whole base.html could change them"),
    ThemeError(
        message=r"Bad value “” for attribute “tabindex” on element “label”: ",
        markup=r'<label class="md-nav__link ?(md-nav__link--active)?" for="__nav(_\d+)+" '
               r'id="__nav(_\d+)+_label" tabindex="">',
        template="partials/nav-item.html",
        reason='a section\'s label is written tabindex="{{ tabindex }}" with tabindex unset; a '
               "browser ignores the empty value, which is what is meant (a section's title is no "
               "control); the label is in the render macro that is the whole template"),
]

# A page with one known error, checked in the same run: proof that the checker really read the
# files and that its report is read right.
CANARY = """<!DOCTYPE html>
<html lang="da"><head><meta charset="utf-8"><title>Kanariefugl</title></head>
<body><p tabindex="">Kanariefugl</p></body></html>
"""


def marked(error: dict) -> str:
    """The markup the checker marks in its extract: for these errors, the element's start tag."""
    start, length = error.get("hiliteStart"), error.get("hiliteLength")
    if start is None or length is None:
        return error.get("extract", "")
    return error.get("extract", "")[start:start + length].strip()


def where(error: dict, site_dir: Path) -> str:
    url = error.get("url", "").removeprefix("file:")
    page = url.removeprefix(str(site_dir) + "/") if url.startswith(str(site_dir)) else url
    return f"{page}:{error.get('lastLine', '?')}"


@pytest.fixture(scope="module")
def checker_errors(site_dir, tmp_path_factory):
    """Every error the Nu checker finds in the built site, plus the canary's, from one run."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("No java on the PATH: the Nu HTML checker (vnu.jar) runs on Java. "
                    "`make test` installs Debian's default-jre-headless; or run "
                    "`sudo apt-get install default-jre-headless`.")
    if not VNU.is_file():
        pytest.fail(f"No {VNU.relative_to(PROJECT_DIR)}: run `npm ci` (or `make test`), which installs vnu-jar.")
    canary = tmp_path_factory.mktemp("vnu-canary") / "canary.html"
    canary.write_text(CANARY, encoding="utf-8")
    result = subprocess.run([java, "-jar", str(VNU), "--skip-non-html", "--errors-only", "--format", "json",
                             "--stdout", str(site_dir), str(canary)],
                            capture_output=True, text=True, timeout=300)
    try:
        messages = json.loads(result.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"The Nu checker gave no report (exit {result.returncode}):\n{result.stdout[-2000:]}\n"
                    f"{result.stderr[-2000:]}")
    canary_url = f"file:{canary}"
    canary_errors = [m for m in messages if m.get("url") == canary_url]
    assert [m["message"] for m in canary_errors] == [
        "Bad value “” for attribute “tabindex” on element “p”: The empty string is not a valid integer."], \
        f"the checker did not report the canary's one error as expected: {canary_errors}"
    return [m for m in messages if m.get("url") != canary_url]


def test_every_page_is_valid_html(checker_errors, site_dir):
    # A message of another type ("non-document-error": a file it could not read) fails too.
    ours = [error for error in checker_errors
            if not (error.get("type") == "error" and any(theme.matches(error) for theme in THEME_ERRORS))]
    assert not ours, f"{len(ours)} HTML errors:\n" + "\n".join(
        f"{where(error, site_dir)} → {error['message']}\n    {marked(error)}" for error in ours)


def test_every_filtered_theme_error_still_occurs(checker_errors):
    unused = [theme for theme in THEME_ERRORS if not any(theme.matches(error) for error in checker_errors)]
    assert not unused, "No longer needed, remove from THEME_ERRORS: " + "; ".join(
        f"{theme.template}: {theme.message}" for theme in unused)


def test_the_checker_read_every_page_the_theme_built(checker_errors, site_dir):
    """Material writes the drawer toggle, and so its autocomplete error, on every page it builds: the
    pages with that error are every built page but the short-code redirects (k/<code>/), which are
    plain pages of our own. A page the checker skipped or could not read would be missing here."""
    drawer = THEME_ERRORS[0]
    read = {Path(unquote(error["url"].removeprefix("file:"))).resolve() for error in checker_errors
            if drawer.matches(error) and 'data-md-toggle="drawer"' in marked(error)}
    built = {page.resolve() for page in site_pages(site_dir)}
    assert len(built) > 40
    assert read == built, (f"not read: {sorted(str(p) for p in built - read)}; "
                           f"not built by the theme: {sorted(str(p) for p in read - built)}")
