/*
 * Danish search, part 1 of 2 (part 2: workers/danish-search-worker.js).
 *
 * Material turns every typed word into a prefix query ("drømmen" -> "drømmen*"), and lunr never
 * stems a prefix query, so inflected Danish words find nothing. We start Material's search worker
 * through a small wrapper that first reduces each word to its Danish stem ("drømmen" -> "drøm").
 *
 * Search also costs nothing until it is used. At load, Material requests the search index (the
 * largest download of a page) and starts its worker, which loads lunr's stemmer, although most
 * visits never search. Both wait here until the reader starts to search: focus on the search field
 * (Material's keys s, f and / focus it too), a press on a search label, the search toggle, or a
 * query (?q=) or highlight (?h=) in the address. Focus comes before the first key of a query, and
 * Material shows that search is getting ready until its worker answers.
 * Under file: Material loads the index with a script tag and waits for the toggle itself, and
 * catches a worker that cannot start there; nothing is held back.
 * This file must run before Material's bundle, which creates the worker when it loads.
 */
(function () {
  var NativeWorker = window.Worker;
  var wrapper = new URL("workers/danish-search-worker.js", document.currentScript.src).href;
  var SEARCH_WORKER = /\/workers\/search\.[^/]*\.js/;
  var hosted = location.protocol !== "file:";

  function danishWorker(url, options) {
    var original = new URL(url, document.baseURI).href;
    return new NativeWorker(wrapper + "?worker=" + encodeURIComponent(original), options);
  }

  // The gate: opens once, on the first sign that the reader is starting to search.
  var started = false;
  var waiting = [];
  var signs = ["focusin", "pointerdown", "touchstart", "click", "change"];

  function whenSearchStarts(callback) {
    if (started) { callback(); } else { waiting.push(callback); }
  }

  function startSearch() {
    if (started) { return; }
    started = true;
    signs.forEach(function (type) { document.removeEventListener(type, onSign, true); });
    waiting.splice(0).forEach(function (callback) { callback(); });
  }

  function onSign(event) {
    var target = event.target;
    if (target instanceof Element && (target.matches(".md-search__input, #__search") ||
        (event.type !== "focusin" && target.closest("label[for='__search']")))) {
      startSearch();
    }
  }

  if (hosted) {
    signs.forEach(function (type) {
      document.addEventListener(type, onSign, { capture: true, passive: true });
    });
    // Material opens search for ?q= and highlights the words of ?h= with the index.
    var address = new URLSearchParams(location.search);
    // A reader can reach the field, or tick the toggle through its label, before this runs.
    var toggle = document.getElementById("__search");
    if (address.has("q") || address.has("h") || (toggle && toggle.checked) ||
        (document.activeElement && document.activeElement.matches(".md-search__input"))) {
      startSearch();
    }
  }

  // Material requests the index with XMLHttpRequest; that request is sent when the gate opens.
  // Other requests pass untouched.
  var INDEX = /(^|\/)search\/search_index\.json([?#]|$)/;
  var indexRequests = new WeakSet();
  var held = new WeakSet();
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var abort = XMLHttpRequest.prototype.abort;

  XMLHttpRequest.prototype.open = function (method, url) {
    indexRequests[hosted && INDEX.test(String(url)) ? "add" : "delete"](this);
    held.delete(this);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function (body) {
    var request = this;
    if (started || !indexRequests.has(request)) {
      return send.apply(request, arguments);
    }
    held.add(request);
    whenSearchStarts(function () {
      // Material may have given up on it (abort) or reused it (open) meanwhile.
      if (held.delete(request)) { send.call(request, body); }
    });
  };
  // Aborting a request that was never sent changes nothing in the browser; it must not go later.
  XMLHttpRequest.prototype.abort = function () {
    held.delete(this);
    return abort.apply(this, arguments);
  };

  // Material's search worker, until the gate opens, is a stand-in: an EventTarget (Material
  // listens with rxjs fromEvent, i.e. addEventListener) with postMessage and terminate. The real
  // worker starts when the gate opens, so it downloads while the index does, or at the first
  // message, if one comes first. Its events are passed on to the stand-in's listeners.
  function lazyWorker(url, options) {
    var standIn = new EventTarget();
    var handlers = {};
    var real = null;
    var ended = false;

    function start() {
      if (!real && !ended) {
        real = danishWorker(url, options);
        real.addEventListener("message", forward);
        real.addEventListener("messageerror", forward);
        real.addEventListener("error", function (event) {
          standIn.dispatchEvent(new ErrorEvent("error", event));
        });
      }
      return real;
    }

    function forward(event) {
      standIn.dispatchEvent(new MessageEvent(event.type, { data: event.data, ports: event.ports }));
    }

    ["message", "messageerror", "error"].forEach(function (type) {
      Object.defineProperty(standIn, "on" + type, {
        get: function () { return handlers[type] || null; },
        set: function (handler) {
          if (handlers[type]) { standIn.removeEventListener(type, handlers[type]); }
          handlers[type] = typeof handler === "function" ? handler : null;
          if (handlers[type]) { standIn.addEventListener(type, handlers[type]); }
        }
      });
    });
    standIn.postMessage = function () {
      var worker = start();
      if (worker) { worker.postMessage.apply(worker, arguments); }
    };
    standIn.terminate = function () {
      ended = true;
      if (real) { real.terminate(); }
    };
    whenSearchStarts(start);
    return standIn;
  }

  function Worker(url, options) {
    if (!SEARCH_WORKER.test(String(url))) {
      return new NativeWorker(url, options);
    }
    return hosted ? lazyWorker(url, options) : danishWorker(url, options);
  }
  Worker.prototype = NativeWorker.prototype;
  window.Worker = Worker;
})();
