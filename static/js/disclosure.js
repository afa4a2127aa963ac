/*
 * Opens <details data-open-wide> on wide screens, where there is room for it beside the
 * results (the search filters); on a phone it stays a closed disclosure until tapped.
 */
(function () {
    "use strict";
    if (window.matchMedia("(min-width: 48rem)").matches) {
        document.querySelectorAll("details[data-open-wide]").forEach(function (details) {
            details.open = true;
            details.classList.add("opened-wide");
        });
    }
})();
