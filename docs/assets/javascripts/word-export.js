/*
 * Word export: window.metodeguide.wordExport(root, options) returns a Promise of a .docx Blob made
 * from the semantic HTML inside root; window.metodeguide.saveFile(blob, fileName) downloads it.
 *
 * - The docx library (assets/vendor/docx/, the npm package's browser build, committed so the build
 *   needs no npm and the site asks no other host) is large, so it is loaded on the first call only:
 *   a page that offers the download stays light until someone asks for the file.
 * - Headings, paragraphs (bold, italic, line breaks; links as their text), lists (nested by level,
 *   each list numbered from 1) and tables (head rows repeat on every page) become their Word
 *   counterparts; section, div and the like are walked through. data-word-skip, hidden and form
 *   controls are left out; data-word-page-break starts its element on a new page.
 * - options.title becomes the document's title; the document is Danish, A4, Arial 11 pt.
 * No words of its own: every text in the document comes from the page.
 */
(function () {
  "use strict";
  var guide = window.metodeguide;
  if (!guide) { return; }

  // Resolved against this file's own address, so it works from a page at any depth.
  var LIBRARY = new URL("../vendor/docx/docx.iife.js", document.currentScript.src).href;
  // A4 and margins in twips (1/1440 inch): 2.5 cm top and bottom, 2 cm at the sides, as the forms'
  // Word files; tables take the whole width between the margins.
  var PAGE = { width: 11906, height: 16838 };
  var MARGIN = { top: 1417, bottom: 1417, left: 1134, right: 1134 };
  var TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
  var INDENT = 360;  // per list level
  var BULLETS = ["\u2022", "\u25E6", "\u25AA"];
  var HEADINGS = { h1: "TITLE", h2: "HEADING_1", h3: "HEADING_2", h4: "HEADING_3", h5: "HEADING_4", h6: "HEADING_5" };
  // Elements whose text is not the document's: controls, scripts and styles, drawings (a chart's SVG labels).
  var SKIPPED = /^(script|style|template|noscript|button|input|select|textarea|svg)$/;
  // A form's fields become room to write on paper: a box to tick, a line, or a few lines.
  var TICK_BOX = "\u2610 ", SHORT_LINE = new Array(31).join("_"), FULL_LINE = new Array(76).join("_");
  // Elements that end the paragraph before them and start a new one after them.
  var BLOCKS = /^(p|div|section|article|header|footer|main|aside|nav|figure|figcaption|blockquote|address|details|summary|dl|dt|dd|form|fieldset|legend|pre|hr)$/;

  var library = null;

  function loadLibrary() {
    if (!library) {
      library = new Promise(function (resolve, reject) {
        // (.Packer: an element with id="docx" would be window.docx too)
        if (window.docx && window.docx.Packer) { resolve(window.docx); return; }
        var script = document.createElement("script");
        script.src = LIBRARY;
        script.onload = function () { resolve(window.docx); };
        script.onerror = function () {
          library = null;  // a later call may try again (the connection may be back)
          script.parentNode.removeChild(script);
          reject(new Error("word-export: could not load " + LIBRARY));
        };
        document.head.appendChild(script);
      });
    }
    return library;
  }

  function skipped(element) {
    return element.hidden || element.hasAttribute("data-word-skip") || SKIPPED.test(element.localName) ||
      element.classList.contains("headerlink") ||  // the theme's "¶" permalink after each heading
      element.classList.contains("mg-sr-only");    // said to a screen reader, not shown on the page
  }

  function writable(element) {
    return (element.localName === "textarea" || (element.localName === "input" && element.type !== "hidden")) &&
      !element.hidden && !element.hasAttribute("data-word-skip");
  }

  function each(list, callback) { Array.prototype.forEach.call(list, callback); }

  // Turns the HTML into the body's paragraphs and tables, and the numbering each list needs.
  function convert(docx, root) {
    var lists = [];
    var pageBreak = false;  // the next paragraph starts on a new page

    // A place paragraphs go: the body or a table cell. runs wait for the end of their paragraph;
    // item holds the list number the next paragraph carries; depth counts the lists around.
    function place() { return { out: [], runs: [], item: null, depth: 0 }; }

    // HTML collapses white space; so does this, across the runs of one paragraph.
    function textRuns(pieces) {
      var runs = [], breaks = 0;
      function trimLast() {
        var last = runs[runs.length - 1];
        if (last) { last.text = last.text.replace(/ $/, ""); }
      }
      pieces.forEach(function (piece) {
        if (piece.br) { trimLast(); breaks += 1; return; }
        var text = piece.text.replace(/[ \t\n\f\r]+/g, " ");
        var last = runs[runs.length - 1];
        if (breaks || !last || / $/.test(last.text)) { text = text.replace(/^ /, ""); }
        if (!text) { return; }
        // Only what is set: an explicit "not bold" would override a style's bold (a heading's, say).
        runs.push({ text: text, bold: piece.bold || undefined, italics: piece.italics || undefined, break: breaks || undefined });
        breaks = 0;
      });
      trimLast();
      if (breaks) { runs.push({ break: breaks }); }
      return runs.map(function (run) { return new docx.TextRun(run); });
    }

    // Ends the paragraph being collected; force makes one even without text (a page break to carry).
    function flush(at, props, force) {
      var runs = textRuns(at.runs);
      at.runs = [];
      if (!runs.length && !force) { return; }
      var options = props || at.item || (at.depth ? { indent: { left: INDENT * at.depth } } : {});
      if (!props) { at.item = null; }
      options.children = runs;
      if (pageBreak) { options.pageBreakBefore = true; pageBreak = false; }
      at.out.push(new docx.Paragraph(options));
    }

    // Every list gets a numbering of its own, so each numbered list starts at 1.
    function list(element, at, format) {
      var reference = "mg-list-" + lists.length, level = at.depth, numbered = element.localName === "ol";
      var levels = [];
      for (var i = 0; i < 9; i += 1) {
        levels.push({
          level: i,
          format: numbered ? docx.LevelFormat.DECIMAL : docx.LevelFormat.BULLET,
          text: numbered ? "%" + (i + 1) + "." : BULLETS[i % BULLETS.length],
          alignment: docx.AlignmentType.LEFT,
          style: { paragraph: { indent: { left: INDENT * (i + 1), hanging: INDENT } } }
        });
      }
      lists.push({ reference: reference, levels: levels });
      at.depth += 1;
      each(element.children, function (item) {
        if (item.localName !== "li" || skipped(item)) { return; }
        at.item = { numbering: { reference: reference, level: level } };
        walk(item, at, format);
        flush(at);
        at.item = null;
      });
      at.depth -= 1;
    }

    function table(element, at, format) {
      var rows = [], columns = 0;
      if (element.caption && !skipped(element.caption)) { walk(element.caption, at, format); flush(at); }
      each(element.rows, function (row) {
        if (skipped(row) || skipped(row.parentNode)) { return; }
        var cells = [], span = 0;
        each(row.cells, function (cell) {
          if (skipped(cell)) { return; }
          var inside = place();
          walk(cell, inside, { bold: format.bold || cell.localName === "th", italics: format.italics });
          flush(inside);
          cells.push(new docx.TableCell({
            children: inside.out.length ? inside.out : [new docx.Paragraph({})],
            columnSpan: cell.colSpan > 1 ? cell.colSpan : undefined,
            rowSpan: cell.rowSpan > 1 ? cell.rowSpan : undefined
          }));
          span += cell.colSpan;
        });
        if (!cells.length) { return; }
        columns = Math.max(columns, span);
        rows.push(new docx.TableRow({ children: cells, tableHeader: row.parentNode.localName === "thead" || undefined, cantSplit: true }));
      });
      if (!rows.length) { return; }
      if (pageBreak) { flush(at, {}, true); }  // a table cannot carry the break itself
      var widths = [];
      for (var i = 0; i < columns; i += 1) { widths.push(Math.floor(TEXT_WIDTH / columns)); }
      at.out.push(new docx.Table({
        rows: rows, columnWidths: widths, width: { size: TEXT_WIDTH, type: docx.WidthType.DXA },
        margins: { top: 60, left: 100, right: 100 }  // the text off the cell's lines
      }));
    }

    function roomToWrite(field, at) {
      if (field.type === "checkbox" || field.type === "radio") { at.runs.push({ text: TICK_BOX }); return; }
      if (field.localName === "input") { at.runs.push({ text: " " + SHORT_LINE }); return; }
      flush(at);
      var inCell = !!field.closest("td, th");   // a table cell's border is room enough
      for (var line = 0; line < (Number(field.getAttribute("rows")) || 3); line += 1) {
        if (!inCell) { at.runs.push({ text: FULL_LINE }); }
        flush(at, null, true);
      }
    }

    function walk(node, at, format) {
      each(node.childNodes, function (child) {
        if (child.nodeType === 3) {
          at.runs.push({ text: child.data, bold: format.bold, italics: format.italics });
          return;
        }
        if (child.nodeType === 1 && writable(child)) { roomToWrite(child, at); return; }
        if (child.nodeType !== 1 || skipped(child)) { return; }
        var name = child.localName;
        if (child.hasAttribute("data-word-page-break")) { flush(at); pageBreak = true; }
        if (name === "br") {
          at.runs.push({ br: true });
        } else if (HEADINGS[name]) {
          flush(at);
          walk(child, at, format);
          flush(at, { heading: docx.HeadingLevel[HEADINGS[name]] });
        } else if (name === "ul" || name === "ol") {
          flush(at);
          list(child, at, format);
        } else if (name === "table") {
          flush(at);
          table(child, at, format);
        } else if (BLOCKS.test(name)) {
          flush(at);
          walk(child, at, format);
          flush(at);
        } else {
          walk(child, at, {
            bold: format.bold || name === "strong" || name === "b",
            italics: format.italics || name === "em" || name === "i"
          });
        }
      });
    }

    var body = place();
    walk(root, body, {});
    flush(body);
    if (!body.out.length) { body.out.push(new docx.Paragraph({})); }
    return { children: body.out, lists: lists };
  }

  guide.wordExport = function (root, options) {
    options = options || {};
    return loadLibrary().then(function (docx) {
      var body = convert(docx, root);
      var doc = new docx.Document({
        title: options.title,
        // Empty, not the library's own placeholder name.
        creator: "",
        lastModifiedBy: "",
        styles: { default: { document: {
          run: { font: "Arial", size: 22, language: { value: "da-DK" } },
          paragraph: { spacing: { after: 120 } }  // 6 pt between paragraphs, as a page shows them
        } } },
        numbering: { config: body.lists },
        sections: [{ properties: { page: { size: PAGE, margin: MARGIN } }, children: body.children }]
      });
      return docx.Packer.toBlob(doc);
    });
  };

  guide.saveFile = function (blob, fileName) {
    var url = URL.createObjectURL(blob);
    var link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    // Some browsers read the blob only after click() has returned; FileSaver.js waits 40 s too.
    setTimeout(function () { URL.revokeObjectURL(url); }, 40000);
  };
})();
