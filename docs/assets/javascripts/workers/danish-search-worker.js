/*
 * Danish search, part 2 of 2: runs inside the search worker, in front of Material's own worker.
 *
 * It lives beside Material's worker on purpose: Material loads lunr's language files from the
 * relative path "../lunr", which must resolve the same from here. Once Material has set up the
 * index, lunr and its Danish Snowball stemmer (lunr.da) are loaded in this worker, and each plain
 * query word is replaced by its stem. Words with lunr query syntax (+ - * ~ ^ :) are left alone.
 * Danish stop words ("og", "af") are dropped from a query that has other words: the index has
 * none of them, and as prefixes ("og*") they would match words like "også" everywhere.
 * Depends on Material's message format (type 2 = query), so Material is pinned.
 */
var QUERY_MESSAGE = 2;
var PLAIN_WORD = /^[\p{L}\p{N}]+$/u;

function danishReady() {
  return Boolean(self.lunr && self.lunr.da);
}

// "Mål- og aftaleskema": a hyphen that ends a word shares the compound's ending; it is no syntax.
function bare(word) {
  return word.replace(/-$/, "");
}

function stem(word) {
  if (!PLAIN_WORD.test(bare(word)) || !danishReady()) {
    return word;
  }
  var stemmed = self.lunr.da.stemmer(new self.lunr.Token(bare(word).toLowerCase())).toString();
  return stemmed || word;
}

function isStopWord(word) {
  return PLAIN_WORD.test(word) && danishReady() &&
    !self.lunr.da.stopWordFilter(new self.lunr.Token(word.toLowerCase()));
}

function stemQuery(query) {
  var words = String(query).trim().split(/\s+/);
  var meaningful = words.filter(function (word) { return !isStopWord(word); });
  return (meaningful.length ? meaningful : words).map(stem).join(" ");
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
