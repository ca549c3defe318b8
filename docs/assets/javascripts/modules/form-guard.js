/*
 * Module "form-guard": root data-mg-module="form-guard" holding a form's inputs and text boxes.
 * While anything is typed or ticked in them, leaving the page (a link, reload, closing the tab)
 * brings up the browser's own "Leave page?" question, since nothing typed is stored anywhere. Once
 * everything is empty again, or nothing was ever typed, the page is left without a question.
 * The browser words the question itself: this module shows no words of its own.
 */
(function () {
  "use strict";
  if (!window.metodeguide) { return; }

  window.metodeguide.module("form-guard", function (root) {
    var controls = Array.prototype.slice.call(root.querySelectorAll("input, textarea"));
    if (!controls.length) { throw new Error("form-guard: no inputs"); }

    function filledIn() {
      return controls.some(function (control) {
        if (control.type === "radio" || control.type === "checkbox") { return control.checked; }
        return control.value.trim() !== "";
      });
    }

    function ask(event) {
      event.preventDefault();
      event.returnValue = "";  // older Chromium asks only when returnValue is set
    }

    // Listen for leaving only while something is filled in: a page with a beforeunload listener is
    // kept out of some browsers' back-forward cache.
    var asking = false;
    function update() {
      var filled = filledIn();
      if (filled && !asking) { window.addEventListener("beforeunload", ask); }
      if (!filled && asking) { window.removeEventListener("beforeunload", ask); }
      asking = filled;
    }
    root.addEventListener("input", update);
    root.addEventListener("change", update);
  });
})();
