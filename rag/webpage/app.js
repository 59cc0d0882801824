// The page's only script: asks the JSON API of the server that served it, and renders
// answers, paragraphs in context and the document list. No framework, no third-party code.
"use strict";

const $ = (sel) => document.querySelector(sel);
const token = (() => {
  const given = new URLSearchParams(location.search).get("token");
  if (given) sessionStorage.setItem("rag-token", given);
  return sessionStorage.getItem("rag-token");
})();

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (v !== null && v !== undefined && v !== false) node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c !== null && c !== undefined && c !== false) node.append(c instanceof Node ? c : String(c));
  }
  return node;
}

async function call(path, options = {}) {
  const headers = Object.assign({}, options.headers || {});
  if (token) headers["Authorization"] = "Bearer " + token;
  return fetch(path, Object.assign({}, options, { headers }));
}

async function api(path, options = {}) {
  const response = await call(path, options);
  let data;
  try { data = await response.json(); } catch (e) { data = { error: response.statusText, type: "HTTPError" }; }
  if (!response.ok) throw new Error(data.error || response.statusText);
  return data;
}

function filters() {
  const out = {};
  for (const name of ["symbol", "body", "year"]) {
    const v = $("#f-" + name).value.trim();
    if (v) out[name] = v;
  }
  return out;
}

function say(text, kind = "") {
  const box = $("#status");
  box.textContent = text;
  box.className = kind;
}

// The paragraph with the quote marked inside it (the quote is verbatim, so found as is;
// a quote that spans a changed space is matched with any run of spaces).
function highlighted(text, quote) {
  const p = el("p", { class: "paragraph-text" });
  if (!quote) { p.textContent = text; return p; }
  let start = text.indexOf(quote), length = quote.length;
  if (start < 0) {
    const pattern = quote.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\s+");
    const m = new RegExp(pattern).exec(text);
    if (m) { start = m.index; length = m[0].length; }
  }
  if (start < 0) { p.textContent = text; return p; }
  p.append(text.slice(0, start), el("mark", {}, text.slice(start, start + length)), text.slice(start + length));
  return p;
}

function footnotes(notes) {
  if (!notes || !notes.length) return null;
  return el("ul", { class: "footnotes", "aria-label": "Footnotes" },
    notes.map((f) => el("li", {}, el("span", { class: "marker" }, f.marker), " ", f.text || "")));
}

function where(item) {
  return [item.page ? "p. " + item.page : "", item.section || ""].filter(Boolean).join(" · ");
}

function copyButton(citation) {
  return el("button", {
    type: "button", class: "copy", "aria-label": "Copy the citation " + citation,
    onclick: async (ev) => {
      try {
        await navigator.clipboard.writeText(citation);
      } catch (e) {  // no clipboard permission (plain http): select the text instead
        const range = document.createRange();
        range.selectNodeContents(ev.target.parentElement.querySelector("cite"));
        const sel = getSelection(); sel.removeAllRanges(); sel.addRange(range);
      }
      ev.target.textContent = "Copied";
      setTimeout(() => { ev.target.textContent = "Copy citation"; }, 1500);
    },
  }, "Copy citation");
}

function contextButton(item, target) {
  return el("button", {
    type: "button", class: "context", "aria-expanded": "false",
    onclick: (ev) => openInContext(item, target, ev.target),
  }, "Read in context");
}

function sourceLink(item) {
  const params = new URLSearchParams({ symbol: item.symbol });
  const page = String(item.page || "").split(/[-–]/)[0];
  return el("a", { class: "source", href: "/source?" + params + (page ? "#page=" + page : ""), target: "_blank", rel: "noopener" },
    "Source file" + (page ? ", page " + page : ""));
}

async function openInContext(item, target, button) {
  if (button.getAttribute("aria-expanded") === "true") {
    target.replaceChildren(); button.setAttribute("aria-expanded", "false"); button.textContent = "Read in context";
    return;
  }
  const paragraph = item.running ? (item.page ? "p. " + item.page + ", " : "") + "¶ " + item.paragraph : item.paragraph;
  const params = new URLSearchParams({ symbol: item.symbol, paragraph, context: "2" });
  if (item.annex) params.set("annex", item.annex);
  if (item.part) params.set("part", item.part);
  try {
    const shown = await api("/show?" + params);
    const block = (p, current) => el("div", { class: current ? "in-context current" : "in-context" },
      el("div", { class: "cite-line" }, el("cite", {}, p.citation), p.section ? el("span", { class: "section" }, p.section) : null),
      el("p", {}, p.text));
    target.replaceChildren(
      el("p", { class: "section-path" }, shown.section || "(no section heading)"),
      ...shown.before.map((p) => block(p, false)), block(shown, true), ...shown.after.map((p) => block(p, false)));
    button.setAttribute("aria-expanded", "true"); button.textContent = "Close context";
  } catch (e) {
    target.replaceChildren(el("p", { class: "error" }, e.message));
  }
}

