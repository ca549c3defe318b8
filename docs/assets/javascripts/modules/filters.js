/*
 * Module "filters": root data-mg-module="filters", data-filter-for="<id of the list>".
 * Every <select data-key="<item attribute>"> in the root narrows the list to the items
 * ([data-item]) whose data-<key> holds the chosen value; a [data-group] with no item left is
 * hidden too. The choice is kept in the address (?<select name>=<value>) so a filtered view can be
 * shared, and the status line (role=status, data-template "… {shown} … {total} …") tells how many
 * items show. The template writes the unfiltered status text, so nothing moves when this runs, and
 * while a filtered address is applied the items are out of sight (html.mg-filtering, enhance.js).
 */
(function () {
  "use strict";
  if (!window.metodeguide) { return; }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return name in values ? values[name] : whole;
    });
  }

  window.metodeguide.module("filters", function (root) {
    var target = document.getElementById(root.dataset.filterFor);
    var items = Array.prototype.slice.call(target.querySelectorAll("[data-item]"));
    var groups = Array.prototype.slice.call(target.querySelectorAll("[data-group]"));
    var selects = Array.prototype.slice.call(root.querySelectorAll("select[data-key]"));
    var status = root.querySelector("[data-status]");
    var form = root.querySelector("form");

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
      groups.forEach(function (group) {
        group.hidden = !group.querySelector("[data-item]:not([hidden])");
      });
      status.textContent = fill(status.dataset.template, { shown: shown, total: items.length });
    }

    if (!items.length || !selects.length || !status || !form) { throw new Error("filters: incomplete markup"); }
    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (select) {
      var wanted = params.get(select.name);
      var known = Array.prototype.some.call(select.options, function (option) { return option.value === wanted; });
      if (wanted && known) { select.value = wanted; }
      select.addEventListener("change", function () { apply(); rememberInAddress(); });
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    if (selects.some(function (select) { return select.value; })) { apply(); }
    document.documentElement.classList.remove("mg-filtering");  // enhance.js: the items may show now
  });
})();
