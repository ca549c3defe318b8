"""What the planner page needs from the content, and the plan link it reads.

The planner runs in the browser (``docs/assets/javascripts/modules/planner.js``). It gets every
block, made concrete for every focus, as JSON from the page (``planner_data``) and proposes
programmes with the same rules as ``programme.propose``; a browser test holds the two to the same
answers. The print-outs' texts are rendered here, on the server, as HTML templates in the page.

A plan travels in the address's fragment, which browsers never send to a server. It holds ids and
numbers only, each value behind a one-letter key, format version first (``v=1``)::

    #v=1&s=0900&l=halv-dag&g=blandet&f=p-foelg-op.t-kontakt-og-opfoelgning&e=1200&b=aabning_15.pause_15

``s`` start and ``e`` a fixed end (hhmm, ``e`` only when set), ``l`` length, ``g`` group, ``f`` the
focuses (``FOCUS_LETTERS``), ``b`` the blocks in order, each ``<planned block id>_<minutes>``.
Ids are ASCII slugs, so nothing in the link needs escaping. Once published, a format is decoded for
good: a change gets a new version number and the old one stays readable (tests/fixtures).
"""
from __future__ import annotations

from . import programme
from .model import Content, Group, ProgrammeLength
from .programme import Focus, PlannedBlock

LINK_FORMAT = 1
FOCUS_LETTERS = {"principle": "p", "taet_element": "t", "sm_element": "s"}


def focus_key(focus: Focus) -> str:
    return f"{FOCUS_LETTERS[focus.kind]}-{focus.id}"


def all_planned_blocks(content: Content) -> list[PlannedBlock]:
    """Every block once, in the content's order; a pattern block once per focus it has material for."""
    planned: dict[str, PlannedBlock] = {}
    for focus in programme.focuses(content):
        for block in programme.blocks_for(content, focus):
            planned.setdefault(block.id, block if block.block.for_each else
                               PlannedBlock(block.block, None, block.uses, block.minutes))
    order = {block.id: number for number, block in enumerate(content.blocks)}
    return sorted(planned.values(), key=lambda planned: order[planned.block.id])


def material_keys(content: Content, planned: PlannedBlock) -> list[str]:
    """The items a block hands out or shows, as the keys of their print templates."""
    used = programme.materials(content, [planned])
    return ([f"dilemma-{dilemma.code}" for _, dilemma in used.dilemmas]
            + [f"question-{question.code}" for _, question in used.questions]
            + [f"story-{principle.id}" for principle in used.stories]
            + [f"tool-{tool.id}" for tool in used.tools]
            + [f"form-{form.id}" for form in used.forms])


def planner_data(content: Content) -> dict:
    """Everything the planner script works with, as JSON-ready data (ids and numbers, no prose
    but the block titles, which the script shows in its list)."""
    focuses = programme.focuses(content)
    return {
        "format": LINK_FORMAT,
        "start": content.planner.start,
        "rules": {"activities": list(programme.ACTIVITY_ORDER), "roundingOff": list(programme.ROUNDING_OFF),
                  "breaks": list(programme.BREAKS), "frame": list(programme.ANY_FOCUS), "step": programme.MINUTE_STEP},
        "lengths": [{"id": length.id, "minutes": length.minutes,
                     "breaks": [{"block": placed.block, "after": placed.after} for placed in length.breaks]}
                    for length in content.planner.lengths],
        "groups": [{"id": group.id, "roles": list(group.roles)} for group in content.planner.groups],
        "focuses": [focus_key(focus) for focus in focuses],
        "blocks": [_block_data(content, planned, focuses) for planned in all_planned_blocks(content)],
    }


def _block_data(content: Content, planned: PlannedBlock, focuses: list[Focus]) -> dict:
    duration = planned.block.duration
    return {
        "id": planned.id,
        "block": planned.block.id,
        "kind": planned.block.kind,
        "title": planned.block.title,
        "purpose": planned.block.purpose,    # searched in the library, with the title
        "focus": focus_key(planned.focus) if planned.block.for_each else None,
        # The focuses a general block names; a pattern block is about its own focus only.
        "about": ([focus_key(planned.focus)] if planned.block.for_each else
                  [focus_key(focus) for focus in focuses if programme.concerns(planned, focus)]),
        "roles": list(planned.block.roles),
        "minutes": [duration.shortest, duration.suggested, duration.longest],
        "materials": material_keys(content, planned),
    }


def plan_fragment(content: Content, chosen: list[Focus], length: ProgrammeLength, group: Group,
                  blocks: list[PlannedBlock], start: str) -> str:
    """The fragment (without '#') that opens this plan in the planner: see the module's docstring."""
    parts = {"v": str(LINK_FORMAT), "s": start.replace(":", ""), "l": length.id, "g": group.id,
             "f": ".".join(focus_key(focus) for focus in chosen),
             "b": ".".join(f"{planned.id}_{planned.minutes}" for planned in blocks)}
    return "&".join(f"{key}={value}" for key, value in parts.items())


def kit_fragment(content: Content, focus: Focus) -> str:
    """The plan link of a ready-made kit, so the planner opens it to be adapted."""
    planner = content.planner
    length = next(length for length in planner.lengths if length.id == planner.kit_length)
    group = next(group for group in planner.groups if group.id == planner.kit_group)
    return plan_fragment(content, [focus], length, group, programme.kit(content, focus), planner.start)
