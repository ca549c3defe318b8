/*
 * Module "form-print": root data-mg-module="form-print" holding a [data-print-form] button that
 * prints the page (the print style lays the form out on A4). A form page has two such roots: one
 * above the form and one at its end, where a person finishes filling in.
 */
(function () {
  "use strict";
  if (!window.metodeguide) { return; }

  window.metodeguide.module("form-print", function (root) {
    var button = root.querySelector("[data-print-form]");
    if (!button) { throw new Error("form-print: no button"); }
    button.addEventListener("click", function () { window.print(); });
  });
})();
