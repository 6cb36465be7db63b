// eventwire dashboard: a hash-routed page over the JSON API (/api/...) and its aggregates
// (/api/web/...). Plain DOM, no framework; every text from the store goes in through textContent.
"use strict";

const QUADS = [
  { n: 1, cls: "q1", label: "Verbal cooperation" },
  { n: 2, cls: "q2", label: "Material cooperation" },
  { n: 3, cls: "q3", label: "Verbal conflict" },
  { n: 4, cls: "q4", label: "Material conflict" },
];
const FILTER_KEYS = ["start", "end", "country", "actor", "cameo", "q"];
const PAGE = 20;
const SVG_NS = "http://www.w3.org/2000/svg";
const cameoNames = {};
let reference = Promise.resolve(); // CAMEO names, stats and actor codes: see loadReferenceData
let painted;
// Resolved once the first view has drawn what matters (on the overview: the chart), so that
// requests for secondary data do not compete with the first paint.
const firstPaint = new Promise((resolve) => { painted = resolve; });

// ---- small helpers -----------------------------------------------------------------------------

function h(tag, attrs, ...children) {
  const svg = ["svg", "g", "rect", "path", "circle", "text", "title", "line"].includes(tag);
  const el = svg ? document.createElementNS(SVG_NS, tag) : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}
const $ = (selector) => document.querySelector(selector);

function status(message, isError = false) {
  const el = $("#status");
  el.textContent = message || "";
  el.classList.toggle("error", isError);
}

async function getJSON(path, params) {
  const query = params ? new URLSearchParams(params).toString() : "";
  return readJSON(await (takeEarly(path, query) || fetch(query ? `${path}?${query}` : path)));
}

// The request index.html sent before this script loaded, if it is the one wanted (once only).
function takeEarly(path, query) {
  const early = window.eventwireEarly;
  window.eventwireEarly = null;
  const sorted = new URLSearchParams(query);
  sorted.sort();
  return early && early.path === path && early.query === sorted.toString() ? early.response : null;
}

async function readJSON(response) {
  if (!response.ok) {
    let detail = response.statusText;
    try {
      const body = await response.json();
      detail = Array.isArray(body.detail)
        ? body.detail.map((d) => `${d.loc ? d.loc[d.loc.length - 1] + ": " : ""}${d.msg}`).join("; ")
        : body.detail || detail;
    } catch (_) { /* not JSON: keep the status text */ }
    throw new Error(detail);
  }
  return response.json();
}

const fmt = new Intl.NumberFormat("en");
const fmt1 = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });

function activate(button, handler) {
  // An SVG element that behaves like a button: click, Enter or Space.
  button.setAttribute("tabindex", "0");
  button.setAttribute("role", "button");
  button.addEventListener("click", handler);
  button.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") { event.preventDefault(); handler(event); }
  });
}

// ---- routing: #/view/arg?filters -------------------------------------------------------------

function route() {
  const hash = location.hash.replace(/^#\/?/, "");
  const [path, query] = hash.split("?");
  const [view, ...rest] = path.split("/");
  return { view: view || "overview", arg: decodeURIComponent(rest.join("/")),
    params: new URLSearchParams(query || "") };
}

function go(view, params, arg) {
  const query = new URLSearchParams([...params].filter(([, v]) => v !== "")).toString();
  location.hash = `#/${view}${arg ? "/" + encodeURIComponent(arg) : ""}${query ? "?" + query : ""}`;
}

function filterParams(params) {
  const out = {};
  for (const key of FILTER_KEYS) if (params.get(key)) out[key] = params.get(key);
  return out;
}

function fillFilterForm(params) {
  const form = $("#filters");
  for (const key of FILTER_KEYS) form.elements[key].value = params.get(key) || "";
}

function withFilters(params, changes) {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value) next.set(key, value); else next.delete(key);
  }
  return next;
}

// ---- periods ---------------------------------------------------------------------------------

