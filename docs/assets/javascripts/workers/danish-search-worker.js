/*
 * Danish search, part 2 of 2: runs inside the search worker, in front of Material's own worker.
 *
 * It lives beside Material's worker on purpose: Material loads lunr's language files from the
 * relative path "../lunr", which must resolve the same from here. Once Material has set up the
 * index, lunr and its Danish Snowball stemmer (lunr.da) are loaded in this worker, and each plain
 * query word is replaced by its stem. Words with lunr query syntax (+ - * ~ ^ :) are left alone.
 * Depends on Material's message format (type 2 = query), so Material is pinned.
 */
var QUERY_MESSAGE = 2;
var PLAIN_WORD = /^[\p{L}\p{N}]+$/u;

function stem(word) {
  if (!PLAIN_WORD.test(word) || !self.lunr || !self.lunr.da) {
    return word;
  }
  var stemmed = self.lunr.da.stemmer(new self.lunr.Token(word.toLowerCase())).toString();
  return stemmed || word;
}

function stemQuery(query) {
  return String(query).split(/(\s+)/).map(stem).join("");
}

self.addEventListener("message", function (event) {
  var message = event.data;
  if (!message || message.type !== QUERY_MESSAGE || event.stemmed) {
    return;
  }
  event.stopImmediatePropagation();
  var stemmedEvent = new MessageEvent("message", {
    data: { type: QUERY_MESSAGE, data: stemQuery(message.data) }
  });
  stemmedEvent.stemmed = true;
  self.dispatchEvent(stemmedEvent);
});

importScripts(new URL(self.location.href).searchParams.get("worker"));
