// "Add to comparison" without a page load: the selection lives in localStorage and a
// "Compare (3)" link follows the reader from page to page. Without this file (or without
// localStorage) the buttons still work: they ask the comparison page to add the item.
// Loaded as a module, so however many buttons include it, it runs once.

const STORAGE_KEY = "bro-compare";
const MAX_ITEMS = 4; // as knowledge/compare/selection.py MAX_ITEMS; the server checks it too

function readSelection() {
  try {
    const ids = JSON.parse(localStorage.getItem(STORAGE_KEY) || "[]");
    return Array.isArray(ids) ? ids.filter((id) => /^[1-9][0-9]*$/.test(id)).slice(0, MAX_ITEMS) : [];
  } catch (error) {
    return [];
  }
}

function writeSelection(ids) {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(ids));
}

function storageWorks() {
  try {
    localStorage.setItem(STORAGE_KEY + "-test", "1");
    localStorage.removeItem(STORAGE_KEY + "-test");
    return true;
  } catch (error) {
    return false;
  }
}

function compareUrl(form, ids) {
  return ids.length ? `${form.action}?ids=${ids.join(",")}` : form.action;
}

function ensureStylesheet(href) {
  if (!document.querySelector(`link[href="${href}"]`)) {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = href;
    document.head.append(link);
  }
}

function tray(form) {
  let element = document.querySelector(".compare-tray");
  if (!element) {
    element = document.createElement("nav");
    element.className = "compare-tray";
    element.setAttribute("aria-label", form.dataset.labelLink);
    element.innerHTML = '<a class="compare-tray-link"></a><p class="compare-tray-message" role="status"></p>';
    document.body.append(element);
  }
  return element;
}

function render(forms, ids, message = "") {
  for (const form of forms) {
    const chosen = ids.includes(form.dataset.compareId);
    form.querySelector(".compare-add-label").textContent = chosen
      ? form.dataset.labelRemove
      : form.dataset.labelAdd;
    form.classList.toggle("compare-chosen", chosen);
  }
  const element = tray(forms[0]);
  const link = element.querySelector(".compare-tray-link");
  link.textContent = `${forms[0].dataset.labelLink} (${ids.length})`;
  link.href = compareUrl(forms[0], ids);
  link.hidden = ids.length === 0;
  element.querySelector(".compare-tray-message").textContent = message;
  element.hidden = ids.length === 0 && !message;
}

function start() {
  if (!storageWorks()) return;
  const page = document.querySelector("[data-compare-ids]");
  if (page) {
    // The menu's link carries no ids: show the selection made on other pages.
    const stored = readSelection();
    if (!new URLSearchParams(location.search).has("ids") && stored.length) {
      location.replace(`${location.pathname}?ids=${stored.join(",")}`);
      return;
    }
    writeSelection(page.dataset.compareIds.split(",").filter(Boolean));
  }
  const forms = [...document.querySelectorAll("form.compare-add")];
  if (!forms.length) return;
  ensureStylesheet(forms[0].dataset.compareCss);
  render(forms, readSelection());
  for (const form of forms) {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const id = form.dataset.compareId;
      let ids = readSelection();
      let message = "";
      if (ids.includes(id)) {
        ids = ids.filter((other) => other !== id);
      } else if (ids.length >= MAX_ITEMS) {
        message = form.dataset.labelFull;
      } else {
        ids = [...ids, id];
      }
      writeSelection(ids);
      render(forms, ids, message);
    });
  }
}

start();
