// eventwire dashboard: the overview and dyad views (uses core.js, charts.js and events.js).
"use strict";

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