function periodEnd(start, interval) {
  const d = new Date(start + "T00:00:00Z");
  if (interval === "day") d.setUTCDate(d.getUTCDate() + 1);
  else if (interval === "week") d.setUTCDate(d.getUTCDate() + 7);
  else if (interval === "year") d.setUTCFullYear(d.getUTCFullYear() + 1);
  else d.setUTCMonth(d.getUTCMonth() + 1);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

// Every period from the first to the last, empty ones included, so that time runs evenly along
// the axis (unless that would make thousands of bars).
function fillPeriods(points, interval) {
  if (points.length < 2) return points;
  const byPeriod = new Map(points.map((p) => [p.period, p]));
  const filled = [];
  const last = points[points.length - 1].period;
  for (let period = points[0].period; period <= last;) {
    filled.push(byPeriod.get(period) || { period, counts: [0, 0, 0, 0], goldstein: [0, 0, 0, 0] });
    if (filled.length > 2000) return points;
    const next = new Date(periodEnd(period, interval) + "T00:00:00Z");
    next.setUTCDate(next.getUTCDate() + 1);
    period = next.toISOString().slice(0, 10);
  }
  return filled;
}

function periodLabel(start, interval) {
  if (interval === "year") return start.slice(0, 4);
  if (interval === "month") return start.slice(0, 7);
  return start;
}

// The period's days, narrowed by the filter's own date range.
function periodRange(point, interval, filters) {
  let start = point.period;
  let end = periodEnd(point.period, interval);
  if (filters.start && filters.start > start) start = filters.start;
  if (filters.end && filters.end < end) end = filters.end;
  return { start, end };
}

// ---- charts ----------------------------------------------------------------------------------

// Bars per period: segments stacked up from the axis (`up`) and down from it (`down`).
// Each segment is [value, css class]. `describe(point)` is the bar's accessible label.
function barChart(container, points, { up, down = () => [], describe, onSelect, interval }) {
  container.replaceChildren();
  if (!points.length) { container.append(h("p", { class: "muted" }, "No dated events.")); return; }
  const width = Math.max(container.clientWidth || 600, 280);
  const height = width < 500 ? 180 : 220;
  const margin = { top: 8, right: 8, bottom: 22, left: 44 };
  const sum = (segments) => segments.reduce((total, [value]) => total + Math.abs(value), 0);
  const maxUp = Math.max(0, ...points.map((p) => sum(up(p))));
  const maxDown = Math.max(0, ...points.map((p) => sum(down(p))));
  const range = maxUp + maxDown || 1;
  const plotHeight = height - margin.top - margin.bottom;
  const scale = plotHeight / range;
  const zero = margin.top + maxUp * scale;
  const step = (width - margin.left - margin.right) / points.length;
  const barWidth = Math.max(1, Math.min(step * 0.8, 48));
  const svg = h("svg", { viewBox: `0 0 ${width} ${height}`, role: "group",
    "aria-label": `${points.length} bars, one per ${interval}` });

  const ticks = [[maxUp, zero - maxUp * scale], [0, zero]];
  if (maxDown) ticks.push([-maxDown, zero + maxDown * scale]);
  for (const [value, y] of ticks) {
    svg.append(h("line", { class: "axis", x1: margin.left, x2: width - margin.right, y1: y, y2: y }),
      h("text", { x: margin.left - 4, y: y + 4, "text-anchor": "end" }, fmt1.format(value)));
  }
  const labelEvery = Math.ceil(points.length / Math.max(1, Math.floor(width / 70)));
  points.forEach((point, i) => {
    const x = margin.left + i * step + (step - barWidth) / 2;
    const bar = h("g", { class: "bar", "data-period": point.period,
      "data-total": sum(up(point)) + sum(down(point)), "aria-label": describe(point) });
    bar.append(h("title", {}, describe(point)));
    bar.append(h("rect", { class: "hit", x: margin.left + i * step, y: margin.top, width: step,
      height: plotHeight }));
    let y = zero;
    for (const [value, cls] of up(point)) {
      const size = Math.abs(value) * scale;
      y -= size;
      if (size > 0) bar.append(h("rect", { class: cls, x, y, width: barWidth, height: size }));
    }
    y = zero;
    for (const [value, cls] of down(point)) {
      const size = Math.abs(value) * scale;
      if (size > 0) bar.append(h("rect", { class: cls, x, y, width: barWidth, height: size }));
      y += size;
    }
    if (i % labelEvery === 0) {
      svg.append(h("text", { x: margin.left + i * step + step / 2, y: height - 6,
        "text-anchor": "middle" }, periodLabel(point.period, interval)));
    }
    activate(bar, () => {
      svg.querySelectorAll(".bar.selected").forEach((b) => b.classList.remove("selected"));
      bar.classList.add("selected");
      onSelect(point);
    });
    svg.append(bar);
  });
  container.append(svg);
}

const quadCounts = (p) => QUADS.map((q) => [p.counts[q.n - 1], q.cls]);
const describeQuads = (p, interval) => `${periodLabel(p.period, interval)}: ` +
  QUADS.map((q) => `${p.counts[q.n - 1]} ${q.label.toLowerCase()}`).join(", ");

// ---- event lists -----------------------------------------------------------------------------

function actorText(actor) { return actor ? actor.code : "—"; }

// The people an event killed, injured, ... (best estimates reconciled across reports).
const COUNT_LABELS = [["killed", "killed"], ["injured", "injured"], ["arrested", "arrested"],
  ["kidnapped", "kidnapped"], ["displaced", "displaced"], ["participants", "took part"]];

function countChips(counts) {
  if (!counts) return [];
  return COUNT_LABELS.filter(([key]) => counts[key]).map(([key, label]) => {
    const { value, low, high } = counts[key];
    const range = low !== value || high !== value
      ? ` (${low ?? "?"}–${high ?? "…"})` : "";
    return h("span", { class: `count count-${key}` }, ` ${fmt.format(value)} ${label}${range}`);
  });
}

function eventItem(event) {
  const name = cameoNames[event.cameo] || `CAMEO ${event.cameo}`;
  const quad = QUADS[event.quad_class - 1];
  return h("li", {},
    h("span", { class: "date" }, event.date || "undated"),
    h("span", {},
      h("span", { class: `chip ${quad.cls}`, title: quad.label }),
      h("a", { class: "what", href: `#/event/${encodeURIComponent(event.event_id)}` },
        `${actorText(event.source)} → ${actorText(event.target)}: ${name}`),
      h("span", { class: "muted small" }, ` (${event.cameo}, Goldstein ${event.goldstein})`),
      ...countChips(event.counts)),
    h("span", { class: "sentence" }, event.sentence));
}

// A list of events that pages on ("More") through one or more /api/events queries merged by date.
async function showEvents(container, queries, emptyText = "No events.") {
  const token = renderToken;
  container.replaceChildren(h("p", { class: "muted" }, "Loading…"));
  const [pages] = await Promise.all([Promise.all(queries.map((q) => getJSON("/api/events",
    { ...q, limit: 200 }))), reference]);
  stillCurrent(token);
  const events = pages.flatMap((page) => page.events)
    .sort((a, b) => (b.date || "").localeCompare(a.date || "") || a.event_id.localeCompare(b.event_id));
  const total = pages.reduce((n, page) => n + page.total, 0);
  container.replaceChildren();
  if (!events.length) { container.append(h("p", { class: "muted" }, emptyText)); return; }
  const list = h("ol", { class: "events" });
  container.append(h("p", { class: "muted small" }, `${fmt.format(total)} events` +
    (total > events.length ? `, the latest ${events.length} listed` : "")), list);
  let shown = 0;
  const more = h("button", { type: "button", class: "more" }, "More");
  const showMore = () => {
    list.append(...events.slice(shown, shown + PAGE).map(eventItem));
    shown += PAGE;
    if (shown >= events.length) more.remove();
  };
  more.addEventListener("click", showMore);
  showMore();
  if (shown < events.length) container.append(more);
}

function ranked(list, items, render) {
  list.replaceChildren(...(items.length ? items.map((item) => h("li", {}, ...render(item)))
    : [h("li", { class: "muted" }, "none")]));
}

// ---- views -----------------------------------------------------------------------------------

async function renderOverview(params, token) {
  const filters = filterParams(params);
  const interval = params.get("interval") || "month";
  $("#interval").value = interval;
  const summary = await getJSON("/api/web/summary", { ...filters, interval });
  stillCurrent(token);
  $("#overview-total").textContent = `(${fmt.format(summary.total)} events)`;
  const selectPeriod = (point) => {
    const range = periodRange(point, interval, filters);
    $("#overview-events-title").textContent =
      `Events in ${periodLabel(point.period, interval)}`;
    showEvents($("#overview-events"), [{ ...filters, ...range }]).catch(fail);
  };
  const series = articlesRange(summary, params, filters, interval);
  barChart($("#overview-chart"), fillPeriods(series, interval), { up: quadCounts, interval,
    describe: (p) => describeQuads(p, interval), onSelect: selectPeriod });
  // The first meaningful paint: the chart is in the DOM; mark it once drawn.
  // (a task queued from the next animation frame runs after that frame is painted).
  requestAnimationFrame(() => setTimeout(() => {
    performance.mark("eventwire:overview-painted");
    painted();
  }));

  ranked($("#top-actors"), summary.top_actors, (a) => [
    h("button", { type: "button", onclick: () => go("overview", withFilters(params, { actor: a.key })) },
      a.key),
    a.label !== a.key ? h("span", { class: "muted small" }, ` e.g. ${a.label}`) : null,
    h("span", { class: "count" }, fmt.format(a.events))]);
  ranked($("#top-dyads"), summary.top_dyads, (d) => [
    h("a", { href: `#/dyad?${new URLSearchParams({ ...filters, a: d.source, b: d.target,
      dir: "ab" })}` }, `${d.source} → ${d.target}`),
    h("span", { class: "count" }, fmt.format(d.events))]);
  ranked($("#top-types"), summary.top_types, (t) => [
    h("button", { type: "button", onclick: () => go("overview", withFilters(params, { cameo: t.key })) },
      `${t.key} ${t.label}`),
    h("span", { class: "count" }, fmt.format(t.events))]);
  $("#overview-events-title").textContent = "Latest events";
  await showEvents($("#overview-events"), [filters], "No events match these filters.");
}

// The chart opens on the periods where the articles are (the server's robust range of their
// dates), not on events recalled from decades back; those (background) are one click away.
function articlesRange(summary, params, filters, interval) {
  const note = $("#overview-range");
  note.replaceChildren();
  if (!summary.articles_start || filters.start || filters.end) return summary.series;
  const button = (label, dates) => h("button", { type: "button", class: "link",
    onclick: () => go("overview", withFilters(params, { dates })) }, label);
  const span = `${summary.articles_start} to ${summary.articles_end}`;
  if (params.get("dates") === "all") {
    note.append(`All dates. The articles are from ${span}. `, button("Articles' dates only", ""));
    return summary.series;
  }
  const inside = (p) => periodEnd(p.period, interval) >= summary.articles_start &&
    p.period <= summary.articles_end;
  const outside = summary.series.filter((p) => !inside(p))
    .reduce((n, p) => n + p.counts.reduce((a, b) => a + b, 0), 0);
  note.append(`Dates of the articles: ${span}. `);
  if (outside) {
    note.append(`${fmt.format(outside)} events dated outside them (background) are not drawn. `,
      button("Show all dates", "all"));
  }
  return summary.series.filter(inside);
}

function dyadQueries(filters, a, b, dir) {
  const ab = { ...filters, source: a, target: b };
  const ba = { ...filters, source: b, target: a };
  return dir === "ab" ? [ab] : dir === "ba" ? [ba] : [ab, ba];
}

async function renderDyad(params, token) {
  const form = $("#dyad-form");
  const a = (params.get("a") || "").toUpperCase();
  const b = (params.get("b") || "").toUpperCase();
  const dir = params.get("dir") || "both";
  form.elements.a.value = a;
  form.elements.b.value = b;
  form.elements.dir.value = dir;
  $("#dyad-body").hidden = !(a && b);
  if (!(a && b)) { status("Choose two actors, e.g. USA and RUS."); return; }
  const filters = filterParams(params);
  const queries = dyadQueries(filters, a, b, dir);
  const query = dir === "both" ? { ...filters, pair: `${a},${b}` } : queries[0];
  const summary = await getJSON("/api/web/summary", { ...query, interval: "month" });
  stillCurrent(token);
  const arrow = dir === "both" ? "↔" : "→";
  const [left, right] = dir === "ba" ? [b, a] : [a, b];
  // people killed only when the events give any count of them
  $("#dyad-title").textContent = `${left} ${arrow} ${right}: ${fmt.format(summary.total)} events` +
    (summary.killed ? `, ${fmt.format(summary.killed)} killed` : "");
  const coop = (p) => p.counts[0] + p.counts[1];
  const conflict = (p) => p.counts[2] + p.counts[3];
  const gCoop = (p) => p.goldstein[0] + p.goldstein[1];
  const gConflict = (p) => p.goldstein[2] + p.goldstein[3];
  const selectPeriod = (point) => {
    const range = periodRange(point, "month", filters);
    $("#dyad-events-title").textContent = `${left} ${arrow} ${right} in ${point.period.slice(0, 7)}`;
    showEvents($("#dyad-events"), queries.map((q) => ({ ...q, ...range }))).catch(fail);
  };
  const describe = (p) => `${p.period.slice(0, 7)}: ${coop(p)} cooperation, ${conflict(p)} conflict` +
    (p.killed ? `, ${p.killed} killed` : "");
  const series = fillPeriods(summary.series, "month");
  barChart($("#dyad-counts"), series, { interval: "month", describe, onSelect: selectPeriod,
    up: (p) => [[p.counts[0], "q1"], [p.counts[1], "q2"]],
    down: (p) => [[p.counts[2], "q3"], [p.counts[3], "q4"]] });
  barChart($("#dyad-goldstein"), series, { interval: "month", onSelect: selectPeriod,
    describe: (p) => `${p.period.slice(0, 7)}: Goldstein ${fmt1.format(gCoop(p))} from cooperation, ` +
      `${fmt1.format(gConflict(p))} from conflict`,
    up: (p) => [[Math.max(0, gCoop(p)), "q2"]],
    down: (p) => [[Math.min(0, gConflict(p)), "q4"]] });
  $("#dyad-table tbody").replaceChildren(...summary.series.map((p) => h("tr", {},
    h("th", { scope: "row" }, p.period.slice(0, 7)), h("td", {}, coop(p)), h("td", {}, conflict(p)),
    h("td", {}, fmt1.format(gCoop(p))), h("td", {}, fmt1.format(gConflict(p))),
    h("td", {}, fmt1.format(gCoop(p) + gConflict(p))),
    h("td", { class: "killed" }, fmt.format(p.killed || 0)),
    h("td", {}, h("button", { type: "button", onclick: () => selectPeriod(p),
      "aria-label": `Events in ${p.period.slice(0, 7)}` }, "Events")))));
  $("#dyad-events-title").textContent = `All ${left} ${arrow} ${right} events`;
  await showEvents($("#dyad-events"), queries, "No events between these actors.");
}

// ---- map -------------------------------------------------------------------------------------

const WORLD = 1000; // the world's width in map units (Web Mercator, like supercluster)
const mapState = { world: null, index: null, view: { x: WORLD / 2, y: WORLD / 2 * 0.72, zoom: 0 },
  filters: null };

function project([lon, lat]) {
  const clamped = Math.max(-85, Math.min(85, lat));
  const sin = Math.sin((clamped * Math.PI) / 180);
  const y = 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
  return [((lon + 180) / 360) * WORLD, y * WORLD];
}

function unproject([x, y]) {
  const lon = (x / WORLD) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / WORLD))) * 180) / Math.PI;
  return [lon, lat];
}

