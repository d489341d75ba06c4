/* Puts two or three chosen fields of a question's page side by side (mkdocs-interviews).
   The page is whole without it: every field's answers, one after another. With it, the form
   the page holds (hidden until now) lets the reader tick fields; the chosen ones are shown in
   columns (stacked on a narrow screen), the others hidden, and the choice is kept in the
   address (#compare=publishing,music) so that it can be shared. */
(function () {
  "use strict";
  var MOST = 3;
  var PREFIX = "#compare=";

  /* Whether the element before a field's answers is its heading. */
  function gathered(answers) {
    var heading = answers.previousElementSibling;
    return !!heading && /^H[1-6]$/.test(heading.tagName);
  }

  function start() {
    var form = document.querySelector("[data-interviews-compare]");
    var parts = document.querySelectorAll(".interviews-field-answers[data-field]");
    if (!form || !parts.length) return;
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name=compare]"));
    var list = document.createElement("div");
    list.className = "interviews-fields";
    var first = gathered(parts[0]) ? parts[0].previousElementSibling : parts[0];
    first.parentNode.insertBefore(list, first);
    var sections = Array.prototype.map.call(parts, function (answers) {
      /* Each field's heading and answers in one section, which can be a column. */
      var section = document.createElement("section");
      section.className = "interviews-field";
      section.dataset.field = answers.dataset.field;
      section.dataset.fieldName = answers.dataset.fieldName;
      answers.removeAttribute("data-field");
      var heading = answers.previousElementSibling;
      if (gathered(answers)) section.appendChild(heading);
      section.appendChild(answers);
      list.appendChild(section);
      return section;
    });
    var status = form.querySelector("[role=status]");
    form.hidden = false;
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    function fromAddress() {
      var hash = window.location.hash;
      if (hash.indexOf(PREFIX) !== 0) return [];
      var wanted = decodeURIComponent(hash.slice(PREFIX.length)).split(",");
      return boxes.map(function (box) { return box.value; })
        .filter(function (slug) { return wanted.indexOf(slug) >= 0; })
        .slice(0, MOST);
    }

    function chosen() {
      return boxes.filter(function (box) { return box.checked; })
        .map(function (box) { return box.value; });
    }

    function show(slugs) {
      var comparing = slugs.length >= 2;
      boxes.forEach(function (box) {
        box.checked = slugs.indexOf(box.value) >= 0;
        box.disabled = !box.checked && slugs.length >= MOST;
      });
      list.classList.toggle("interviews-fields--compare", comparing);
      // The columns take the table of contents' room: its links lead to hidden fields.
      document.body.classList.toggle("interviews-comparing", comparing);
      list.querySelectorAll("[data-interviews-copy]").forEach(function (copy) {
        copy.remove();
      });
      list.querySelectorAll("[data-quote]").forEach(function (pointer) {
        pointer.hidden = false;
      });
      var names = [];
      sections.forEach(function (section) {
        var shown = !comparing || slugs.indexOf(section.dataset.field) >= 0;
        section.hidden = !shown;
        if (comparing && shown) names.push(section.dataset.fieldName);
      });
      if (comparing) quoteHere(slugs);
      if (comparing) {
        status.textContent = "Comparing " + names.slice(0, -1).join(", ") +
          " and " + names[names.length - 1] + ".";
      } else if (slugs.length === 1) {
        status.textContent = "Choose one or two more fields to put beside it.";
      } else {
        status.textContent = "";
      }
    }

    /* An interview is quoted once, under the first of its fields: in a column whose field
       is not the quoting one, and whose quote is hidden, a copy of the quote stands in. */
    function quoteHere(slugs) {
      list.querySelectorAll("[data-quote]").forEach(function (pointer) {
        var quote = document.getElementById(pointer.dataset.quote);
        var home = quote && quote.closest("[data-field]");
        if (!home || pointer.closest("[data-field]").hidden) return;
        if (slugs.indexOf(home.dataset.field) >= 0) return;
        var copy = document.createElement("div");
        copy.setAttribute("data-interviews-copy", "");
        var excerpt = quote.cloneNode(true);
        excerpt.removeAttribute("id");
        copy.appendChild(excerpt);
        var attribution = quote.nextElementSibling;
        if (attribution) copy.appendChild(attribution.cloneNode(true));
        pointer.parentNode.insertBefore(copy, pointer);
        pointer.hidden = true;
      });
    }

    function remember(slugs) {
      var address = window.location.pathname + window.location.search +
        (slugs.length ? PREFIX + slugs.join(",") : "");
      window.history.replaceState(null, "", address);
    }

    boxes.forEach(function (box) {
      box.addEventListener("change", function () {
        var slugs = chosen();
        show(slugs);
        remember(slugs);
      });
    });
    window.addEventListener("hashchange", function () {
      if (window.location.hash.indexOf(PREFIX) === 0) show(fromAddress());
    });
    show(fromAddress());
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
