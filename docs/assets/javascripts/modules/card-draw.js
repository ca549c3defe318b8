/*
 * Module "card-draw": root data-mg-module="card-draw" holding a [data-draw] button and the cards
 * (.mg-card, each with a .mg-card__turn button written by the template before its .mg-card__back).
 * - A turn button shows or hides its card's back; the state is the card's class mg-card--turned
 *   and the button's aria-expanded. The style sheet hides the backs under html.mg-js, so they are
 *   hidden from the first paint, not by this script.
 * - "Draw" picks a random card among those shown (not [hidden] by a filter), turns it face down,
 *   marks it .mg-card--drawn and moves focus to its question. With no card shown, the root's
 *   data-no-cards text goes to the status line of the filter panel for the same cards
 *   ([data-filter-for="<id of .mg-cards>"] [data-status]).
 */
(function () {
  "use strict";
  if (!window.metodeguide) { return; }

  window.metodeguide.module("card-draw", function (root) {
    var cards = Array.prototype.slice.call(root.querySelectorAll(".mg-card"));
    var drawButton = root.querySelector("[data-draw]");
    var deck = root.querySelector(".mg-cards");
    if (!cards.length || !drawButton || !deck) { throw new Error("card-draw: incomplete markup"); }

    function turner(card) {
      var button = card.querySelector(".mg-card__turn");
      return function (open) {
        card.classList.toggle("mg-card--turned", open);
        button.setAttribute("aria-expanded", String(open));
      };
    }

    var turns = cards.map(function (card) {
      var turn = turner(card);
      card.querySelector(".mg-card__turn").addEventListener("click", function () {
        turn(!card.classList.contains("mg-card--turned"));
      });
      return turn;
    });

    drawButton.addEventListener("click", function () {
      var shown = cards.filter(function (card) { return !card.hidden; });
      if (!shown.length) {
        var status = document.querySelector("[data-filter-for='" + deck.id + "'] [data-status]");
        if (status) { status.textContent = root.dataset.noCards; }
        return;
      }
      var card = shown[Math.floor(Math.random() * shown.length)];
      cards.forEach(function (other) { other.classList.remove("mg-card--drawn"); });
      card.classList.add("mg-card--drawn");
      turns[cards.indexOf(card)](false);
      // Moving focus to the question is what a screen reader reads; the count stays in the status.
      var question = card.querySelector(".mg-card__question");
      question.focus();
      question.scrollIntoView({ block: "center" });
    });
  });
})();