function ringPath(ring) {
  // Keep longitudes continuous where a ring crosses the antimeridian (Russia, Fiji): the shape
  // then runs past the map's edge instead of striping across the whole world.
  let previous = ring[0][0];
  const points = ring.map(([lon, lat]) => {
    while (lon - previous > 180) lon -= 360;
    while (previous - lon > 180) lon += 360;
    previous = lon;
    return project([lon, lat]).map((v) => v.toFixed(1)).join(",");
  });
  return "M" + points.join("L") + "Z";
}

// The map's libraries load only when the map is first shown, to keep the overview light.
const scripts = {};
function loadScript(src) {
  scripts[src] = scripts[src] || new Promise((resolve, reject) => {
    document.head.append(h("script", { src, onload: resolve,
      onerror: () => reject(new Error(`${src} did not load`)) }));
  });
  return scripts[src];
}

async function worldPaths() {
  if (!mapState.world) {
    await Promise.all([loadScript("/static/vendor/topojson-client.min.js"),
      loadScript("/static/vendor/supercluster.min.js")]);
    const topology = await getJSON("/static/vendor/countries-110m.json");
    const land = topojson.feature(topology, topology.objects.countries);
    mapState.world = land.features.map((feature) => {
      const polygons = feature.geometry.type === "Polygon" ? [feature.geometry.coordinates]
        : feature.geometry.coordinates;
      // Antarctica only takes room on a Mercator map.
      if ((feature.properties.name || "") === "Antarctica") return "";
      return polygons.flat().map(ringPath).join("");
    }).join("");
  }
  return mapState.world;
}

