// eventwire dashboard: a hash-routed page over the JSON API (/api/...) and its aggregates
// (/api/web/...). Plain DOM, no framework; every text from the store goes in through textContent.
// This is the entry point, loaded last (see core.js): it wires the page and draws the first view.
"use strict";

// ---- wiring ----------------------------------------------------------------------------------

async function render() {
  const { view, arg, params } = route();
  const known = ["overview", "dyad", "map", "event"].includes(view) ? view : "overview";
  for (const section of document.querySelectorAll(".view")) {
    section.hidden = section.id !== `view-${known}`;
  }
  for (const link of document.querySelectorAll("nav a")) {
    if (link.dataset.view === known) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
    // Carry the filters from view to view.
    link.href = `#/${link.dataset.view}?${new URLSearchParams(filterParams(params))}`;
  }
  $("#filters").hidden = known === "event";
  $("#filters-toggle").hidden = known === "event";
  fillFilterForm(params);
  document.title = "eventwire dashboard";
  if (known !== "overview") painted();
  const token = ++renderToken;
  status("Loading…");
  try {
    if (known === "overview") await renderOverview(params, token);
    else if (known === "dyad") await renderDyad(params, token);
    else if (known === "map") await renderMap(params, token);
    else await renderEvent(arg, token);
    if (token === renderToken && !$("#status").classList.contains("error")) status("");
  } catch (error) {
    painted();
    if (token === renderToken && !(error instanceof Superseded)) fail(error);
  }
}

function setup() {
  $("#filters").addEventListener("submit", (event) => {
    event.preventDefault();
    const { view, params } = route();
    const next = new URLSearchParams(params);
    for (const key of FILTER_KEYS) {
      const value = event.target.elements[key].value.trim();
      if (value) next.set(key, key === "country" ? value.toUpperCase() : value);
      else next.delete(key);
    }
    go(view === "event" ? "overview" : view, next);
  });
  $("#filters").addEventListener("reset", () => {
    const { view, params } = route();
    go(view === "event" ? "overview" : view, withFilters(params,
      Object.fromEntries(FILTER_KEYS.map((k) => [k, ""]))));
  });
  // Phones: the filters fold away behind a button; they open by themselves when some apply.
  const toggle = $("#filters-toggle");
  const openFilters = (open) => {
    $("#filters").classList.toggle("open", open);
    toggle.setAttribute("aria-expanded", String(open));
  };
  toggle.addEventListener("click", () => openFilters(!$("#filters").classList.contains("open")));
  openFilters(Object.keys(filterParams(route().params)).length > 0);
  $("#dyad-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const form = event.target;
    go("dyad", withFilters(route().params, { a: form.elements.a.value.trim().toUpperCase(),
      b: form.elements.b.value.trim().toUpperCase(), dir: form.elements.dir.value }));
  });
  $("#interval").addEventListener("change", (event) =>
    go("overview", withFilters(route().params, { interval: event.target.value })));
  $("#event-back").addEventListener("click", (event) => {
    if (history.length > 1) { event.preventDefault(); history.back(); }
  });
  $("#quad-legend").replaceChildren(...QUADS.map((q) =>
    h("li", {}, h("span", { class: `swatch ${q.cls}` }), `${q.n} ${q.label}`)));
  setupMapControls();
  // Charts are drawn to the page's width: redraw when it changes (not its height, which phones
  // change while scrolling).
  let resizeTimer;
  let drawnWidth = window.innerWidth;
  window.addEventListener("resize", () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      if (window.innerWidth === drawnWidth) return;
      drawnWidth = window.innerWidth;
      if (route().view !== "event") render();
    }, 250);
  });
  window.addEventListener("hashchange", () => { render(); $("#main").focus({ preventScroll: true }); });
}

async function loadReferenceData() {
  // Names for CAMEO codes, the type filter and actor suggestions; none blocks the first paint.
  const [names, stats, actors] = await Promise.all([getJSON("/api/web/cameo"),
    getJSON("/api/stats"), getJSON("/api/actors", { limit: 200 })]);
  Object.assign(cameoNames, names);
  const select = $("#filters").elements.cameo;
  const chosen = route().params.get("cameo") || "";
  for (const [code, name] of Object.entries(names)) {
    if (code.length === 2) select.append(h("option", { value: code }, `${code} ${name.toLowerCase()}`));
  }
  select.value = chosen;
  $("#stats").textContent = `${fmt.format(stats.events)} events from ${fmt.format(stats.articles)} ` +
    `articles` + (stats.first_date ? `, ${stats.first_date} to ${stats.last_date}` : "");
  $("#actor-codes").replaceChildren(...[...new Set(actors.map((a) => a.code))]
    .map((code) => h("option", { value: code })));
}

// The overview's chart needs no reference data, so its request goes first; the lists of events
// (drawn after the chart) wait for the names.
setup();
reference = firstPaint.then(loadReferenceData).catch(fail);
render();