function renderAnswer(result) {
  const box = $("#answer");
  box.hidden = false;
  if (result.abstained) {
    const parts = [el("h3", {}, "No paragraph supports an answer"), el("p", { class: "abstain" }, result.answer)];
    const named = result.closest || result.nearest;  // the answer names it (what differs, or too weak); let the reader see it
    if (named) {
      if (named.quote) parts.push(el("p", { class: "closest-quote" }, "It reads: “" + named.quote + "”"));
      const context = el("div", { class: "context-box" });
      parts.push(el("div", { class: "actions" }, contextButton(named, context)), context);
    }
    box.className = "abstained";
    box.replaceChildren(...parts);
    return null;
  }
  const top = result.citations[0];
  const context = el("div", { class: "context-box" });
  box.className = "answered";
  box.replaceChildren(...[
    el("blockquote", { class: "quote" }, "“" + top.quote + "”"),
    el("div", { class: "cite-line" }, el("cite", { id: "answer-citation" }, top.citation), copyButton(top.citation),
      el("a", { class: "permalink", href: permalink() }, "Permalink")),
    el("p", { class: "where" }, where(top)),
    highlighted(top.text, top.quote),
    footnotes(top.footnotes),
    el("div", { class: "actions" }, contextButton(top, context), sourceLink(top)),
    context].filter(Boolean));
  return top.citation;
}

function renderHits(hits, cited) {
  const list = $("#hits");
  const others = hits.filter((h) => h.citation !== cited);
  list.replaceChildren(...others.map((h) => {
    const context = el("div", { class: "context-box" });
    return el("li", { class: "hit" },
      el("div", { class: "cite-line" }, el("cite", {}, h.citation), copyButton(h.citation)),
      el("p", { class: "where" }, where(h)),
      el("p", { class: "paragraph-text" }, h.text.length > 600 ? h.text.slice(0, 600) + "…" : h.text),
      el("div", { class: "actions" }, contextButton(h, context), sourceLink(h)),
      context);
  }));
  $("#others").hidden = others.length === 0;
}

function digestItem(item) {
  return el("li", { class: "digest-item" },
    el("blockquote", { class: "quote" }, "“" + item.quote + "”"),
    el("div", { class: "cite-line" }, el("cite", {}, item.citation), copyButton(item.citation)),
    item.also.length ? el("p", { class: "where" }, "Also: " + item.also.join("; ")) : null);
}

function renderDigest(groups) {
  $("#digest-groups").replaceChildren(...(groups || []).map((g) => el("section", { class: "digest-group" },
    el("h4", {}, [g.symbol, g.date, g.title].filter(Boolean).join(" · ")),
    el("ul", {}, g.items.map(digestItem)))));
  $("#digest").hidden = !groups || groups.length === 0;
}

// The language model's answer: its text as it streams in, then each sentence as checked, a
// sentence without a supported citation dimmed and marked as such.
function renderChecked(generated) {
  const box = $("#generated-text");
  box.removeAttribute("aria-busy");
  box.classList.remove("stopped");
  box.replaceChildren(...generated.sentences.map((s) => {
    const cites = s.citations.map((c) => el("cite", { class: "inline-cite" }, " [" + c + "]"));
    const kind = s.supported ? "supported" : s.declines ? "declines" : "unsupported";
    return el("span", { class: "sentence " + kind },
      s.text, cites, kind === "unsupported" ? el("span", { class: "flag" }, " [unsupported]") : null, " ");
  }));
  const removed = generated.sentences.flatMap((s) => s.removed.map((r) => "Removed " + r.citation + ": " + r.why + "."));
  $("#generated-removed").replaceChildren(...removed.map((r) => el("li", {}, r)));
  $("#generated-note").textContent = "Written by " + generated.model + " from " + generated.sent.length +
    " paragraphs; " + generated.sentences.filter((s) => !s.supported && !s.declines).length + " sentence(s) not supported.";
}

function onEvent(kind, data, state) {
  if (kind === "answer") {
    state.cited = renderAnswer(data);
    renderDigest(state.digest && !data.abstained ? data.digest : null);
  } else if (kind === "text") {
    $("#generated").hidden = false;
    $("#generated-text").setAttribute("aria-busy", "true");  // announced once checked, not piece by piece
    $("#generated-text").append(data.text);
  } else if (kind === "generated") {
    $("#generated").hidden = false;
    renderChecked(data);
  } else if (kind === "note") {
    $("#generated").hidden = false;
    $("#generated-text").replaceChildren();
    $("#generated-note").textContent = "No written answer: " + data.note + ".";
  } else if (kind === "error") {  // the extractive answer stays; the written one failed
    $("#generated").hidden = false;
    const box = $("#generated-text");
    box.removeAttribute("aria-busy");
    if (box.textContent) box.classList.add("stopped");  // what came before the failure, unchecked: dimmed
    $("#generated-note").textContent = "No written answer: " + data.error +
      (box.textContent ? " (the text above stopped short and was not checked)" : "");
    state.failed = data.error;
  }
}

