// eventwire dashboard: lists of events (paged on with "More") and one event's page with its
// mentions, each in its article's text (uses core.js).
"use strict";

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
