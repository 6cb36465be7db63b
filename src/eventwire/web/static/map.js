// eventwire dashboard: the map view, places clustered by supercluster over Natural Earth's
// countries (uses core.js and events.js; the libraries load when the map is first shown).
"use strict";

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