async function renderMap(params, token) {
  const filters = filterParams(params);
  const [paths, places] = await Promise.all([worldPaths(), getJSON("/api/web/places", filters)]);
  stillCurrent(token);
  const total = places.reduce((n, p) => n + p.events, 0);
  const killed = places.reduce((n, p) => n + (p.killed || 0), 0);
  $("#map-total").textContent = `(${fmt.format(total)} events at ${fmt.format(places.length)} places` +
    (killed ? `, ${fmt.format(killed)} killed)` : ")");
  mapState.filters = filters;
  mapState.index = new Supercluster({ radius: 45, maxZoom: 12,
    map: (p) => ({ events: p.events, conflict: p.conflict, killed: p.killed || 0 }),
    reduce: (acc, p) => { acc.events += p.events; acc.conflict += p.conflict; acc.killed += p.killed; } });
  mapState.index.load(places.map((place) => ({ type: "Feature",
    geometry: { type: "Point", coordinates: [place.lon, place.lat] },
    properties: { ...place } })));
  const container = $("#map");
  if (!container.querySelector("svg")) {
    container.append(h("svg", { preserveAspectRatio: "xMidYMid meet" },
      h("path", { class: "land", d: paths }), h("g", { class: "clusters" })));
  }
  drawClusters();
}

