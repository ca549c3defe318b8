"""Programmes for competence days and team meetings, assembled from the building blocks.

A block written ``for_each`` a kind of focus becomes one planned block per focus item: the
introduction to principle 3, the case exercise with principle 3's dilemma cards, and so on. A
programme is an ordered list of planned blocks whose minutes add up exactly to the time chosen;
each block's minutes stay between its shortest and longest sensible length.
"""
from __future__ import annotations

from dataclasses import dataclass

from .model import Block, BlockUses, Content, FocusKind

MINUTE_STEP = 5                 # durations move in steps a person would plan with
HALF_DAY_MINUTES = 180          # "about 3 hours with a break"
KIT_START = 9 * 60              # a ready-made kit starts at 9.00

# A half-day kit, slot by slot: the first kind that has a block for the focus fills the slot.
# Optional slots are dropped when the time is full without them.
HALF_DAY_SLOTS = (
    (("aabning",), False),
    (("introduktion",), False),
    (("case", "perspektivskifte", "feedback", "metode"), False),
    (("pause",), False),
    (("refleksion", "metode", "feedback", "perspektivskifte"), False),
    (("historie", "metode", "feedback", "perspektivskifte"), True),
    (("handleplan",), False),
    (("afslutning", "evaluering"), False),
)
BREAKS = ("pause", "frokost")
# Kinds that belong in any programme, whatever its focus (the others must be about the focus).
ANY_FOCUS = BREAKS + ("aabning", "afslutning", "evaluering", "handleplan")


@dataclass(frozen=True)
class Focus:
    kind: FocusKind
    id: str


@dataclass(frozen=True)
class PlannedBlock:
    """A block made concrete for one focus: what it uses, and how many minutes it gets."""

    block: Block
    focus: Focus | None
    uses: BlockUses
    minutes: int

    @property
    def id(self) -> str:
        return f"{self.block.id}-{self.focus.id}" if self.focus and self.block.for_each else self.block.id

    def with_minutes(self, minutes: int) -> PlannedBlock:
        return PlannedBlock(self.block, self.focus, self.uses, minutes)


@dataclass(frozen=True)
class ScheduledBlock:
    planned: PlannedBlock
    start: int                  # minutes after midnight
    end: int


def focuses(content: Content) -> list[Focus]:
    """Every principle, TÆT core element and Samarbejdsmodellen core element, in the guide's order."""
    return ([Focus("principle", p.id) for p in content.principles]
            + [Focus("taet_element", e.id) for e in content.taet.core_elements]
            + [Focus("sm_element", e.id) for e in content.samarbejdsmodellen.core_elements])


def kit_focuses(content: Content) -> list[Focus]:
    """The focuses that have a ready-made kit: each principle and each TÆT core element."""
    return [focus for focus in focuses(content) if focus.kind in ("principle", "taet_element")]


def focus_item(content: Content, focus: Focus):
    if focus.kind == "principle":
        return content.principle(focus.id)
    if focus.kind == "taet_element":
        return content.taet_element(focus.id)
    return next(e for e in content.samarbejdsmodellen.core_elements if e.id == focus.id)


def blocks_for(content: Content, focus: Focus) -> list[PlannedBlock]:
    """Every block a programme on ``focus`` can use: its own made concrete, and the general ones."""
    planned = []
    for block in content.blocks:
        if block.for_each is None:
            planned.append(PlannedBlock(block, focus, block.uses, block.duration.suggested))
        elif block.for_each == focus.kind:
            uses = _uses_for(content, block, focus)
            if uses is not None:
                planned.append(PlannedBlock(block, focus, uses, block.duration.suggested))
    return planned


def _uses_for(content: Content, block: Block, focus: Focus) -> BlockUses | None:
    """What a pattern block uses for this focus; None when the focus has nothing for it."""
    if focus.kind == "taet_element":
        return block.uses.model_copy(update={"taet_elements": [focus.id]})
    if focus.kind == "sm_element":
        return block.uses.model_copy(update={"sm_elements": [focus.id]})
    principle = content.principle(focus.id)
    uses = block.uses.model_copy(update={"principles": [focus.id]})
    if block.kind == "case":
        codes = [d.code for d in principle.dilemmas]
        return uses.model_copy(update={"dilemmas": codes}) if codes else None
    if block.kind == "refleksion":
        codes = [q.code for q in principle.reflection_questions]
        return uses.model_copy(update={"questions": codes}) if codes else None
    if block.kind == "historie":
        return uses.model_copy(update={"story": True}) if principle.story else None
    return uses


