/*
 * Danish search, part 2 of 2: runs inside the search worker, in front of Material's own worker.
 *
 * It lives beside Material's worker on purpose: Material loads lunr's language files from the
 * relative path "../lunr", which must resolve the same from here. It reads the index when Material
 * sets it up (message type 0) and keeps its vocabulary: every word of every entry, and the entries'
 * tags, which the build fills with abbreviations (the tags in capitals) and other names
 * (metodeguide/search.py). Each
 * query (message type 2) is then rewritten, word by word, into what lunr can answer:
 *
 * - an inflected word becomes its Danish stem ("drømmene" -> "drøm"; Material then asks for every
 *   word that starts with it), since lunr never stems a prefix query;
 * - a known abbreviation ("FIT", "ÅD", "LA2") is asked for exactly, not as a prefix ("fit" would
 *   also find "fitness");
 * - a word the guide does not have is tried, in turn, as written without æ, ø, å ("opfolgning",
 *   "netvaerkskort"), with one letter wrong, missing, extra or swapped ("handelplan"), if it is six
 *   letters or more, and as a compound of words it has ("opfølgnings|samtalen", with the linking s
 *   or e: a longer part weighs more), or else by its longest start the guide has;
 * - the words of a page's, a method's or a term's name typed together ("åben dialog", "sagens
 *   faser") are asked for exactly as well, so it outranks pages that only share a stem ("åbenhed");
 * - stop words, Danish and English, are dropped from a query that has other words ("walk and
 *   talk": "and" would find "andre"); "§82" is read as "§ 82".
 * Words with lunr query syntax (+ - * ~ ^ :) are left alone. No word list lives here: everything
 * comes from the index. Depends on Material's message format, so Material is pinned.
 */
var SETUP_MESSAGE = 0;
var QUERY_MESSAGE = 2;
var PLAIN_WORD = /^[\p{L}\p{N}]+$/u;
var WORD = /[\p{L}\p{N}§]+/gu;
var TYPO_LENGTH = 6;       // shorter words have too many neighbours one letter away
var PART_LENGTH = 3;       // the shortest part of a compound worth trying
var EXACT = "^1";          // a boost of 1 changes no score, but tells Material not to add its "*"
var NAME_BOOST = "^100";
var LONGEST_WORD = 40;     // longer "words" are not split or corrected (the splitting grows fast)

var vocabulary = [];       // every word of the index, in lower case, each once
var known = new Set();     // the same, for exact look-ups
var folded = [];           // [word written without æ, ø, å, word], for typing without Danish letters
var abbreviations = new Set();
var names = [];            // the words of each method's and term's name, for "åben dialog"

// --- What the index holds -------------------------------------------------------------------------

function learn(docs) {
  var words = new Set();
  docs.forEach(function (doc) {
    // Code examples (the open data's JSON) hold ids written without æ, ø, å: not the guide's words.
    var prose = String(doc.text).replace(/<pre[\s\S]*?<\/pre>|<code[\s\S]*?<\/code>/g, " ").replace(/<[^>]*>/g, " ");
    var text = [doc.title, prose].concat(doc.tags || []).join(" ");
    (text.toLowerCase().match(WORD) || []).forEach(function (word) { words.add(word); });
    (doc.tags || []).forEach(function (tag) {
      if (tag !== tag.toUpperCase()) { return; }       // a name or a term, not an abbreviation ("VUM 2.0" is one)
      (tag.toLowerCase().match(WORD) || []).forEach(function (word) {
        if (/\p{L}/u.test(word)) { abbreviations.add(word); }
      });
    });
    // A page's, a method's or a term's name: its title without the label before a colon or the
    // abbreviation in brackets.
    if (!/#/.test(doc.location) || doc.tags) {
      var name = doc.title.replace(/^[^:]*:\s*/, "").replace(/\(.*\)/, "").toLowerCase().match(WORD) || [];
      if (name.length > 1) { names.push(name); }
    }
  });
  vocabulary = Array.from(words).sort(function (a, b) { return a.length - b.length || (a < b ? -1 : 1); });
  known = words;
  folded = vocabulary.map(function (word) { return [fold(word), word]; });
}

function fold(word) {
  return word.replace(/æ|ae/g, "a").replace(/ø|oe/g, "o").replace(/å|aa/g, "a");
}

function anyStartsWith(prefix) {
  return vocabulary.some(function (word) { return word.lastIndexOf(prefix, 0) === 0; });
}

// --- Danish words -------------------------------------------------------------------------------

function danishReady() {
  return Boolean(self.lunr && self.lunr.da);
}

function stem(word) {
  if (!PLAIN_WORD.test(word) || !danishReady()) { return word; }
  return self.lunr.da.stemmer(new self.lunr.Token(word)).toString() || word;
}

// Danish stop words are not in the index at all: they are dropped from the query.
function isStopWord(word) {
  if (!PLAIN_WORD.test(word) || !danishReady()) { return false; }
  return !self.lunr.da.stopWordFilter(new self.lunr.Token(word.toLowerCase()));
}

// English ones are ("walk and talk", but also Danish "let"): asked for exactly, never as a prefix
// ("and*" found "andre").
function isEnglishStopWord(word) {
  return PLAIN_WORD.test(word) && Boolean(self.lunr) && !self.lunr.stopWordFilter(new self.lunr.Token(word.toLowerCase()));
}

// A word typed without æ, ø, å ("opfolgning", "netvaerkskort") as the guide writes it: the shortest
// word of the guide that starts with the same letters once æ, ø, å are written plainly too.
function withDanishLetters(word) {
  if (/[æøå]/.test(word)) { return null; }
  var plain = fold(word);
  var match = folded.find(function (pair) { return /[æøå]/.test(pair[1]) && pair[0].lastIndexOf(plain, 0) === 0; });
  return match ? stem(match[1]) : null;
}