function mapSize() {
  const box = $("#map").getBoundingClientRect();
  return { width: box.width || 800, height: box.height || 500 };
}

function drawClusters() {
  const svg = $("#map svg");
  if (!svg || !mapState.index) return;
  const { width, height } = mapSize();
  const v = mapState.view;
  const unitsPerPixel = WORLD / (width * 2 ** v.zoom);
  const w = width * unitsPerPixel;
  const hgt = height * unitsPerPixel;
  svg.setAttribute("viewBox", `${v.x - w / 2} ${v.y - hgt / 2} ${w} ${hgt}`);
  const [west, north] = unproject([v.x - w / 2, v.y - hgt / 2]);
  const [east, south] = unproject([v.x + w / 2, v.y + hgt / 2]);
  // supercluster's zoom z means a world 256 * 2^z pixels wide.
  const clusterZoom = Math.max(0, Math.min(16, Math.floor(Math.log2((width * 2 ** v.zoom) / 256))));
  const clusters = mapState.index.getClusters(
    [Math.max(-180, west), Math.max(-85, south), Math.min(180, east), Math.min(85, north)], clusterZoom);
  const layer = svg.querySelector(".clusters");
  const most = Math.max(1, ...clusters.map((c) => c.properties.events));
  // Biggest drawn first, so that they do not hide the small ones.
  clusters.sort((a, b) => b.properties.events - a.properties.events);
  layer.replaceChildren(...clusters.map((c) => clusterMark(c, unitsPerPixel, most)));
}

