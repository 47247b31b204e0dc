// Small progressive enhancements; every flow works without JavaScript.

// Folds (<details class="fold" data-open-from="(min-width: 64em)">): the header's menu and the list
// pages' filters fold behind a button on phones and stay open on wide screens. The CSS already
// shows them open there (::details-content); this keeps the element's state in step, so assistive
// technology and older browsers see the same, and follows the window when it is resized.
const FOLD = "details[data-open-from]";

function initFolds(root) {
  const folds = [...root.querySelectorAll(FOLD)];
  if (root.matches && root.matches(FOLD)) folds.push(root);
  folds.forEach((fold) => {
    if (fold.dataset.foldReady) return;
    fold.dataset.foldReady = "1";
    const wide = window.matchMedia(fold.dataset.openFrom);
    const follow = () => {
      fold.open = wide.matches;
    };
    follow();
    wide.addEventListener("change", follow);
  });
}

document.addEventListener("DOMContentLoaded", () => {
  initFolds(document);
  // Escape closes an open fold on a phone and gives the focus back to its button.
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    const fold = event.target.closest && event.target.closest(`${FOLD}[open]`);
    if (fold && !window.matchMedia(fold.dataset.openFrom).matches) {
      fold.open = false;
      fold.querySelector("summary").focus();
    }
  });
  // Buttons that ask for confirmation: <button data-confirm="Текст вопроса">.
  document.body.addEventListener("click", (event) => {
    const target = event.target.closest("[data-confirm]");
    if (target && !window.confirm(target.dataset.confirm)) {
      event.preventDefault();
    }
  });
  // Content that htmx brings in may hold folds of its own (the directory's filters).
  document.body.addEventListener("htmx:load", (event) => initFolds(event.detail.elt));
  // After an htmx swap, move focus to the region that changed so keyboard and screen
  // reader users hear the new content.
  document.body.addEventListener("htmx:afterSwap", (event) => {
    const region = event.detail.target;
    if (region && region.dataset.focusAfterSwap !== undefined) {
      region.setAttribute("tabindex", "-1");
      region.focus();
    }
  });
});
