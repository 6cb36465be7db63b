// eventwire dashboard: periods of time and the bar charts drawn over them (uses core.js).
"use strict";

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
