/*
 * The method guide's interactive parts, layered on pages that work without them:
 *  - filters for lists of items (dilemma cards, reflection questions), kept in the URL so a
 *    filtered view can be shared, with the number shown told to screen readers;
 *  - "Træk et kort": a random card from those shown;
 *  - cards that turn over to show their advice;
 *  - picking reflection questions into a list to print or copy;
 *  - a print button on each form.
 * Every word shown comes from the page (data-* attributes), not from this file. Nothing typed or
 * picked leaves the browser tab or is stored.
 */
(function () {
  "use strict";

  document.documentElement.classList.add("mg-js");

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return name in values ? values[name] : whole;
    });
  }

  function listFilter(panel) {
    var target = document.getElementById(panel.dataset.filterFor);
    var items = Array.prototype.slice.call(target.querySelectorAll("[data-item]"));
    var selects = Array.prototype.slice.call(panel.querySelectorAll("select[data-key]"));
    var status = panel.querySelector("[data-status]");

    function matches(item) {
      return selects.every(function (select) {
        var values = (item.dataset[select.dataset.key] || "").split(" ");
        return !select.value || values.indexOf(select.value) !== -1;
      });
    }

    function rememberInAddress() {
      var params = new URLSearchParams(window.location.search);
      selects.forEach(function (select) {
        if (select.value) { params.set(select.name, select.value); } else { params.delete(select.name); }
      });
      var query = params.toString();
      history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    }

    function apply() {
      var shown = 0;
      items.forEach(function (item) {
        item.hidden = !matches(item);
        if (!item.hidden) { shown += 1; }
      });
      Array.prototype.forEach.call(target.querySelectorAll("[data-group]"), function (group) {
        group.hidden = !group.querySelector("[data-item]:not([hidden])");
      });
      status.textContent = fill(status.dataset.template, { shown: shown, total: items.length });
    }

    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (select) {
      var wanted = params.get(select.name);
      var known = Array.prototype.some.call(select.options, function (option) { return option.value === wanted; });
      if (wanted && known) { select.value = wanted; }
      select.addEventListener("change", function () { apply(); rememberInAddress(); });
    });
    panel.querySelector("form").addEventListener("submit", function (event) { event.preventDefault(); });
    apply();

    return {
      target: target,
      status: status,
      visible: function () { return items.filter(function (item) { return !item.hidden; }); }
    };
  }

  function turnableCard(card, label) {
    var back = card.querySelector(".mg-card__back");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button mg-card__turn";
    button.textContent = label;  // one name; aria-expanded tells whether the back is showing
    button.setAttribute("aria-controls", back.id);
    button.setAttribute("aria-describedby", card.querySelector(".mg-card__question").id);
    function show(open) {
      back.hidden = !open;
      button.setAttribute("aria-expanded", String(open));
    }
    button.addEventListener("click", function () { show(back.hidden); });
    back.parentNode.insertBefore(button, back);
    show(false);
    return show;
  }

  function cardDeck(filter) {
    var deck = filter.target;
    var turners = new Map();
    Array.prototype.forEach.call(deck.querySelectorAll(".mg-card"), function (card) {
      turners.set(card, turnableCard(card, deck.dataset.turnLabel));
    });
    var drawButton = document.querySelector("[data-filter-for='" + deck.id + "'] [data-draw]");
    drawButton.addEventListener("click", function () {
      var cards = filter.visible();
      if (!cards.length) {
        filter.status.textContent = deck.dataset.noCards;
        return;
      }
      var card = cards[Math.floor(Math.random() * cards.length)];
      Array.prototype.forEach.call(deck.querySelectorAll(".mg-card--drawn"), function (old) {
        old.classList.remove("mg-card--drawn");
      });
      card.classList.add("mg-card--drawn");
      turners.get(card)(false);
      // Moving focus to the question is what a screen reader reads; the count stays in the status.
      var question = card.querySelector(".mg-card__question");
      question.focus();
      question.scrollIntoView({ block: "center" });
    });
  }

  function questionPicker(section, filter) {
    var list = section.querySelector("[data-list]");
    var empty = section.querySelector("[data-empty]");
    var status = section.querySelector("[data-copy-status]");
    var boxes = Array.prototype.slice.call(filter.target.querySelectorAll("[data-pick]"));

    function picked() {
      return boxes.filter(function (box) { return box.checked; }).map(function (box) {
        return document.querySelector("label[for='" + box.id + "']").textContent.trim();
      });
    }

    function render() {
      status.textContent = "";
      list.textContent = "";
      picked().forEach(function (text) {
        var item = document.createElement("li");
        item.textContent = text;
        list.appendChild(item);
      });
      empty.hidden = list.children.length > 0;
    }

    function copyText(text) {
      if (navigator.clipboard && window.isSecureContext) { return navigator.clipboard.writeText(text); }
      var focused = document.activeElement;  // selecting the helper takes focus; give it back
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "mg-sr-only";
      document.body.appendChild(area);
      area.select();
      var copied = document.execCommand("copy");
      area.remove();
      if (focused) { focused.focus(); }
      return copied ? Promise.resolve() : Promise.reject(new Error("copy"));
    }

    boxes.forEach(function (box) { box.addEventListener("change", render); });
    function nothingPicked() {
      if (picked().length) { return false; }
      status.textContent = section.dataset.nothingPicked;
      return true;
    }

    section.querySelector("[data-print]").addEventListener("click", function () {
      if (nothingPicked()) { return; }
      document.documentElement.classList.add("mg-print-picked");
      window.print();
    });
    window.addEventListener("afterprint", function () {
      document.documentElement.classList.remove("mg-print-picked");
    });
    section.querySelector("[data-copy]").addEventListener("click", function () {
      if (nothingPicked()) { return; }
      var text = picked().map(function (question, index) { return (index + 1) + ". " + question; }).join("\n");
      copyText(text).then(function () {
        status.textContent = section.dataset.copied;
      }, function () {
        status.textContent = section.dataset.copyFailed;
      });
    });
    render();
  }

  function printButtons() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-print-form]"), function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
  }

  function start() {
    printButtons();
    Array.prototype.forEach.call(document.querySelectorAll("[data-filter-for]"), function (panel) {
      var filter = listFilter(panel);
      if (filter.target.querySelector(".mg-card")) { cardDeck(filter); }
      var picker = document.querySelector("[data-picked]");
      if (picker && filter.target.querySelector("[data-pick]")) { questionPicker(picker, filter); }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
