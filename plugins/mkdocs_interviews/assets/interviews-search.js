// The readers' search: Material's search dialog (partials/interviews-search.html) over
// Pagefind's index of the write-ups. Pagefind is loaded on the first focus of the search
// box, so a page that is not searched fetches nothing of it; each query then fetches only
// the parts of the index it needs. Results are rendered in Material's markup, so that they
// look like its own; the keys are Material's: `/`, `s` or `f` open the search, the arrows
// move through the results, Enter follows one, Escape closes.
(() => {
  "use strict";
  const dialog = document.querySelector("[data-interviews-search]");
  const toggle = document.getElementById("__search");
  if (!dialog || !toggle) return;
  const form = dialog.querySelector("form");
  const input = dialog.querySelector(".md-search__input");
  const result = dialog.querySelector(".md-search-result");
  const meta = dialog.querySelector(".md-search-result__meta");
  const list = dialog.querySelector(".md-search-result__list");
  const selects = [...dialog.querySelectorAll("select[data-filter]")];
  const bundle = new URL(dialog.dataset.interviewsSearch, document.baseURI);
  const SHOWN = 10;
  let loading = null;
  let asked = 0;

  // Pagefind's result URLs start at the site's root, which is the bundle's parent folder
  // (a site published under a path, like GitHub Pages' /<repository>/).
  function pagefind() {
    loading ??= import(bundle.href).then(async (engine) => {
      await engine.options({ baseUrl: new URL("..", bundle).pathname });
      await engine.init();
      fillFilters(await engine.filters());
      return engine;
    });
    return loading;
  }

  function fillFilters(filters) {
    for (const select of selects) {
      const counts = filters[select.dataset.filter] || {};
      const names = Object.keys(counts).sort((a, b) => a.localeCompare(b));
      for (const name of names) {
        const option = document.createElement("option");
        option.value = name;
        option.textContent = `${name} (${counts[name]})`;
        select.append(option);
      }
    }
  }

  function chosen() {
    const filters = {};
    for (const select of selects) {
      if (select.value) filters[select.dataset.filter] = select.value;
    }
    return filters;
  }

  function say(key, count) {
    meta.textContent = dialog.dataset[key].replace("#", String(count));
  }

  // The results say they are being updated (aria-busy) from a change until its results
  // are shown: a later change replaces an earlier one's.
  async function run() {
    const query = input.value.trim();
    const filters = chosen();
    const ticket = ++asked;
    result.setAttribute("aria-busy", "true");
    if (!query && !Object.keys(filters).length) {
      show(ticket, [], "placeholder");
      return;
    }
    const engine = await pagefind();
    const search = await engine.debouncedSearch(query || null, { filters }, 150);
    if (search === null || ticket !== asked) return;
    const shown = await Promise.all(search.results.slice(0, SHOWN).map((r) => r.data()));
    const count = search.results.length;
    show(ticket, shown, count === 0 ? "none" : count === 1 ? "one" : "other", count);
  }

  function show(ticket, shown, key, count) {
    if (ticket !== asked) return;
    list.replaceChildren(...shown.map(item));
    say(key, count);
    result.setAttribute("aria-busy", "false");
  }

  function item(data) {
    const li = document.createElement("li");
    li.className = "md-search-result__item";
    const link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = data.url;
    link.tabIndex = -1;
    const article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    const icon = document.createElement("div");
    icon.className = "md-search-result__icon md-icon";
    const title = document.createElement("h1");
    title.textContent = data.meta.title || data.url;
    article.append(icon, title);
    const about = [data.meta.role, data.meta.fields].filter(Boolean).join(" · ");
    if (about) {
      const line = document.createElement("p");
      line.className = "interviews-search-about";
      line.textContent = about;
      article.append(line);
    }
    const excerpt = document.createElement("p");
    excerpt.innerHTML = data.excerpt; // Pagefind's: the page's text, escaped, with <mark>s
    article.append(excerpt);
    link.append(article);
    li.append(link);
    return li;
  }

  function open() {
    toggle.checked = true;
    list.setAttribute("role", "list");
    pagefind().catch(() => say("none", 0));
  }

  function close() {
    toggle.checked = false;
    list.setAttribute("role", "presentation");
    input.blur();
  }

  function typing(element) {
    return (
      element instanceof HTMLInputElement ||
      element instanceof HTMLSelectElement ||
      element instanceof HTMLTextAreaElement ||
      (element instanceof HTMLElement && element.isContentEditable)
    );
  }

  function move(step) {
    const stops = [input, ...list.querySelectorAll(".md-search-result__link")];
    const at = stops.indexOf(document.activeElement);
    stops[(Math.max(0, at) + stops.length + step) % stops.length].focus();
  }

  input.addEventListener("focus", open);
  input.addEventListener("input", run);
  for (const select of selects) select.addEventListener("change", run);
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", () => {
    setTimeout(() => {
      run();
      input.focus();
    });
  });
  toggle.addEventListener("change", () => {
    if (!toggle.checked) list.setAttribute("role", "presentation");
  });
  // The header's button opens the dialog by focusing the box in the click itself, which
  // brings up a phone's keyboard (a focus from a script later would not); the label's own
  // toggle would close it again right after.
  const button = document.querySelector("header label.md-header__button[for=__search]");
  button?.addEventListener("click", (event) => {
    event.preventDefault();
    input.focus();
  });
  // Tabbing past the dialog (its filters are reached with Tab, unlike Material's, which
  // closes on Tab) closes it.
  dialog.addEventListener("focusout", (event) => {
    if (event.relatedTarget instanceof Node && !dialog.contains(event.relatedTarget)) close();
  });
  dialog.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest("a")) close();
  });

  window.addEventListener("keydown", (event) => {
    if (event.metaKey || event.ctrlKey || event.altKey || event.isComposing) return;
    if (!toggle.checked) {
      if (["/", "s", "f"].includes(event.key) && !typing(document.activeElement)) {
        event.preventDefault();
        input.focus();
        input.select();
      }
      return;
    }
    const inDialog = dialog.contains(document.activeElement);
    switch (event.key) {
      case "Escape":
        close();
        break;
      case "ArrowDown":
      case "ArrowUp":
        if (document.activeElement instanceof HTMLSelectElement) return;
        event.preventDefault();
        move(event.key === "ArrowDown" ? 1 : -1);
        break;
      case "Enter":
        if (document.activeElement === input) {
          event.preventDefault();
          const first = list.querySelector(".md-search-result__link");
          if (first) first.click();
        }
        break;
      default:
        if (!inDialog && event.key.length === 1) input.focus();
    }
  });
})();
