"""The Markdown templates' line breaks: no line of a list runs into the next.

The templates are rendered with ``trim_blocks``, which removes the line break right after a block
tag (``{% endif %}``, ``{% endfor %}``). On a line of its own that is what we want; at the end of a
line that writes something it joins the next line to it, and in a Markdown list the next item
becomes text ("Sagens faser: … Opfølgning- **Skemaet:** …", as the forms overview once showed).
"""
import re

from conftest import PROJECT_DIR
from html_tools import Page, site_pages

TEMPLATES = PROJECT_DIR / "metodeguide" / "templates"
BLOCK_TAG = re.compile(r"\{%.*?%\}", re.S)
CAPTURED = re.compile(r"\{%-?\s*set\s+\w+\s*-?%\}.*?\{%-?\s*endset\s*-?%\}", re.S)  # text kept, not written
COMMENT = re.compile(r"\{##.*?##\}", re.S)
# A list item run into the line before it, as the built page reads: a word, then "- " and the next
# item ("Opfølgning- Skemaet:"). Danish's own hyphen before "og", "eller" ("Mål- og aftaleskema")
# is followed by a small letter.
RUN_IN_ITEM = re.compile(r"[^\W\d_][)\].:*]?- (?:\*\*|[A-ZÆØÅ])")


def lines_that_run_into_the_next(template: str) -> list[tuple[int, str]]:
    """Lines that write something and end in a block tag, whose line break trim_blocks removes."""
    text = COMMENT.sub(lambda comment: re.sub(r"[^\n]", " ", comment.group()), template)
    found = []
    for tag in BLOCK_TAG.finditer(text):
        end = tag.end()
        if text[end:end + 1] != "\n" or tag.group().endswith("+%}"):   # "+%}" keeps the line break
            continue
        start = text.rfind("\n", 0, tag.start()) + 1
        written = BLOCK_TAG.sub("", CAPTURED.sub("", text[start:end]))
        if not written.strip():
            continue   # a line of block tags alone disappears whole, as it should
        if re.match(r"[ \t]*\{%-", text[end + 1:]):
            continue   # the next tag strips the break anyway (a macro's {%- endmacro %})
        found.append((text.count("\n", 0, start) + 1, text[start:end].strip()))
    return found


def test_no_markdown_template_line_loses_its_line_break():
    """End such a line with "+%}" (Jinja keeps the break), or move the choice into an expression."""
    templates = [path for path in sorted(TEMPLATES.glob("*.j2")) if not path.name.endswith(".html.j2")]
    assert len(templates) > 10
    found = {path.name: lines_that_run_into_the_next(path.read_text(encoding="utf-8")) for path in templates}
    assert {name: lines for name, lines in found.items() if lines} == {}


def test_the_check_finds_a_list_item_run_into_the_next():
    """The fault as the forms overview had it, and the two ways to write the line that are right."""
    broken = '- **Faser:** {% for p in ps %}{{ p }}{% endfor %}\n- **Skemaet:** …\n'
    assert lines_that_run_into_the_next(broken) == [(1, "- **Faser:** {% for p in ps %}{{ p }}{% endfor %}")]
    assert lines_that_run_into_the_next(broken.replace("{% endfor %}", "{% endfor +%}")) == []
    assert lines_that_run_into_the_next('{% if x %}\n- **Redskab:** {{ x }}\n{% endif %}\n') == []
    assert RUN_IN_ITEM.search("Sagens faser: Opfølgning- Skemaet: på skærmen")
    assert RUN_IN_ITEM.search("bruges, når der er brug for det- Redskab: Netværkskortet")
    assert not RUN_IN_ITEM.search("Mål- og aftaleskema, Sags- og partsoverblik (SAPA)")


def test_no_built_page_runs_a_list_item_into_the_line_before(site_dir):
    found = {}
    for path in site_pages(site_dir):
        text = Page(path).text
        runs = [text[max(0, m.start() - 30):m.end() + 20] for m in RUN_IN_ITEM.finditer(text)]
        if runs:
            found[str(path.relative_to(site_dir))] = runs
    assert found == {}
