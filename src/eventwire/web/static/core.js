// eventwire dashboard, shared by the other scripts: element and number helpers, the API client,
// routing (#/view/arg?filters) and the filters, and what a render needs to know it still counts.
// The page loads core.js, charts.js, events.js, views.js, map.js and app.js in this order
// (classic deferred scripts share one global scope); app.js starts the page.
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

// ---- renders: a newer one supersedes those still waiting ---------------------------------------

function fail(error) {
  if (!(error instanceof Superseded)) status(`Could not load: ${error.message}`, true);
}

// Each render (a new address) supersedes the ones still waiting for answers: they stop drawing.
let renderToken = 0;
class Superseded extends Error {}
function stillCurrent(token) {
  if (token !== renderToken) throw new Superseded("superseded");
}
