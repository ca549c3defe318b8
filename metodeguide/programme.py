"""Programmes for competence days and team meetings, assembled from the building blocks.

A block written ``for_each`` a kind of focus becomes one planned block per focus item: the
introduction to principle 3, the case exercise with principle 3's dilemma cards, and so on. A
programme is an ordered list of planned blocks whose minutes add up exactly to the time chosen;
each block's minutes stay between its shortest and longest sensible length.
"""
from __future__ import annotations

from dataclasses import dataclass

from .model import ANY_FOCUS_KINDS, BREAK_KINDS, Block, BlockUses, Content, FocusKind, Group, ProgrammeLength

MINUTE_STEP = 5                 # durations move in steps a person would plan with

BREAKS = BREAK_KINDS
# Kinds that belong in any programme, whatever its focus (the others must be about the focus).
ANY_FOCUS = ANY_FOCUS_KINDS
# A focus's own blocks, most important first: what it is, then how to work with it.
ACTIVITY_ORDER = ("introduktion", "case", "refleksion", "historie", "metode", "feedback", "perspektivskifte")
# Blocks that round off a longer programme, in the order they come at its end.
ROUNDING_OFF = ("handleplan", "evaluering")


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


def propose(content: Content, chosen: list[Focus], length: ProgrammeLength, group: Group) -> list[PlannedBlock]:
    """A programme on the chosen focuses that fills ``length`` exactly, with its breaks in place.

    The blocks are taken in order of importance: the opening and closing and each focus's
    introduction always; then a first activity for each focus while their shortest lengths fit;
    then the action plan and the evaluation, the focuses' other activities (taking turns) and, to
    fill a long day, general method blocks, each while its suggested length fits. Their minutes are
    then fitted to the time left after the breaks, and each break goes between the two blocks
    nearest the time the length names for it. When even the shortest lengths are too long (many
    focuses in one hour), every block keeps its shortest length and the plan runs over.
    """
    roles = set(group.roles)
    frame = _frame_blocks(content, roles)
    per_focus = _candidates_per_focus(content, chosen, roles)
    first_activities = [blocks[1] for blocks in per_focus if len(blocks) > 1]
    other_activities = _taking_turns([blocks[2:] for blocks in per_focus])
    breaks = _break_blocks(content, length)
    target = length.minutes - sum(planned.minutes for planned, _ in breaks)

    picked = [frame[kind] for kind in ("aabning", "afslutning") if kind in frame]
    picked += [blocks[0] for blocks in per_focus if blocks]
    picked += _while_fitting(picked, first_activities, target, lambda p: p.block.duration.shortest)
    later = ([frame[kind] for kind in ROUNDING_OFF if kind in frame] + other_activities
             + _general_blocks(content, chosen, roles))
    picked += _while_fitting(picked, later, target, lambda p: p.minutes)
    leftovers = [planned for planned in later if planned not in picked]
    while sum(p.block.duration.longest for p in picked) < target and leftovers:
        picked.append(leftovers.pop(0))    # too few blocks to stretch over the time: take one more

    ordered = _in_programme_order(picked, per_focus)
    fitted = fit_to(ordered, target) or _as_near_as_possible(ordered, target)
    return _with_breaks(fitted, breaks)


def kit(content: Content, focus: Focus) -> list[PlannedBlock]:
    """The ready-made kit on one focus: the planner's proposal for the kits' length and group."""
    planner = content.planner
    length = next(length for length in planner.lengths if length.id == planner.kit_length)
    group = next(group for group in planner.groups if group.id == planner.kit_group)
    return propose(content, [focus], length, group)


def kit_start(content: Content) -> int:
    return minutes_from_clock(content.planner.start)


def _frame_blocks(content: Content, roles: set[str]) -> dict[str, PlannedBlock]:
    """The first general block of each kind that frames any programme (opening, closing …)."""
    frame = {}
    for block in content.blocks:
        if block.kind in ANY_FOCUS and block.kind not in BREAKS and roles & set(block.roles):
            frame.setdefault(block.kind, PlannedBlock(block, None, block.uses, block.duration.suggested))
    return frame


def _candidates_per_focus(content: Content, chosen: list[Focus], roles: set[str]) -> list[list[PlannedBlock]]:
    """Each focus's own blocks, most important first; a block about two focuses goes with the first."""
    taken: set[str] = set()
    per_focus = []
    for focus in chosen:
        own = [planned for planned in blocks_for(content, focus)
               if planned.block.kind in ACTIVITY_ORDER and roles & set(planned.block.roles)
               and concerns(planned, focus) and planned.id not in taken]
        own.sort(key=lambda planned: ACTIVITY_ORDER.index(planned.block.kind))
        taken |= {planned.id for planned in own}
        per_focus.append(own)
    return per_focus