def concerns(planned: PlannedBlock, focus: Focus) -> bool:
    """Whether a block is about the focus: made for it, or a general block that names it."""
    if planned.block.for_each:
        return True
    named = {"principle": planned.uses.principles, "taet_element": planned.uses.taet_elements,
             "sm_element": planned.uses.sm_elements}[focus.kind]
    return focus.id in named


def half_day_kit(content: Content, focus: Focus) -> list[PlannedBlock]:
    """The ready-made kit: a half day on one focus, filled slot by slot, fitted to 180 minutes."""
    available = blocks_for(content, focus)
    chosen: list[tuple[PlannedBlock, bool]] = []
    for kinds, optional in HALF_DAY_SLOTS:
        block = _first_unused(available, kinds, focus, [planned for planned, _ in chosen])
        if block:
            chosen.append((block, optional))
    required = [planned for planned, optional in chosen if not optional]
    for candidate in ([planned for planned, _ in chosen], required):
        fitted = fit_to(candidate, HALF_DAY_MINUTES)
        if fitted:
            return fitted
    raise ValueError(f"no half-day programme fits {HALF_DAY_MINUTES} minutes for {focus}")


def _first_unused(available, kinds, focus, chosen) -> PlannedBlock | None:
    used = {planned.block.id for planned in chosen}
    for kind in kinds:
        for planned in available:
            if (planned.block.kind == kind and planned.block.id not in used
                    and (kind in ANY_FOCUS or concerns(planned, focus))):
                return planned
    return None


def fit_to(blocks: list[PlannedBlock], total: int) -> list[PlannedBlock] | None:
    """The same blocks with minutes that add up to ``total``, or None if their limits do not allow it.

    Starts from each block's suggestion and moves the blocks that are not breaks a step at a time,
    taking turns, so no single block swallows the difference."""
    minutes = [planned.minutes for planned in blocks]
    adjustable = [i for i, planned in enumerate(blocks) if planned.block.kind not in BREAKS]
    while sum(minutes) != total:
        grow = sum(minutes) < total
        step = min(MINUTE_STEP, abs(total - sum(minutes)))
        moved = False
        for i in adjustable:
            if sum(minutes) == total:
                break
            limit = blocks[i].block.duration.longest if grow else blocks[i].block.duration.shortest
            room = limit - minutes[i] if grow else minutes[i] - limit
            change = min(step, room, abs(total - sum(minutes)))
            if change > 0:
                minutes[i] += change if grow else -change
                moved = True
        if not moved:
            return None
    return [planned.with_minutes(m) for planned, m in zip(blocks, minutes)]


def schedule(blocks: list[PlannedBlock], start: int = KIT_START) -> list[ScheduledBlock]:
    """Start and end of each block, one after the other from ``start``."""
    scheduled, clock = [], start
    for planned in blocks:
        scheduled.append(ScheduledBlock(planned, clock, clock + planned.minutes))
        clock += planned.minutes
    return scheduled


def clock_time(minutes: int) -> str:
    """Minutes after midnight as Danish clock time: 9.00, 13.45."""
    return f"{minutes // 60}.{minutes % 60:02d}"


@dataclass(frozen=True)
class Materials:
    """Everything a programme's blocks use, each once, in the order the guide lists them."""

    principles: list
    taet_elements: list
    sm_elements: list
    dilemmas: list              # (principle, dilemma)
    questions: list             # (principle, question)
    stories: list               # principles whose story is used
    tools: list
    forms: list


def materials(content: Content, blocks: list[PlannedBlock]) -> Materials:
    # A general block names principles and core elements to say what it is relevant to; only the
    # blocks made for the focus actually work with them.
    focus_blocks = [planned for planned in blocks if planned.block.for_each]
    used = {field: {value for planned in blocks for value in getattr(planned.uses, field)}
            for field in ("dilemmas", "questions", "tools", "forms")}
    used |= {field: {value for planned in focus_blocks for value in getattr(planned.uses, field)}
             for field in ("principles", "taet_elements", "sm_elements")}
    story_principles = {planned.focus.id for planned in blocks if planned.uses.story and planned.focus}
    return Materials(
        principles=[p for p in content.principles if p.id in used["principles"]],
        taet_elements=[e for e in content.taet.core_elements if e.id in used["taet_elements"]],
        sm_elements=[e for e in content.samarbejdsmodellen.core_elements if e.id in used["sm_elements"]],
        dilemmas=[(p, d) for p in content.principles for d in p.dilemmas if d.code in used["dilemmas"]],
        questions=[(p, q) for p in content.principles for q in p.reflection_questions if q.code in used["questions"]],
        stories=[p for p in content.principles if p.id in story_principles],
        tools=[t for t in content.tools if t.id in used["tools"]],
        forms=[f for f in content.forms if f.id in used["forms"]],
    )