function clusterMark(cluster, unitsPerPixel, most) {
  const { events, conflict, killed } = cluster.properties;
  const [x, y] = project(cluster.geometry.coordinates);
  // Area in proportion to events, up to 30 px of radius for the biggest in view.
  const r = (7 + 23 * Math.sqrt(events / most)) * unitsPerPixel;
  const name = cluster.properties.cluster ? `${cluster.properties.point_count} places`
    : cluster.properties.name || "a place";
  const label = `${name}: ${events} events, ${conflict} conflict, ${killed || 0} killed`;
  const mark = h("g", { class: "cluster", "aria-label": label }, h("title", {}, label),
    h("circle", { class: "all", cx: x, cy: y, r }));
  if (conflict > 0) {
    // A pie slice for the conflict share, clockwise from 12 o'clock.
    const share = Math.min(conflict / events, 0.9999);
    const angle = share * 2 * Math.PI;
    const [ex, ey] = [x + r * Math.sin(angle), y - r * Math.cos(angle)];
    mark.append(h("path", { class: "conflict",
      d: `M${x},${y}L${x},${y - r}A${r},${r} 0 ${share > 0.5 ? 1 : 0} 1 ${ex},${ey}Z` }));
  }
  mark.append(h("text", { x, y, "font-size": 11 * unitsPerPixel }, events));
  if (killed > 0) {
    // fatalities beside the event count: a dark label under the circle
    mark.append(h("text", { class: "killed", x, y: y + r + 8 * unitsPerPixel,
      "font-size": 10 * unitsPerPixel }, `${fmt.format(killed)} killed`));
  }
  activate(mark, () => {
    const expansion = cluster.properties.cluster
      ? mapState.index.getClusterExpansionZoom(cluster.properties.cluster_id) : null;
    if (expansion !== null && expansion <= 12) {
      const { width } = mapSize();
      Object.assign(mapState.view, { x, y,
        zoom: Math.max(mapState.view.zoom + 1, expansion - Math.log2(width / 256) + 0.01) });
      drawClusters();
    } else {
      listPlaceEvents(cluster, name);
    }
  });
  return mark;
}

