/*
 * Danish search, part 1 of 2 (part 2: workers/danish-search-worker.js).
 *
 * Material turns every typed word into a prefix query ("drømmen" -> "drømmen*"), and lunr never
 * stems a prefix query, so inflected Danish words find nothing. We start Material's search worker
 * through a small wrapper that first reduces each word to its Danish stem ("drømmen" -> "drøm").
 * This file must run before Material's bundle, which creates the worker when it loads.
 */
(function () {
  var NativeWorker = window.Worker;
  var wrapper = new URL("workers/danish-search-worker.js", document.currentScript.src).href;

  function Worker(url, options) {
    if (!/\/workers\/search\.[^/]*\.js/.test(String(url))) {
      return new NativeWorker(url, options);
    }
    var original = new URL(url, document.baseURI).href;
    return new NativeWorker(wrapper + "?worker=" + encodeURIComponent(original), options);
  }
  Worker.prototype = NativeWorker.prototype;
  window.Worker = Worker;
})();