def _general_blocks(content: Content, chosen: list[Focus], roles: set[str]) -> list[PlannedBlock]:
    """Method blocks about none of the focuses: only used to fill a long day."""
    return [PlannedBlock(block, None, block.uses, block.duration.suggested) for block in content.blocks
            if block.for_each is None and block.kind in ACTIVITY_ORDER and roles & set(block.roles)
            and not any(concerns(PlannedBlock(block, None, block.uses, 0), focus) for focus in chosen)]


def _taking_turns(lists: list[list[PlannedBlock]]) -> list[PlannedBlock]:
    """The first of each list, then the second of each, and so on."""
    longest = max((len(blocks) for blocks in lists), default=0)
    return [blocks[i] for i in range(longest) for blocks in lists if i < len(blocks)]


def _while_fitting(picked, candidates, target, minutes_of) -> list[PlannedBlock]:
    """The candidates, in order, that still fit in ``target`` next to what is picked."""
    added, used = [], sum(minutes_of(planned) for planned in picked)
    for planned in candidates:
        if planned not in picked and used + minutes_of(planned) <= target:
            added.append(planned)
            used += minutes_of(planned)
    return added


def _in_programme_order(picked, per_focus) -> list[PlannedBlock]:
    """Opening; each focus's blocks together; general blocks; action plan, evaluation, closing."""
    def rank(planned: PlannedBlock) -> tuple[int, int]:
        kind = planned.block.kind
        if kind == "aabning":
            return (0, 0)
        for number, blocks in enumerate(per_focus):
            if planned in blocks:
                return (1 + number, blocks.index(planned))
        if kind in ROUNDING_OFF:
            return (len(per_focus) + 2, ROUNDING_OFF.index(kind))
        if kind == "afslutning":
            return (len(per_focus) + 3, 0)
        return (len(per_focus) + 1, 0)
    return sorted(picked, key=rank)


def _as_near_as_possible(blocks: list[PlannedBlock], target: int) -> list[PlannedBlock]:
    """When the blocks cannot fill ``target`` exactly: all at their shortest, or all at their longest."""
    too_long = sum(planned.block.duration.shortest for planned in blocks) > target
    return [planned.with_minutes(planned.block.duration.shortest if too_long else planned.block.duration.longest)
            for planned in blocks]


def _break_blocks(content: Content, length: ProgrammeLength) -> list[tuple[PlannedBlock, int]]:
    by_id = {block.id: block for block in content.blocks}
    return [(PlannedBlock(by_id[placed.block], None, by_id[placed.block].uses,
                          by_id[placed.block].duration.suggested), placed.after)
            for placed in sorted(length.breaks, key=lambda placed: placed.after)]


def _with_breaks(blocks: list[PlannedBlock], breaks: list[tuple[PlannedBlock, int]]) -> list[PlannedBlock]:
    """Each break between the two blocks whose meeting point is nearest its time, never next to
    another break, and never before the first block or after the last."""
    programme = list(blocks)
    for pause, after in breaks:
        def distance(position: int) -> tuple[int, int]:
            return (abs(sum(p.minutes for p in programme[:position]) - after), position)
        allowed = [position for position in range(1, len(programme))
                   if programme[position - 1].block.kind not in BREAKS
                   and programme[position].block.kind not in BREAKS] or [len(programme)]
        programme.insert(min(allowed, key=distance), pause)
    return programme


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


def schedule(blocks: list[PlannedBlock], start: int) -> list[ScheduledBlock]:
    """Start and end of each block, one after the other from ``start``."""
    scheduled, clock = [], start
    for planned in blocks:
        scheduled.append(ScheduledBlock(planned, clock, clock + planned.minutes))
        clock += planned.minutes
    return scheduled


def clock_time(minutes: int) -> str:
    """Minutes after midnight as Danish clock time: 9.00, 13.45."""
    return f"{minutes // 60}.{minutes % 60:02d}"


def minutes_from_clock(time: str) -> int:
    """"09:00" (as a time field and the settings write it) as minutes after midnight."""
    hours, minutes = time.split(":")
    return int(hours) * 60 + int(minutes)


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
