// Small progressive enhancements; every flow works without JavaScript.
document.addEventListener("DOMContentLoaded", () => {
  // Buttons that ask for confirmation: <button data-confirm="Текст вопроса">.
  document.body.addEventListener("click", (event) => {
    const target = event.target.closest("[data-confirm]");
    if (target && !window.confirm(target.dataset.confirm)) {
      event.preventDefault();
    }
  });
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