function listPlaceEvents(cluster, name) {
  const leaves = cluster.properties.cluster
    ? mapState.index.getLeaves(cluster.properties.cluster_id, Infinity) : [cluster];
  const lons = leaves.map((l) => l.geometry.coordinates[0]);
  const lats = leaves.map((l) => l.geometry.coordinates[1]);
  const pad = 0.0001;
  const bbox = [Math.min(...lons) - pad, Math.min(...lats) - pad, Math.max(...lons) + pad,
    Math.max(...lats) + pad].map((v, i) => Math.max(i % 2 ? -90 : -180, Math.min(i % 2 ? 90 : 180, v)));
  $("#map-events-title").textContent = `Events at ${name}`;
  showEvents($("#map-events"), [{ ...mapState.filters,
    bbox: bbox.map((v) => v.toFixed(6)).join(",") }]).catch(fail);
  $("#map-events-title").scrollIntoView({ block: "nearest" });
}

function setupMapControls() {
  const map = $("#map");
  const zoomBy = (delta) => {
    mapState.view.zoom = Math.max(0, Math.min(8, mapState.view.zoom + delta));
    drawClusters();
  };
  const panBy = (dx, dy) => {
    const { width } = mapSize();
    const unitsPerPixel = WORLD / (width * 2 ** mapState.view.zoom);
    mapState.view.x += dx * unitsPerPixel;
    mapState.view.y += dy * unitsPerPixel;
    drawClusters();
  };
  $("#zoom-in").addEventListener("click", () => zoomBy(1));
  $("#zoom-out").addEventListener("click", () => zoomBy(-1));
  $("#zoom-reset").addEventListener("click", () => {
    Object.assign(mapState.view, { x: WORLD / 2, y: WORLD / 2 * 0.72, zoom: 0 });
    drawClusters();
  });
  map.addEventListener("keydown", (event) => {
    if (event.target !== map) return;
    const moves = { ArrowLeft: [-80, 0], ArrowRight: [80, 0], ArrowUp: [0, -80], ArrowDown: [0, 80] };
    if (moves[event.key]) { event.preventDefault(); panBy(...moves[event.key]); }
    if (event.key === "+" || event.key === "=") zoomBy(1);
    if (event.key === "-") zoomBy(-1);
  });
  let drag = null;
  map.addEventListener("pointerdown", (event) => {
    if (event.target.closest(".cluster")) return;
    drag = { x: event.clientX, y: event.clientY };
    map.setPointerCapture(event.pointerId);
  });
  map.addEventListener("pointermove", (event) => {
    if (!drag) return;
    panBy(drag.x - event.clientX, drag.y - event.clientY);
    drag = { x: event.clientX, y: event.clientY };
  });
  map.addEventListener("pointerup", () => { drag = null; });
  map.addEventListener("wheel", (event) => {
    event.preventDefault();
    zoomBy(event.deltaY < 0 ? 0.5 : -0.5);
  }, { passive: false });
}

// ---- event detail ----------------------------------------------------------------------------

function field(label, ...value) { return [h("dt", {}, label), h("dd", {}, ...value)]; }

function actorField(actor) {
  if (!actor) return "—";
  return `${actor.code}${actor.name ? ` (${actor.name})` : ""}`;
}

// The article text with the mention's sentence in <mark> and its trigger in <strong>.
function markedText(text, span) {
  const { sentence_start: s0, sentence_end: s1, trigger_start: t0, trigger_end: t1 } = span;
  if (s0 === null || s1 === null || s1 > text.length) return [text];
  const sentence = h("mark", { class: "sentence" });
  if (t0 !== null && t1 !== null && t0 >= s0 && t1 <= s1) {
    sentence.append(text.slice(s0, t0), h("strong", { class: "trigger" }, text.slice(t0, t1)),
      text.slice(t1, s1));
  } else {
    sentence.append(text.slice(s0, s1));
  }
  return [text.slice(0, s0), sentence, text.slice(s1)];
}

