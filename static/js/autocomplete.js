/*
 * Search suggestions as an accessible combobox (WAI-ARIA 1.2 "list autocomplete" pattern).
 *
 * Enhances every <input data-autocomplete="/api/search/suggest/">: the form works without it.
 * Down/Up move through the suggestions, Enter opens the chosen page (or submits the search
 * when none is chosen), Escape closes the list, and a second Escape clears the field.
 */
(function () {
    "use strict";

    var DELAY_MS = 150;
    var MIN_CHARS = 2;

    function setUp(input) {
        var listId = input.id + "-suggestions";
        var list = document.createElement("ul");
        list.id = listId;
        list.className = "suggestions";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", input.dataset.labelSuggestions);
        list.hidden = true;
        var status = document.createElement("p");
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        input.parentNode.appendChild(list);
        input.parentNode.appendChild(status);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-controls", listId);
        input.setAttribute("aria-expanded", "false");

        var options = [];
        var active = -1;
        var timer = null;
        var latest = 0;

        function close() {
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function choose(index) {
            options.forEach(function (option, i) {
                option.setAttribute("aria-selected", i === index ? "true" : "false");
            });
            active = index;
            if (index < 0) {
                input.removeAttribute("aria-activedescendant");
                return;
            }
            input.setAttribute("aria-activedescendant", options[index].id);
            options[index].scrollIntoView({ block: "nearest" });
        }

        function show(suggestions) {
            list.textContent = "";
            options = suggestions.map(function (suggestion, i) {
                var option = document.createElement("li");
                option.id = listId + "-" + i;
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                option.dataset.url = suggestion.url;
                var title = document.createElement("span");
                title.textContent = suggestion.title;
                var tag = document.createElement("span");
                if (suggestion.shown_language) {
                    // A title in another language than the reader's: its lang, and which it is.
                    title.lang = suggestion.shown_language;
                    tag.className = "language-tag";
                    tag.textContent = " (" + (input.dataset["tag" + suggestion.shown_language.charAt(0).toUpperCase() + suggestion.shown_language.slice(1)] || suggestion.shown_language) + ")";
                }
                var kind = document.createElement("span");
                kind.className = "suggestion-type";
                kind.textContent = input.dataset["label" + suggestion.type.charAt(0).toUpperCase() + suggestion.type.slice(1)] || "";
                var separator = document.createElement("span");
                separator.className = "visually-hidden";
                separator.textContent = ", ";
                var name = document.createElement("span");
                name.appendChild(title);
                name.appendChild(tag);
                option.appendChild(name);
                option.appendChild(separator);
                option.appendChild(kind);
                option.addEventListener("mousedown", function (event) {
                    event.preventDefault();  // keep the focus in the field
                });
                option.addEventListener("click", function () {
                    window.location.assign(option.dataset.url);
                });
                list.appendChild(option);
                return option;
            });
            active = -1;
            input.removeAttribute("aria-activedescendant");
            if (options.length) {
                list.hidden = false;
                input.setAttribute("aria-expanded", "true");
                status.textContent = input.dataset.messageCount.replace("%(count)s", options.length);
            } else {
                close();
                status.textContent = input.dataset.messageNone;
            }
        }

        function fetchSuggestions() {
            var text = input.value.trim();
            if (text.length < MIN_CHARS) {
                show([]);
                status.textContent = "";
                return;
            }
            var ask = ++latest;
            var url = input.dataset.autocomplete + "?lang=" + encodeURIComponent(input.dataset.lang) + "&q=" + encodeURIComponent(text);
            fetch(url, { headers: { Accept: "application/json" } })
                .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
                .then(function (data) {
                    if (ask === latest) {
                        show(data.suggestions || []);
                    }
                })
                .catch(function () { /* no suggestions: the plain search still works */ });
        }

        input.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(fetchSuggestions, DELAY_MS);
        });

        input.addEventListener("keydown", function (event) {
            var open = !list.hidden;
            if (event.key === "ArrowDown") {
                event.preventDefault();
                if (!open && options.length) {
                    list.hidden = false;
                    input.setAttribute("aria-expanded", "true");
                }
                if (options.length) {
                    choose(active + 1 >= options.length ? 0 : active + 1);
                }
            } else if (event.key === "ArrowUp") {
                event.preventDefault();
                if (open && options.length) {
                    choose(active <= 0 ? options.length - 1 : active - 1);
                }
            } else if (event.key === "Enter") {
                if (open && active >= 0) {
                    event.preventDefault();
                    window.location.assign(options[active].dataset.url);
                }
            } else if (event.key === "Escape") {
                if (open) {
                    event.preventDefault();
                    close();
                } else if (input.value) {
                    event.preventDefault();
                    input.value = "";
                }
            }
        });

        input.addEventListener("blur", close);
    }

    document.querySelectorAll("input[data-autocomplete]").forEach(setUp);
})();
