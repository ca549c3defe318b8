/*
 * Progressive enhancement, part 1: loaded synchronously in <head>, before anything is painted.
 *
 * - If the browser has what the modules need, it marks <html class="mg-js">, so the controls that
 *   need a script (class mg-js-only) take their place in the first paint instead of appearing later.
 * - If the address has a query (a shared filtered view), it sets <html class="mg-filtering"> until
 *   the filters module has applied it, or at the latest until the load event.
 * - It keeps the list of modules. A module is one file under modules/ that calls
 *   metodeguide.module(name, wire); wire(root) is called once for every element with
 *   data-mg-module="<name>" and, when it returns, the root is marked data-mg-ready.
 * - After the load event, every root that is not ready (its script failed to load, threw, or never
 *   ran) is marked data-mg-broken; the style sheet then hides that part's mg-js-only controls, so no
 *   dead control stays on screen. The other parts keep working.
 * No words of its own: everything a reader sees comes from the page.
 */
(function () {
  "use strict";

  var html = document.documentElement;
  var capable = "querySelector" in document && "addEventListener" in window && "classList" in html &&
    "dataset" in html && "URLSearchParams" in window && "Promise" in window &&
    !!(window.history && history.replaceState) && typeof Array.prototype.forEach === "function";

  function roots(name) {
    var selector = name ? "[data-mg-module='" + name + "']" : "[data-mg-module]";
    return Array.prototype.slice.call(document.querySelectorAll(selector));
  }

  function markBroken(root, error) {
    root.removeAttribute("data-mg-ready");
    root.setAttribute("data-mg-broken", "");
    if (error && window.console) { console.error(error); }
  }

  function whenParsed(callback) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", callback);
    } else {
      callback();
    }
  }

  window.metodeguide = {
    enhanced: capable,
    // Wire every root of one module; a root whose wiring throws is marked broken, the rest go on.
    module: function (name, wire) {
      if (!capable) { return; }
      whenParsed(function () {
        roots(name).forEach(function (root) {
          if (root.hasAttribute("data-mg-ready") || root.hasAttribute("data-mg-broken")) { return; }
          try {
            wire(root);
            root.setAttribute("data-mg-ready", "");
          } catch (error) {
            markBroken(root, error);
          }
        });
      });
    }
  };

  if (!capable) { return; }
  html.classList.add("mg-js");

  // A part whose scripts only its own page needs names them on its root (data-mg-load, addresses
  // relative to this file), so other pages never load them; and the addresses hold whether the
  // site has a folder per page (online) or a file per page (the offline copy). Added before the
  // load event, they delay it, so they have run before the check below.
  // A file two roots name (the print button above and below a form) loads once.
  var scriptsFolder = document.currentScript ? document.currentScript.src : document.baseURI;
  var loading = Object.create(null);
  whenParsed(function () {
    roots().forEach(function (root) {
      (root.getAttribute("data-mg-load") || "").split(/\s+/).filter(Boolean).forEach(function (file) {
        var address = new URL(file, scriptsFolder).href;
        if (loading[address]) { return; }
        loading[address] = true;
        var script = document.createElement("script");
        script.async = false;           // in the order named, like the scripts the page itself holds
        script.src = address;
        document.body.appendChild(script);
      });
    });
  });
  // A shared, filtered address (a query string): the style sheet keeps the list items
  // ([data-item]) out of sight until the filters module has applied it, so nothing rearranges.
  if (window.location.search) { html.classList.add("mg-filtering"); }
  // Every module file was added to the page before "load" (see above), so by then each has run.
  window.addEventListener("load", function () {
    html.classList.remove("mg-filtering");
    roots().forEach(function (root) {
      if (!root.hasAttribute("data-mg-ready")) { markBroken(root); }
    });
  });
})();
