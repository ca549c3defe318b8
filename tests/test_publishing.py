"""deploy/nginx.conf, as the tests serve the built site with it: compression, caching, the 404 page
and the security headers. That every page loads under the policy without a violation or a console
error is checked page by page in test_browser.py."""
from __future__ import annotations

import base64
import gzip
import hashlib
import re
import urllib.error
import urllib.request

import pytest

from conftest import PROJECT_DIR

HASHED_ASSET = re.compile(r"\.[0-9a-f]{8}\.min\.(js|css)$")
SECURITY_HEADERS = ["Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy",
                    "Permissions-Policy", "X-Frame-Options"]
# The answers every kind of file gets: (path from the site root, status, compressed?)
FILES = {
    "page": ("principper/foelg-op/", 200, True),
    "front page": ("", 200, True),
    "our script": ("assets/javascripts/enhance.js", 200, True),
    "our style sheet": ("stylesheets/metodeguide.css", 200, True),
    "search index": ("search/search_index.json", 200, True),
    "open data": ("data/metodeguide.json", 200, True),
    "guide PDF": ("downloads/metodeguide.pdf", 200, False),
    "offline copy": ("downloads/metodeguide-offline.zip", 200, False),
    "missing page": ("findes-ikke/", 404, True),
    "folder without a page": ("downloads/", 404, True),
}
# A PDF is shown in the browser's own viewer, which a page's policy can block: it gets none.
WITHOUT_POLICY = {"guide PDF"}


def fetch(url: str, method: str = "GET"):
    request = urllib.request.Request(url, method=method, headers={"Accept-Encoding": "gzip"})
    try:
        return urllib.request.urlopen(request, timeout=10)
    except urllib.error.HTTPError as error:     # a 404 is an answer too
        return error


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture(scope="module")
def hashed_assets(site_dir):
    return sorted(path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*.min.*")
                  if HASHED_ASSET.search(path.name))


@pytest.mark.parametrize("kind", FILES)
def test_every_answer_carries_the_security_headers(site_url, kind):
    path, status, _ = FILES[kind]
    response = fetch(site_url + path)
    assert response.status == status
    missing = [name for name in SECURITY_HEADERS if not response.headers.get(name)]
    assert missing == (["Content-Security-Policy"] if kind in WITHOUT_POLICY else [])
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "Server" not in response.headers or "/" not in response.headers["Server"]   # no version


@pytest.mark.parametrize("kind", FILES)
def test_text_is_compressed_and_downloads_are_not(site_url, kind):
    path, _, compressed = FILES[kind]
    response = fetch(site_url + path)
    body = response.read()
    assert (response.headers.get("Content-Encoding") == "gzip") is compressed
    if compressed:
        assert response.headers["Vary"] == "Accept-Encoding"
        assert gzip.decompress(body)


@pytest.mark.parametrize("kind", ["missing page", "folder without a page"])
def test_the_missing_page_is_the_sites_own_404_page(site_dir, site_url, kind):
    response = fetch(site_url + FILES[kind][0])
    assert gzip.decompress(response.read()) == (site_dir / "404.html").read_bytes()


def test_a_folder_without_its_slash_is_sent_on_to_it_by_a_relative_address(site_url):
    opener = urllib.request.build_opener(_NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as redirect:
        opener.open(site_url + "principper/foelg-op")
    assert redirect.value.code == 301
    assert redirect.value.headers["Location"] == "/principper/foelg-op/"


def max_age(response) -> int:
    return int(re.search(r"max-age=(\d+)", response.headers["Cache-Control"]).group(1))


def test_files_named_by_their_content_are_kept_a_year(site_url, hashed_assets):
    assert len(hashed_assets) >= 3    # the theme's bundle, its style sheets
    for path in hashed_assets:
        response = fetch(site_url + path, "HEAD")
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable", path


@pytest.mark.parametrize("kind", ["page", "our script", "our style sheet", "search index", "guide PDF"])
def test_everything_else_is_asked_for_again_within_minutes(site_url, kind):
    response = fetch(site_url + FILES[kind][0], "HEAD")
    assert "immutable" not in response.headers["Cache-Control"]
    assert 0 < max_age(response) <= 600


def policy(site_url) -> dict[str, list[str]]:
    header = fetch(site_url, "HEAD").headers["Content-Security-Policy"]
    directives = [part.split() for part in header.split(";") if part.strip()]
    return {name: sources for name, *sources in directives}


# Beyond the site itself ('self') and nothing ('none'): what a directive may allow, and why.
EXCEPTIONS = {"img-src": {"data:"},                    # the theme's icons, drawn in its CSS
              "style-src-attr": {"'unsafe-inline'"},   # the forms' column widths; styles run no code
              "script-src": {"'sha256-*"}}              # the theme's inline scripts, by hash only


def test_the_policy_allows_nothing_from_another_host_and_no_eval(site_url):
    directives = policy(site_url)
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'self'"]
    for name, sources in directives.items():
        allowed = {"'self'", "'none'"} | EXCEPTIONS.get(name, set())
        unexpected = [source for source in sources if source not in allowed
                      and not ("'sha256-*" in allowed and source.startswith("'sha256-"))]
        assert unexpected == [], name


def inline_script_hashes(site_dir) -> dict[str, str]:
    """Every script written into the built pages themselves (not a file, not data), by its hash."""
    found = {}
    for page in site_dir.rglob("*.html"):
        for match in re.finditer(r"<script(?![^>]*\bsrc=)(?![^>]*\btype=\"(?:application/json|text/html)\")[^>]*>(.*?)</script>",
                                 page.read_text(encoding="utf-8"), re.S):
            digest = base64.b64encode(hashlib.sha256(match.group(1).encode("utf-8")).digest()).decode()
            found.setdefault(f"'sha256-{digest}'", page.relative_to(site_dir).as_posix())
    return found


def test_the_policy_allows_exactly_the_inline_scripts_the_pages_hold(site_dir, site_url):
    """When a theme update changes one of its inline scripts, this names the hash to put in
    deploy/nginx.conf (and the page it is on)."""
    allowed = {source for source in policy(site_url)["script-src"] if source.startswith("'sha256-")}
    assert inline_script_hashes(site_dir).keys() - allowed == set(), inline_script_hashes(site_dir)
    assert allowed - inline_script_hashes(site_dir).keys() == set()


def test_the_deploy_file_has_one_line_each_to_set_for_a_server(tmp_path):
    from scripts.nginx_site import local_site_config

    config = local_site_config(8123, tmp_path)
    assert "listen 127.0.0.1:8123;" in config
    assert f"root {tmp_path};" in config
    assert (PROJECT_DIR / "deploy" / "nginx.conf").read_text(encoding="utf-8").count("# SET") == 2