// POST /ask/stream and handle its server-sent events as they arrive.
async function askStreaming(body, state) {
  const response = await call("/ask/stream", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) {
    let data = {};
    try { data = await response.json(); } catch (e) { /* not JSON */ }
    throw new Error(data.error || response.statusText);
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let at;
    while ((at = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, at);
      buffer = buffer.slice(at + 2);
      const kind = (block.match(/^event: (.*)$/m) || [])[1];
      const data = (block.match(/^data: (.*)$/m) || [])[1];
      if (kind && data) onEvent(kind, JSON.parse(data), state);
    }
  }
}

function permalink() {
  const params = new URLSearchParams(Object.assign({ q: $("#question").value.trim() }, filters()));
  if ($("#f-digest").checked) params.set("digest", "1");
  if ($("#f-generate").checked) params.set("generate", "1");
  return location.pathname + "?" + params + "#ask";
}

async function ask(event) {
  if (event) event.preventDefault();
  const question = $("#question").value.trim();
  if (!question) { say("Type a question first.", "error"); return; }
  history.replaceState(null, "", permalink());
  say("Searching…");
  $("#ask-button").disabled = true;
  try {
    const f = filters();
    const digest = $("#f-digest").checked;
    const generate = $("#f-generate").checked && !$("#generate-option").hidden;
    $("#generated").hidden = true;
    $("#generated-text").replaceChildren();
    $("#generated-text").classList.remove("stopped");
    $("#generated-removed").replaceChildren();
    $("#generated-note").textContent = "";
    if (generate) {
      const state = { digest, cited: null };
      $("#others").hidden = true;
      await askStreaming(Object.assign({ question, digest }, f), state);
      if (state.failed) say(state.failed, "error");
      else say(state.cited ? "Answered from " + state.cited + "." : "No answer: see why below.");
      return;
    }
    const [result, found] = await Promise.all([
      api("/ask", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(Object.assign({ question, digest }, f)) }),
      digest ? null : api("/search?" + new URLSearchParams(Object.assign({ q: question, k: "6" }, f))),
    ]);
    const cited = renderAnswer(result);
    renderDigest(digest && !result.abstained ? result.digest : null);
    if (found) renderHits(found.hits, cited); else $("#others").hidden = true;
    say(result.abstained ? "No answer: see why below." : "Answered from " + cited + ".");
  } catch (e) {
    $("#answer").hidden = true; $("#others").hidden = true; $("#digest").hidden = true;
    say(e.message, "error");
  } finally {
    $("#ask-button").disabled = false;
  }
}

let documentsLoaded = null;
async function loadDocuments() {
  if (!documentsLoaded) documentsLoaded = api("/documents");
  const data = await documentsLoaded;
  const bodies = new Set();
  const rows = data.documents.map((d) => {
    d.body.split(";").forEach((b) => b.trim() && bodies.add(b.trim()));
    return el("tr", { "data-text": (d.symbols.join(" ") + " " + d.title).toLowerCase() },
      el("th", { scope: "row" }, d.symbol),
      el("td", {}, d.title || "—"),
      el("td", {}, d.date || "—"),
      el("td", { class: "num" }, d.paragraphs),
      el("td", {}, el("button", { type: "button", onclick: () => searchIn(d.symbol) }, "Search in it")));
  });
  $("#doc-table tbody").replaceChildren(...rows);
  $("#bodies").replaceChildren(...[...bodies].sort().map((b) => el("option", { value: b })));
}

function searchIn(symbol) {
  $("#f-symbol").value = symbol;
  history.pushState(null, "", "#ask");
  route();
  $("#question").focus();
  say("Questions now search " + symbol + " only (clear the symbol filter to search everything).");
}

function filterDocuments() {
  const words = $("#doc-filter").value.trim().toLowerCase().split(/\s+/).filter(Boolean);
  for (const row of $("#doc-table tbody").rows) {
    row.hidden = !words.every((w) => row.dataset.text.includes(w));
  }
}

function route() {
  const docs = location.hash === "#documents";
  $("#ask-view").hidden = docs;
  $("#documents-view").hidden = !docs;
  $("#nav-ask").toggleAttribute("aria-current", !docs);
  $("#nav-documents").toggleAttribute("aria-current", docs);
  if (docs) loadDocuments().catch((e) => say(e.message, "error"));
}

document.addEventListener("DOMContentLoaded", () => {
  $("#ask-form").addEventListener("submit", ask);
  $("#doc-filter").addEventListener("input", filterDocuments);
  window.addEventListener("hashchange", route);
  route();
  loadDocuments().catch(() => {});  // fills the body suggestions
  const params = new URLSearchParams(location.search);
  for (const name of ["symbol", "body", "year"]) if (params.get(name)) $("#f-" + name).value = params.get(name);
  $("#f-digest").checked = params.get("digest") === "1";
  $("#f-generate").checked = params.get("generate") === "1";
  const ready = api("/status").then((st) => {  // a written answer is offered where the server has a language model
    if (st.language_model) { $("#llm-name").textContent = st.language_model; $("#generate-option").hidden = false; }
  }).catch(() => {});
  if (params.get("q")) { $("#question").value = params.get("q"); ready.then(() => ask()); }
  else $("#question").focus();
});
