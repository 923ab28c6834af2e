// The main navigation's menus are <details> and work without this file. It only adds what people expect of a menu:
// Escape closes it (focus back on its title), a click elsewhere closes it, and opening one closes the others in
// browsers that do not yet support <details name>.
(() => {
  "use strict";
  const menus = () => document.querySelectorAll("nav.mainnav details.navmenu");
  document.addEventListener("click", (event) => {
    for (const menu of menus()) {
      if (menu.open && !menu.contains(event.target)) {
        menu.open = false;
      }
    }
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") {
      return;
    }

    for (const menu of menus()) {
      if (menu.open) {
        menu.open = false;
        menu.querySelector("summary")?.focus();
      }
    }
  });
  document.addEventListener("toggle", (event) => {
    const opened = event.target;
    if (!(opened instanceof HTMLDetailsElement) || !opened.open || !opened.matches("nav.mainnav details.navmenu")) {
      return;
    }

    for (const menu of menus()) {
      if (menu !== opened && menu.open) {
        menu.open = false;
      }
    }
  }, true);
})();