// A compound of words the guide has: the longest first part that is a word, then the rest,
// with a linking "s" or "e" dropped, as a word start the guide has or as a compound itself.
// When no rest is known, the longest known start alone ("magt|asymmetrien": pages on "magten").
function compound(word) {
  if (word.length > LONGEST_WORD) { return null; }
  return parts(word, new Map()) || knownStart(word);
}

function knownStart(word) {
  for (var cut = word.length - PART_LENGTH; cut > PART_LENGTH; cut -= 1) {
    if (anyStartsWith(word.slice(0, cut))) { return [word.slice(0, cut)]; }
  }
  return null;
}

// ``tried`` remembers each rest already split (or not), so a long word takes no longer than its length.
function parts(word, tried) {
  if (tried.has(word)) { return tried.get(word); }
  tried.set(word, null);
  for (var cut = word.length - PART_LENGTH; cut >= PART_LENGTH; cut -= 1) {
    var first = word.slice(0, cut);
    if (!known.has(first)) { continue; }
    var rests = [word.slice(cut)];
    if (/^[se]/.test(rests[0]) && rests[0].length > PART_LENGTH) { rests.push(rests[0].slice(1)); }
    for (var i = 0; i < rests.length; i += 1) {
      var found = anyStartsWith(stem(rests[i])) ? [first, stem(rests[i])] : null;
      var more = found ? null : parts(rests[i], tried);
      if (found || more) {
        tried.set(word, found || [first].concat(more));
        return tried.get(word);
      }
    }
  }
  return null;
}

// One letter wrong, missing, extra or two swapped (optimal string alignment distance of 1).
function oneEditApart(a, b) {
  if (Math.abs(a.length - b.length) > 1 || a === b) { return false; }
  var i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) { i += 1; }
  if (a.length === b.length) {
    return a.slice(i + 1) === b.slice(i + 1) ||
      (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

// The shortest word of the guide one edit from the word, or from its start ("handelplanen").
function corrected(word) {
  if (word.length < TYPO_LENGTH || word.length > LONGEST_WORD) { return null; }
  for (var i = 0; i < vocabulary.length; i += 1) {
    var candidate = vocabulary[i];
    if (oneEditApart(word, candidate)) { return stem(candidate); }
    var start = candidate.slice(0, word.length);
    if (candidate.length > word.length && oneEditApart(word, start)) { return stem(start); }
  }
  return null;
}

// What to ask lunr for one word of the query.
function terms(word) {
  word = word.replace(/^[(«"'\u201c]+|[?!.,;:)»"'\u201d]+$/g, "");   // "hvad er fit?": the mark is no part of the word
  if (!word) { return []; }
  if (isEnglishStopWord(word)) { return [word.toLowerCase() + EXACT]; }
  var lower = word.toLowerCase();
  if (/^§\d/.test(lower)) { return ["§", lower.slice(1) + EXACT]; }
  if (!PLAIN_WORD.test(lower)) { return [word.replace(/-$/, "")]; }
  if (abbreviations.has(lower)) { return [lower + EXACT]; }
  var stemmed = stem(lower);
  if (!vocabulary.length || anyStartsWith(stemmed)) { return [stemmed]; }
  var found = withDanishLetters(lower) || corrected(lower);
  if (found) { return [found]; }
  var split = compound(lower);
  if (!split) { return [stemmed]; }
  // A longer part says more than a short one ("opfølgnings|møde" is about follow-up more than about
  // every page with a meeting), so it weighs more; sections are small, so no part is required.
  return split.length > 1 ? split.map(function (part) { return part + "*^" + (part.length >= 8 ? 3 : part.length >= 6 ? 2 : 1); }) : split;
}

// The exact words of every method or term name the query holds all of.
function nameTerms(words) {
  var typed = new Set(words.map(function (word) { return word.toLowerCase(); }));
  var extra = [];
  names.forEach(function (name) {
    if (name.every(function (word) { return typed.has(word); })) {
      name.forEach(function (word) { extra.push(word + NAME_BOOST); });
    }
  });
  return extra;
}

function rewrite(query) {
  var words = String(query).trim().split(/\s+/).map(function (word) { return word.replace(/-$/, ""); });
  var meaningful = words.filter(function (word) { return !isStopWord(word); });
  var kept = meaningful.length ? meaningful : words;
  var rewritten = [];
  kept.forEach(function (word) { rewritten.push.apply(rewritten, terms(word)); });
  return rewritten.concat(nameTerms(kept)).join(" ");
}

self.addEventListener("message", function (event) {
  var message = event.data;
  if (message && message.type === SETUP_MESSAGE && message.data && message.data.docs) {
    learn(message.data.docs);
    return;
  }
  if (!message || message.type !== QUERY_MESSAGE || event.rewritten) {
    return;
  }
  event.stopImmediatePropagation();
  var rewrittenEvent = new MessageEvent("message", {
    data: { type: QUERY_MESSAGE, data: rewrite(message.data) }
  });
  rewrittenEvent.rewritten = true;
  self.dispatchEvent(rewrittenEvent);
});

// Material's worker, whose address is ours' "worker" parameter. From file:// (the offline copy) a
// worker runs in an iframe (iframe-worker), where this script is a <script> of that frame.
var ownAddress = self.document && self.document.currentScript ? self.document.currentScript.src : self.location.href;
importScripts(new URL(ownAddress).searchParams.get("worker").replace(/\?\d+$/, ""));