// Only http(s) addresses become links: a stored "javascript:" URL would run on click.
function webURL(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

async function renderEvent(eventId, token) {
  const [event, spans] = await Promise.all([
    getJSON(`/api/events/${encodeURIComponent(eventId)}`),
    getJSON(`/api/web/spans/${encodeURIComponent(eventId)}`)]);
  await reference;
  const articleIds = [...new Set(event.mentions.map((m) => m.article_id))];
  const articles = Object.fromEntries(await Promise.all(articleIds.map(async (id) =>
    [id, await getJSON(`/api/articles/${encodeURIComponent(id)}`)])));
  stillCurrent(token);
  const name = cameoNames[event.cameo] || "";
  const quad = QUADS[event.quad_class - 1];
  $("#event-title").textContent =
    `${actorText(event.source)} → ${actorText(event.target)}: ${name || "CAMEO " + event.cameo}`;
  document.title = `${$("#event-title").textContent} · eventwire`;
  const loc = event.location;
  $("#event-fields").replaceChildren(
    ...field("Date", event.date || "undated"),
    ...field("CAMEO", `${event.cameo} ${name}` + (event.cameo_root !== event.cameo
      ? ` (root ${event.cameo_root} ${cameoNames[event.cameo_root] || ""})` : "")),
    ...field("QuadClass", h("span", { class: `chip ${quad.cls}` }), `${event.quad_class} ${quad.label}`),
    ...field("Goldstein", String(event.goldstein)),
    ...field("PLOVER", [event.plover, event.plover_mode].filter(Boolean).join(" / ") || "—"),
    ...field("Source", actorField(event.source)),
    ...field("Target", actorField(event.target)),
    ...field("Place", loc ? `${loc.name}${loc.country ? ", " + loc.country : ""}` +
      (loc.lat !== null ? ` (${loc.lat.toFixed(2)}, ${loc.lon.toFixed(2)})` : "") : "—"),
    ...field("Negated / modality", `${event.negated ? "negated" : "no"} / ${event.modality || "—"}`),
    ...field("Mentions", `${event.num_mentions} in ${event.num_articles} articles from ` +
      `${event.num_sources} sources`),
    ...field("First seen", event.first_seen || "—", " ",
      webURL(event.first_url) ? h("a", { href: webURL(event.first_url), rel: "noopener noreferrer" },
        "original article") : ""),
    ...field("Event id", event.event_id));
  $("#mentions-title").textContent = `Mentions (${event.mentions.length})`;
  // Why a mention was merged into this event (the store's merge evidence); none for the first.
  const mergeReason = (mention) => {
    const e = mention.merge_evidence;
    if (!e) return null;
    return h("p", { class: "small merge-evidence" },
      [`Merged (score ${Number(mention.merge_score).toFixed(1)})`, `actors: ${e.actors}`,
        `place: ${e.place}`, `${e.days_apart} day(s) apart`,
        e.same_code ? "same CAMEO code" : null,
        e.shared && e.shared.length ? `shared words: ${e.shared.join(", ")}` : null]
        .filter(Boolean).join(" · "));
  };
  const spanById = Object.fromEntries(spans.map((s) => [s.mention_id, s]));
  $("#event-mentions").replaceChildren(...event.mentions.map((mention, i) => {
    const article = articles[mention.article_id];
    const span = spanById[mention.mention_id] || {};
    const text = span.in_title ? article.title || "" : article.text;
    const box = h("div", { class: "article-text", tabindex: "0",
      "aria-label": `Text of ${article.title || "the article"}, the sentence highlighted` },
    ...markedText(text, span));
    return h("article", { class: "mention", "aria-labelledby": `mention-${i}` },
      h("h4", { id: `mention-${i}` }, mention.article_title || mention.article_id),
      h("p", { class: "meta" },
        [mention.publisher, mention.article_date, `sentence ${mention.sentence_index + 1}`,
          mention.trigger ? `trigger “${mention.trigger}”` : null, `CAMEO ${mention.cameo}`]
          .filter(Boolean).join(" · "), " · ",
        webURL(mention.article_url)
          ? h("a", { href: webURL(mention.article_url), rel: "noopener noreferrer" },
            "original article ↗") : "no URL"),
      span.in_title ? h("p", { class: "small muted" }, "Reported in the headline:") : null,
      mergeReason(mention),
      box,
      span.sentence_start === undefined || span.sentence_start === null
        ? h("p", { class: "small" }, "Sentence: ", h("mark", { class: "sentence" }, mention.sentence))
        : null);
  }));
  // Bring each highlighted sentence into view inside its own scrolling box.
  for (const box of document.querySelectorAll("#event-mentions .article-text")) {
    const mark = box.querySelector("mark");
    if (mark) box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - 40);
  }
}

// ---- wiring ----------------------------------------------------------------------------------

function fail(error) {
  if (!(error instanceof Superseded)) status(`Could not load: ${error.message}`, true);
}

// Each render (a new address) supersedes the ones still waiting for answers: they stop drawing.
let renderToken = 0;
class Superseded extends Error {}
function stillCurrent(token) {
  if (token !== renderToken) throw new Superseded("superseded");
}
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
