/*
 * Module "question-list": root data-mg-module="question-list" holding the questions, each with a
 * checkbox [data-pick] and its <label>, and the [data-picked] section with the list ([data-list]),
 * its "nothing yet" text ([data-empty]), a print button ([data-print]), a copy button ([data-copy])
 * and a status line ([data-copy-status]). The section's data-copied, data-copy-failed and
 * data-nothing-picked hold the words said after copying or when nothing is picked.
 * Each listed question shows its principle (the question's data-principle-label).
 * "Print" writes today's date into [data-print-date] (the browser's Danish date format) and adds
 * html.mg-print-picked while printing, so the print style shows only the list under its heading.
 * Nothing picked is stored or sent anywhere.
 */
(function () {
  "use strict";
  if (!window.metodeguide) { return; }

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

  window.metodeguide.module("question-list", function (root) {
    var section = root.querySelector("[data-picked]");
    var list = section.querySelector("[data-list]");
    var empty = section.querySelector("[data-empty]");
    var status = section.querySelector("[data-copy-status]");
    var printButton = section.querySelector("[data-print]");
    var copyButton = section.querySelector("[data-copy]");
    var boxes = Array.prototype.slice.call(root.querySelectorAll("[data-pick]"));
    if (!boxes.length || !list || !empty || !status || !printButton || !copyButton) {
      throw new Error("question-list: incomplete markup");
    }

    function picked() {
      return boxes.filter(function (box) { return box.checked; }).map(function (box) {
        return {
          text: root.querySelector("label[for='" + box.id + "']").textContent.trim(),
          principle: box.closest("[data-principle-label]").dataset.principleLabel
        };
      });
    }

    function render() {
      status.textContent = "";
      list.textContent = "";
      picked().forEach(function (question) {
        var item = document.createElement("li");
        var text = document.createElement("span");
        var principle = document.createElement("span");
        text.className = "mg-picked__question";
        text.textContent = question.text;
        principle.className = "mg-picked__principle";
        principle.textContent = question.principle;
        item.append(text, " ", principle);
        list.appendChild(item);
      });
      empty.hidden = list.children.length > 0;
    }

    function nothingPicked() {
      if (picked().length) { return false; }
      status.textContent = section.dataset.nothingPicked;
      return true;
    }

    boxes.forEach(function (box) { box.addEventListener("change", render); });
    printButton.addEventListener("click", function () {
      if (nothingPicked()) { return; }
      var date = section.querySelector("[data-print-date]");
      if (date) {
        date.textContent = new Date().toLocaleDateString("da-DK", { day: "numeric", month: "long", year: "numeric" });
      }
      document.documentElement.classList.add("mg-print-picked");
      window.print();
    });
    window.addEventListener("afterprint", function () {
      document.documentElement.classList.remove("mg-print-picked");
    });
    copyButton.addEventListener("click", function () {
      if (nothingPicked()) { return; }
      var text = picked().map(function (question, index) { return (index + 1) + ". " + question.text; }).join("\n");
      copyText(text).then(function () {
        status.textContent = section.dataset.copied;
      }, function () {
        status.textContent = section.dataset.copyFailed;
      });
    });
    if (picked().length) { render(); }  // boxes the browser kept ticked when going back to the page
  });
})();
