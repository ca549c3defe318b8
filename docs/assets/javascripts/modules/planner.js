/*
 * Module "planner": the competence-day planner (planlaegger/). Root data-mg-module="planner".
 *
 * The page carries everything as data: the blocks, made concrete for every focus, as JSON
 * (#mg-planner-data, from metodeguide/planner.py), every word in data-* attributes and <template>s,
 * and the print texts of every block and material as <template>s rendered on the server. This
 * script proposes a programme with the same rules as metodeguide/programme.py (a browser test
 * compares the two), lets the leader edit it, and keeps the plan in the address's fragment, which
 * browsers never send to a server. Nothing leaves the browser.
 */
(function () {
  "use strict";
  if (!window.metodeguide) { return; }

  var LINK_FORMATS = { "1": readLinkVersion1 };   // every format ever published stays readable
  var SAVED_FILE_KEY = "metodeguide_plan";
  var DAY = 24 * 60;
  var FEWEST_MINUTES = 5, MOST_MINUTES = 240;      // a block's limits in the content's schema (Duration)

  // --- Small helpers -------------------------------------------------------------------------

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }
  function pad(number) { return (number < 10 ? "0" : "") + number; }
  function clock(minutes) {
    var inDay = ((minutes % 1440) + 1440) % 1440;
    return Math.floor(inDay / 60) + "." + pad(inDay % 60);
  }
  function fromTimeField(value) {
    var match = /^(\d\d):(\d\d)/.exec(value || "");
    return match ? Number(match[1]) * 60 + Number(match[2]) : null;
  }
  function toTimeField(minutes) { return pad(Math.floor(minutes / 60) % 24) + ":" + pad(minutes % 60); }
  function sum(list, minutesOf) { return list.reduce(function (total, item) { return total + minutesOf(item); }, 0); }
  function byId(list, id) { return list.filter(function (item) { return item.id === id; })[0]; }
  function contains(list, value) { return list.indexOf(value) >= 0; }
  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }
  var STEP = 5;                                     // set from the page's data when the module starts
  function validMinutes(minutes) { return minutes % STEP === 0 && minutes >= FEWEST_MINUTES && minutes <= MOST_MINUTES; }

  // --- The proposal: the rules of programme.propose, step for step ----------------------------

  function Proposer(data) {
    var rules = data.rules;
    var SHORTEST = 0, SUGGESTED = 1, LONGEST = 2;
    function isBreak(block) { return contains(rules.breaks, block.kind); }
    function planned(block, minutes) { return { block: block, minutes: minutes }; }

    function candidatesPerFocus(chosen, forRoles) {
      var taken = {};
      return chosen.map(function (focus) {
        var own = data.blocks.filter(function (block) {
          return (block.focus === focus || (block.focus === null && contains(block.about, focus))) &&
            contains(rules.activities, block.kind) && forRoles(block) && !taken[block.id];
        });
        own.sort(function (a, b) { return rules.activities.indexOf(a.kind) - rules.activities.indexOf(b.kind); });
        own.forEach(function (block) { taken[block.id] = true; });
        return own;
      });
    }

    function takingTurns(lists) {
      var longest = Math.max.apply(null, [0].concat(lists.map(function (list) { return list.length; })));
      var result = [];
      for (var i = 0; i < longest; i += 1) {
        lists.forEach(function (list) { if (i < list.length) { result.push(list[i]); } });
      }
      return result;
    }

    function whileFitting(picked, candidates, target, minutesOf) {
      var added = [], used = sum(picked, minutesOf);
      candidates.forEach(function (block) {
        if (!contains(picked, block) && !contains(added, block) && used + minutesOf(block) <= target) {
          added.push(block);
          used += minutesOf(block);
        }
      });
      return added;
    }

    function inProgrammeOrder(picked, perFocus) {
      function rank(block) {
        if (block.kind === "aabning") { return [0, 0]; }
        for (var number = 0; number < perFocus.length; number += 1) {
          if (contains(perFocus[number], block)) { return [1 + number, perFocus[number].indexOf(block)]; }
        }
        if (contains(rules.roundingOff, block.kind)) { return [perFocus.length + 2, rules.roundingOff.indexOf(block.kind)]; }
        if (block.kind === "afslutning") { return [perFocus.length + 3, 0]; }
        return [perFocus.length + 1, 0];
      }
      return picked.slice().sort(function (a, b) {
        var ra = rank(a), rb = rank(b);
        return ra[0] - rb[0] || ra[1] - rb[1];
      });
    }

    // fit_to: move the blocks that are not breaks a step at a time, taking turns, within their limits.
    function fitTo(blocks, total) {
      var minutes = blocks.map(function (item) { return item.minutes; });
      var adjustable = [];
      blocks.forEach(function (item, i) { if (!isBreak(item.block)) { adjustable.push(i); } });
      function current() { return sum(minutes, function (m) { return m; }); }
      while (current() !== total) {
        var grow = current() < total;
        var step = Math.min(rules.step, Math.abs(total - current()));
        var moved = false;
        for (var k = 0; k < adjustable.length; k += 1) {
          var i = adjustable[k];
          if (current() === total) { break; }
          var limit = blocks[i].block.minutes[grow ? LONGEST : SHORTEST];
          var room = grow ? limit - minutes[i] : minutes[i] - limit;
          var change = Math.min(step, room, Math.abs(total - current()));
          if (change > 0) {
            minutes[i] += grow ? change : -change;
            moved = true;
          }
        }
        if (!moved) { return null; }
      }
      return blocks.map(function (item, i) { return planned(item.block, minutes[i]); });
    }

    function asNearAsPossible(blocks, target) {
      var tooLong = sum(blocks, function (item) { return item.block.minutes[SHORTEST]; }) > target;
      return blocks.map(function (item) { return planned(item.block, item.block.minutes[tooLong ? SHORTEST : LONGEST]); });
    }

    function withBreaks(blocks, breaks) {
      var programme = blocks.slice();
      breaks.forEach(function (placed) {
        var allowed = [];
        for (var position = 1; position < programme.length; position += 1) {
          if (!isBreak(programme[position - 1].block) && !isBreak(programme[position].block)) { allowed.push(position); }
        }
        if (!allowed.length) { allowed.push(programme.length); }
        var best = allowed[0], bestDistance = Infinity;
        allowed.forEach(function (position) {
          var distance = Math.abs(sum(programme.slice(0, position), function (item) { return item.minutes; }) - placed.after);
          if (distance < bestDistance) { best = position; bestDistance = distance; }
        });
        programme.splice(best, 0, placed.planned);
      });
      return programme;
    }

    // propose(focus keys, length id, group id) -> [{block, minutes}]
    return function propose(chosen, lengthId, groupId) {
      var length = byId(data.lengths, lengthId), group = byId(data.groups, groupId);
      function forRoles(block) { return block.roles.some(function (role) { return contains(group.roles, role); }); }
      var frame = {};
      data.blocks.forEach(function (block) {
        if (block.focus === null && contains(rules.frame, block.kind) && !isBreak(block) && forRoles(block) &&
            !frame[block.kind]) { frame[block.kind] = block; }
      });
      var perFocus = candidatesPerFocus(chosen, forRoles);
      var firstActivities = perFocus.filter(function (list) { return list.length > 1; }).map(function (list) { return list[1]; });
      var otherActivities = takingTurns(perFocus.map(function (list) { return list.slice(2); }));
      var generalBlocks = data.blocks.filter(function (block) {
        return block.focus === null && contains(rules.activities, block.kind) && forRoles(block) &&
          !chosen.some(function (focus) { return contains(block.about, focus); });
      });
      var breaks = length.breaks.slice().sort(function (a, b) { return a.after - b.after; }).map(function (placed) {
        var block = byId(data.blocks, placed.block);
        return { after: placed.after, planned: planned(block, block.minutes[SUGGESTED]) };
      });
      var target = length.minutes - sum(breaks, function (placed) { return placed.planned.minutes; });

      var picked = ["aabning", "afslutning"].filter(function (kind) { return frame[kind]; }).map(function (kind) { return frame[kind]; });
      picked = picked.concat(perFocus.filter(function (list) { return list.length; }).map(function (list) { return list[0]; }));
      picked = picked.concat(whileFitting(picked, firstActivities, target, function (block) { return block.minutes[SHORTEST]; }));
      var later = rules.roundingOff.filter(function (kind) { return frame[kind]; }).map(function (kind) { return frame[kind]; })
        .concat(otherActivities, generalBlocks);
      picked = picked.concat(whileFitting(picked, later, target, function (block) { return block.minutes[SUGGESTED]; }));
      var leftovers = later.filter(function (block) { return !contains(picked, block); });
      while (sum(picked, function (block) { return block.minutes[LONGEST]; }) < target && leftovers.length) {
        picked.push(leftovers.shift());
      }
      var ordered = inProgrammeOrder(picked, perFocus).map(function (block) { return planned(block, block.minutes[SUGGESTED]); });
      return withBreaks(fitTo(ordered, target) || asNearAsPossible(ordered, target), breaks);
    };
  }

  // --- The plan in a link ---------------------------------------------------------------------

  function hhmm(minutes) { return pad(Math.floor(minutes / 60)) + pad(minutes % 60); }
  function fromHhmm(text) {
    var match = /^(\d\d)(\d\d)$/.exec(text || "");
    return match && Number(match[1]) < 24 && Number(match[2]) < 60 ? Number(match[1]) * 60 + Number(match[2]) : null;
  }

  function writeLink(plan) {
    var parts = ["v=1", "s=" + hhmm(plan.start), "l=" + plan.length, "g=" + plan.group, "f=" + plan.focuses.join(".")];
    if (plan.end !== null) { parts.push("e=" + hhmm(plan.end % DAY)); }
    parts.push("b=" + plan.items.map(function (item) { return item.id + "_" + item.minutes; }).join("."));
    return parts.join("&");
  }

  function readLinkVersion1(fields) {
    return {
      start: fromHhmm(fields.s),
      end: fields.e ? fromHhmm(fields.e) : null,
      length: fields.l || "",
      group: fields.g || "",
      focuses: fields.f ? fields.f.split(".") : [],
      items: (fields.b ? fields.b.split(".") : []).map(function (part) {
        var match = /^([a-z0-9-]+)_(\d{1,3})$/.exec(part);   // a block that is not known is left out later
        return match ? { id: match[1], minutes: Number(match[2]) } : { id: part, minutes: 0 };
      })
    };
  }

  // The fields of a fragment; null when it holds no plan, {newer: true} when it is from a later format.
  function readLink(fragment) {
    var fields = {};
    fragment.replace(/^#/, "").split("&").forEach(function (pair) {
      var at = pair.indexOf("=");
      if (at > 0) { fields[pair.slice(0, at)] = pair.slice(at + 1); }
    });
    if (!fields.v) { return null; }
    if (!/^[0-9]+$/.test(fields.v)) { return { unreadable: true }; }
    return has(LINK_FORMATS, fields.v) ? LINK_FORMATS[fields.v](fields) : { newer: true };
  }

  // --- The module -----------------------------------------------------------------------------

  window.metodeguide.module("planner", function (root) {
    var data = JSON.parse(document.getElementById("mg-planner-data").textContent);
    var propose = Proposer(data);
    STEP = data.rules.step;
    var words = root.dataset;
    var $ = function (selector) { return root.querySelector(selector); };
    var form = $("[data-choices]"), list = $("[data-list]"), status = $("[data-status]");
    var startField = $("[data-start]"), endField = $("[data-end]");
    var titleField = $("[data-plan-title]"), notesField = $("[data-plan-notes]");
    var linkField = $("[data-link]");
    var texts = printTexts();
    var rowTemplate = texts.querySelector("[data-row-template]"), libraryTemplate = texts.querySelector("[data-library-template]");
    var blocksById = Object.create(null);   // no inherited names: a link may hold anything
    data.blocks.forEach(function (block) { blocksById[block.id] = block; });
    var nextKey = 1;
    var plan = {
      start: fromTimeField(data.start), end: null, length: checkedValue("laengde"), group: checkedValue("gruppe"),
      focuses: [], items: []
    };

    // The inert HTML of #mg-planner-texts (rendered on the server, escaped there): the row and library
    // templates, the texts of every block and material, and the two print-outs, which go into the page.
    function printTexts() {
      var holder = document.createElement("template");
      holder.innerHTML = document.getElementById("mg-planner-texts").textContent;
      Array.prototype.forEach.call(holder.content.querySelectorAll("[data-print-view]"), function (view) {
        root.appendChild(view);
      });
      return holder.content;
    }

    function checkedValue(name) {
      var checked = form.querySelector("input[name='" + name + "']:checked");
      return checked ? checked.value : "";
    }
    function chosenFocuses() {
      return Array.prototype.map.call(form.querySelectorAll("input[name='fokus']:checked"), function (box) { return box.value; });
    }
    function say(message) { status.textContent = message; }
    function sayAtChoices(message) { $("[data-choices-status]").textContent = message; }
    function lengthMinutes() { return byId(data.lengths, plan.length).minutes; }
    // The time the plan should end, in minutes from the start day's midnight: an end at or before
    // the start is on the next day.
    function target() {
      if (plan.end === null) { return plan.start + lengthMinutes(); }
      return plan.end > plan.start ? plan.end : plan.end + DAY;
    }
    function item(id, minutes) { return { key: nextKey++, id: id, minutes: minutes }; }
    function startOf(index) { return plan.start + sum(plan.items.slice(0, index), function (it) { return it.minutes; }); }
    function total() { return sum(plan.items, function (it) { return it.minutes; }); }
    function displayTitle(block) {
      return block.focus ? fill(words.titleWithFocus, { title: block.title, focus: data.focusLabels[block.focus] }) : block.title;
    }
    function groupLabel() {
      var label = form.querySelector("label[for='gruppe-" + plan.group + "']");
      return label ? label.textContent : "";
    }

    // --- Showing the plan ---

    function render(focusAfter) {
      list.textContent = "";
      plan.items.forEach(function (it, index) { list.appendChild(row(it, index)); });
      $("[data-empty]").hidden = plan.items.length > 0;
      showSummary();
      endField.value = toTimeField(target() % DAY);
      renderLibrary();
      keepInAddress();
      if (focusAfter) { focusAfter(); }
    }

    function row(it, index) {
      var block = blocksById[it.id];
      var li = rowTemplate.content.firstElementChild.cloneNode(true);
      var titleId = "plan-punkt-" + it.key;
      li.dataset.key = it.key;
      showTimes(li, index);
      var title = li.querySelector("[data-title]");
      title.textContent = block.title;
      title.id = titleId;
      var about = li.querySelector("[data-about]");
      about.textContent = block.focus ? data.focusLabels[block.focus] : "";
      about.id = titleId + "-emne";
      li.querySelector("[data-time]").id = titleId + "-tid";
      var minutes = li.querySelector("[data-minutes]");
      minutes.value = it.minutes;
      minutes.id = titleId + "-minutter";
      // Every row has the same buttons: the block's title, focus and time tell them apart.
      var describedBy = [titleId, block.focus ? about.id : "", titleId + "-tid"].join(" ").replace(/\s+/g, " ");
      Array.prototype.forEach.call(li.querySelectorAll("button, select, input"), function (control) {
        control.setAttribute("aria-describedby", describedBy);
      });
      li.querySelector("[data-move='-1']").disabled = index === 0;
      li.querySelector("[data-move='1']").disabled = index === plan.items.length - 1;
      var select = li.querySelector("[data-position]");
      plan.items.forEach(function (_, position) {
        var option = document.createElement("option");
        option.value = option.textContent = String(position + 1);
        option.selected = position === index;
        select.appendChild(option);
      });
      return li;
    }

    function showTimes(li, index) {
      var start = startOf(index), it = plan.items[index];
      li.querySelector("[data-time]").textContent = fill(words.timeSpan, { start: clock(start), end: clock(start + it.minutes) });
      li.querySelector("[data-minutes-out]").textContent = fill(words.minutesLabel, { minutes: it.minutes });
    }

    // After a change of minutes only the times move: the rows stay, so focus and a click in progress do too.
    function refreshTimes() {
      Array.prototype.forEach.call(list.children, function (li, index) { showTimes(li, index); });
      showSummary();
      keepInAddress();
    }

    function verdict() {
      var difference = plan.start + total() - target();
      return difference === 0 ? "" : fill(difference > 0 ? words.summaryOver : words.summaryUnder, {
        minutes: Math.abs(difference), end: clock(plan.start + total()), target: clock(target()) });
    }

    function showSummary() {
      var summary = $("[data-summary]");
      if (!plan.items.length) { summary.textContent = ""; summary.removeAttribute("data-fit"); return; }
      var end = plan.start + total(), aim = target();
      var line = fill(words.summaryTotal, { minutes: total(), start: clock(plan.start), end: clock(end) });
      var difference = end - aim;
      var verdict = difference === 0 ? words.summaryExact : difference > 0 ? words.summaryOver : words.summaryUnder;
      summary.textContent = line + " " + fill(verdict, { minutes: Math.abs(difference), end: clock(end), target: clock(aim) });
      summary.setAttribute("data-fit", difference === 0 ? "exact" : difference > 0 ? "over" : "under");
    }

    function keepInAddress() {
      var fragment = plan.items.length ? writeLink(plan) : "";
      linkField.value = fragment ? location.href.split("#")[0] + "#" + fragment : "";
      $("[data-link-long]").hidden = linkField.value.length < 1000;
      if (history.replaceState) { history.replaceState(null, "", fragment ? "#" + fragment : location.pathname + location.search); }
    }

    // --- The library of blocks to add ---

    function renderLibrary() {
      var library = $("[data-library]");
      var query = $("[data-library-search]").value.trim().toLowerCase();
      var showAll = $("[data-library-all]").checked;
      var chosen = plan.focuses;
      library.textContent = "";
      var shown = data.blocks.filter(function (block) {
        var relevant = showAll || block.focus === null && (contains(data.rules.frame, block.kind) ||
          block.about.some(function (focus) { return contains(chosen, focus); })) || contains(chosen, block.focus);
        var text = [block.title, block.purpose, block.focus ? data.focusLabels[block.focus] : ""].join(" ").toLowerCase();
        return relevant && (!query || text.indexOf(query) >= 0);
      });
      shown.forEach(function (block) {
        var li = libraryTemplate.content.firstElementChild.cloneNode(true);
        var title = li.querySelector("[data-title]");
        title.textContent = block.title;
        title.id = "bibliotek-" + block.id;
        li.querySelector("[data-about]").textContent = block.focus ? data.focusLabels[block.focus] : "";
        li.querySelector("[data-minutes-out]").textContent = fill(words.minutesLabel, { minutes: block.minutes[1] });
        var add = li.querySelector("[data-add]");
        add.dataset.block = block.id;
        add.setAttribute("aria-describedby", title.id);
        library.appendChild(li);
      });
      $("[data-library-count]").textContent = fill(words.msgLibraryCount, { count: shown.length });
    }

    // --- Editing ---

    function indexOfKey(key) {
      for (var i = 0; i < plan.items.length; i += 1) { if (String(plan.items[i].key) === String(key)) { return i; } }
      return -1;
    }

    function focusInRow(key, selector) {
      return function () {
        var li = list.querySelector("[data-key='" + key + "']");
        if (!li) { return; }
        var control = selector && li.querySelector(selector);
        (control && !control.disabled ? control : li).focus();
      };
    }

    function moveTo(from, to, keepFocusOn) {
      var moved = plan.items.splice(from, 1)[0];
      plan.items.splice(to, 0, moved);
      render(focusInRow(moved.key, keepFocusOn));
      say(fill(words.msgMoved, { title: displayTitle(blocksById[moved.id]), position: to + 1,
                                 count: plan.items.length, start: clock(startOf(to)) }));
    }

    function add(blockId, focusAfter) {
      var block = blocksById[blockId];
      plan.items.push(item(block.id, block.minutes[1]));
      var position = plan.items.length - 1;
      render(focusAfter);
      say(fill(words.msgAdded, { title: displayTitle(block), position: position + 1, start: clock(startOf(position)) }) +
          " " + verdict());
    }

    list.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) { return; }
      var li = button.closest("[data-key]"), index = indexOfKey(li.dataset.key);
      if (button.hasAttribute("data-move")) {
        var by = Number(button.dataset.move);
        var otherWay = "[data-move='" + (-by) + "']";
        var to = index + by;
        if (to < 0 || to >= plan.items.length) { return; }
        var atEnd = to === 0 || to === plan.items.length - 1;
        moveTo(index, to, atEnd ? otherWay : "[data-move='" + by + "']");
      } else if (button.hasAttribute("data-remove")) {
        var removed = plan.items.splice(index, 1)[0];
        var next = plan.items[Math.min(index, plan.items.length - 1)];
        render(next ? focusInRow(next.key) : function () { $("[data-add-break]").focus(); });
        say(fill(words.msgRemoved, { title: displayTitle(blocksById[removed.id]) }) + " " + verdict());
      }
    });

    list.addEventListener("change", function (event) {
      var li = event.target.closest("[data-key]");
      if (!li) { return; }
      var index = indexOfKey(li.dataset.key);
      if (event.target.hasAttribute("data-position")) {
        moveTo(index, Number(event.target.value) - 1, "[data-position]");
      } else if (event.target.hasAttribute("data-minutes")) {
        var minutes = Number(event.target.value);
        if (!validMinutes(minutes)) {
          event.target.value = plan.items[index].minutes;
          say(fill(words.msgMinutesInvalid, { shortest: FEWEST_MINUTES, longest: MOST_MINUTES, step: STEP }));
          return;
        }
        plan.items[index].minutes = minutes;
        refreshTimes();
        say(fill(words.msgMinutes, { title: displayTitle(blocksById[plan.items[index].id]), minutes: minutes }) + " " +
            (verdict() || $("[data-summary]").textContent));
      }
    });

    $("[data-add-break]").addEventListener("click", function () {
      var pause = data.blocks.filter(function (block) { return block.kind === data.rules.breaks[0]; })[0];
      add(pause.id);
    });
    $("[data-library]").addEventListener("click", function (event) {
      var button = event.target.closest("[data-add]");
      if (button) {
        var blockId = button.dataset.block;
        add(blockId, function () { var again = $("[data-add][data-block='" + blockId + "']"); if (again) { again.focus(); } });
      }
    });
    $("[data-library-search]").addEventListener("input", renderLibrary);
    $("[data-library-all]").addEventListener("change", renderLibrary);

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var chosen = chosenFocuses();
      if (!chosen.length) {
        sayAtChoices(words.msgNoFocus);
        form.querySelector("input[name='fokus']").focus();
        return;
      }
      sayAtChoices("");
      plan.focuses = chosen;
      plan.length = checkedValue("laengde");
      plan.group = checkedValue("gruppe");
      plan.items = propose(chosen, plan.length, plan.group).map(function (p) { return item(p.block.id, p.minutes); });
      render();
      say(fill(words.msgProposed, { count: plan.items.length, minutes: total() }));
    });
    form.addEventListener("change", function (event) {
      if (event.target === startField && fromTimeField(startField.value) !== null) {
        plan.start = fromTimeField(startField.value);
      } else if (event.target === endField) {
        var end = fromTimeField(endField.value);
        plan.end = end === null || end === (plan.start + lengthMinutes()) % DAY ? null : end;
      } else if (event.target.name === "laengde") {
        plan.length = event.target.value;
        plan.end = null;
      } else {
        return;
      }
      render();
    });

    // --- Opening a plan from a link or a file ---

    // Open a plan read from a link or a file; says what went wrong and returns false if it could not.
    function open(read) {
      if (!read) { return false; }
      if (read.newer) { say(words.msgLinkNewer); return false; }
      if (read.unreadable || read.start === null) { say(words.msgLinkFailed); return false; }
      var known = read.items.filter(function (it) { return blocksById[it.id] && validMinutes(it.minutes); });
      plan.start = read.start !== null ? read.start : plan.start;
      plan.end = read.end;
      plan.length = byId(data.lengths, read.length) ? read.length : plan.length;
      plan.group = byId(data.groups, read.group) ? read.group : plan.group;
      plan.focuses = read.focuses.filter(function (focus) { return contains(data.focuses, focus); });
      plan.items = known.map(function (it) { return item(it.id, it.minutes); });
      Array.prototype.forEach.call(form.querySelectorAll("input[name='fokus']"), function (box) {
        box.checked = contains(plan.focuses, box.value);
      });
      [["laengde", plan.length], ["gruppe", plan.group]].forEach(function (pair) {
        var radio = form.querySelector("input[name='" + pair[0] + "'][value='" + pair[1] + "']");
        if (radio) { radio.checked = true; }
      });
      startField.value = toTimeField(plan.start);
      render();
      var missing = read.items.length - known.length;
      say(missing ? fill(words.msgMissing, { count: missing }) : words.msgOpened);
      return true;
    }

    open(readLink(location.hash));
    window.addEventListener("hashchange", function () {
      var read = readLink(location.hash);
      if (read) {
        if (location.hash.replace(/^#/, "") !== writeLink(plan)) { open(read); }
      } else if (plan.items.length) {
        keepInAddress();   // an in-page link (such as "skip to content") must not lose the plan
      }
    });

    $("[data-open]").addEventListener("change", function (event) {
      var file = event.target.files && event.target.files[0];
      if (!file) { return; }
      var reader = new FileReader();
      event.target.value = "";          // so that choosing the same file again opens it again
      reader.onload = function () {
        var saved = null;
        try { saved = JSON.parse(reader.result); } catch (error) { saved = null; }
        var read = saved && typeof saved[SAVED_FILE_KEY] === "string" ? readLink(saved[SAVED_FILE_KEY]) : null;
        if (!read) { say(words.msgOpenFailed); return; }
        if (open(read)) {
          titleField.value = typeof saved.title === "string" ? saved.title : "";
          notesField.value = typeof saved.notes === "string" ? saved.notes : "";
        }
      };
      reader.onerror = function () { say(words.msgOpenFailed); };
      reader.readAsText(file);
    });

    // --- Sharing, saving, printing, Word ---

    function refuseEmpty() {
      if (plan.items.length) { return false; }
      say(words.msgEmpty);
      return true;
    }

    $("[data-copy-link]").addEventListener("click", function () {
      if (refuseEmpty()) { return; }
      var copied = navigator.clipboard && navigator.clipboard.writeText
        ? navigator.clipboard.writeText(linkField.value) : Promise.reject(new Error("no clipboard"));
      copied.then(function () { say(words.msgCopied); }, function () {
        linkField.focus();
        linkField.select();
        say(words.msgCopyFailed);
      });
    });

    $("[data-save]").addEventListener("click", function () {
      if (refuseEmpty()) { return; }
      var saved = {};
      saved[SAVED_FILE_KEY] = writeLink(plan);
      saved.title = titleField.value;
      saved.notes = notesField.value;
      var blob = new Blob([JSON.stringify(saved, null, 2)], { type: "application/json" });
      window.metodeguide.saveFile(blob, words.fileName + ".json");
    });

    // The two print-outs are built from the plan and the page's templates just before they are needed.
    function fillPrintViews() {
      var end = plan.start + total();
      Array.prototype.forEach.call(root.querySelectorAll("[data-print-view]"), function (view) {
        view.querySelector("[data-print-title]").textContent = titleField.value.trim() || words.defaultTitle;
        view.querySelector("[data-print-meta]").textContent = fill(words.printMeta, {
          start: clock(plan.start), end: clock(end), group: groupLabel() });
        var rows = view.querySelector("[data-print-rows]");
        rows.textContent = "";
        plan.items.forEach(function (it, index) {
          var tr = document.createElement("tr");
          [fill(words.timeSpan, { start: clock(startOf(index)), end: clock(startOf(index) + it.minutes) }),
           displayTitle(blocksById[it.id])].forEach(function (text) {
            var td = document.createElement("td");
            td.textContent = text;
            tr.appendChild(td);
          });
          rows.appendChild(tr);
        });
      });
      fillFacilitatorGuide();
    }

    function fillFacilitatorGuide() {
      var view = root.querySelector("[data-print-view='facilitator']");
      var notes = notesField.value.trim();
      var notesOut = view.querySelector("[data-print-notes]");
      notesOut.textContent = "";
      notes.split("\n").forEach(function (line, i) {
        if (i) { notesOut.appendChild(document.createElement("br")); }
        notesOut.appendChild(document.createTextNode(line));
      });
      view.querySelector("[data-print-notes-block]").hidden = !notes;
      var guides = view.querySelector("[data-print-guides]"), materials = view.querySelector("[data-print-materials]");
      guides.textContent = "";
      materials.textContent = "";
      var shown = {};
      plan.items.forEach(function (it, index) {
        var block = blocksById[it.id];
        var section = document.createElement("section");
        var heading = document.createElement("h3");
        heading.textContent = fill(words.timeSpan, { start: clock(startOf(index)), end: clock(startOf(index) + it.minutes) }) +
          " " + displayTitle(block);
        section.appendChild(heading);
        section.appendChild(template("[data-guide='" + block.block + "']"));
        if (block.materials.length) {
          section.appendChild(template("[data-uses-label]"));
          var uses = document.createElement("ul");
          block.materials.forEach(function (key) {
            var li = document.createElement("li");
            li.textContent = texts.querySelector("[data-material='" + key + "']").content.querySelector("h3").textContent;
            uses.appendChild(li);
            if (!shown[key]) { materials.appendChild(template("[data-material='" + key + "']")); shown[key] = true; }
          });
          section.appendChild(uses);
        }
        guides.appendChild(section);
      });
      view.querySelector("[data-print-materials-heading]").hidden = !materials.children.length;
    }

    function template(selector) { return texts.querySelector(selector).content.cloneNode(true); }

    Array.prototype.forEach.call(root.querySelectorAll("[data-print]"), function (button) {
      button.addEventListener("click", function () {
        if (refuseEmpty()) { return; }
        fillPrintViews();
        document.documentElement.setAttribute("data-mg-print", button.dataset.print);
        window.print();
      });
    });
    window.addEventListener("beforeprint", fillPrintViews);
    window.addEventListener("afterprint", function () { document.documentElement.removeAttribute("data-mg-print"); });

    var makingWord = false;
    $("[data-word]").addEventListener("click", function () {
      if (refuseEmpty() || makingWord) { return; }
      makingWord = true;
      say(words.msgWordBusy);
      fillPrintViews();
      var both = document.createElement("div");
      Array.prototype.forEach.call(root.querySelectorAll("[data-print-view]"), function (view, i) {
        var copy = view.cloneNode(true);
        if (i) { copy.setAttribute("data-word-page-break", ""); }
        both.appendChild(copy);
      });
      window.metodeguide.wordExport(both, { title: titleField.value.trim() || words.defaultTitle }).then(function (blob) {
        makingWord = false;
        say("");
        window.metodeguide.saveFile(blob, words.fileName + ".docx");
      }, function () {
        makingWord = false;
        say(words.msgWordFailed);
      });
    });

    render();
  });
})();
