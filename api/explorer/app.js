// The explorer's shell: routing by path (so every view has a link a researcher can cite),
// the GraphQL client and small DOM helpers. Every view reads the public GraphQL API only.
import { searchView } from "./search.js";
import { projectView } from "./project.js";
import { traceView } from "./trace.js";
import { flowsView } from "./flows.js";
import { overviewView } from "./overview.js";
import { methodologyView, organizationView } from "./entity.js";

const ROUTES = [
  [/^\/explore\/?$/, searchView],
  [/^\/explore\/project\/(.+)$/, projectView],
  [/^\/explore\/trace\/(.+)$/, traceView],
  [/^\/explore\/organization\/(.+)$/, organizationView],
  [/^\/explore\/methodology\/(.+)$/, methodologyView],
  [/^\/explore\/flows\/?$/, flowsView],
  [/^\/explore\/overview\/?$/, overviewView],
];

const TOKEN_KEY = "jcm-explorer-token";

export async function gql(query, variables = {}) {
  const headers = { "Content-Type": "application/json", Accept: "application/json" };
  const token = localStorage.getItem(TOKEN_KEY);
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch("/graphql", {
    method: "POST", headers, body: JSON.stringify({ query, variables }),
  });
  if (response.status === 401) {
    throw new Error("This API needs a token to read: enter one under “API token” above.");
  }
  const body = await response.json();
  if (!body.data) {
    throw new Error((body.errors || []).map((e) => e.message).join("; ") || response.statusText);
  }
  return body;
}

// h("a", {href: "/x"}, "text", child): an element; strings become text nodes (never HTML).
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function badge(quality) {
  const text = quality === "ILLUSTRATIVE" ? "ILLUSTRATIVE: not real" : quality;
  return h("span", { class: `badge q-${quality}`, title: `data quality: ${quality}` }, text);
}

export function link(path, text) {
  return h("a", { href: path, "data-nav": true }, text);
}

export function sourceList(sources) {
  const urls = (sources || []).map((s) => (typeof s === "string" ? s : s.url));
  if (!urls.length) return h("span", { class: "muted" }, "no source");
  return h(
    "ul",
    { class: "sources" },
    urls.map((url) =>
      h("li", {}, url.startsWith("http") ? h("a", { href: url, rel: "noreferrer" }, url) : url),
    ),
  );
}

export function table(headers, rows, caption) {
  return h(
    "div",
    { class: "scroll" },
    h(
      "table",
      {},
      caption ? h("caption", { class: "muted" }, caption) : null,
      h("thead", {}, h("tr", {}, headers.map((x) => h("th", { scope: "col" }, x)))),
      h("tbody", {}, rows.map((r) => h("tr", {}, r.map((cell) => h("td", {}, cell ?? ""))))),
    ),
  );
}

export function navigate(path) {
  history.pushState({}, "", path);
  render();
}

async function render() {
  const main = document.getElementById("main");
  const path = decodeURI(location.pathname);
  for (const [pattern, view] of ROUTES) {
    const match = path.match(pattern);
    if (!match) continue;
    main.replaceChildren(h("p", {}, "Loading…"));
    try {
      main.replaceChildren(...[await view(...match.slice(1))].flat());
    } catch (error) {
      main.replaceChildren(h("p", { class: "error", role: "alert" }, error.message));
    }
    document.title = `${main.querySelector("h1")?.textContent || "JCM Graph"} – explorer`;
    return;
  }
  main.replaceChildren(h("p", { class: "error" }, `No view at ${path}.`));
}

document.addEventListener("click", (event) => {
  const anchor = event.target.closest("a[data-nav]");
  if (!anchor || event.ctrlKey || event.metaKey || event.shiftKey) return;
  event.preventDefault();
  navigate(anchor.getAttribute("href"));
  document.getElementById("main").focus();
});
window.addEventListener("popstate", render);
document.getElementById("token-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const value = document.getElementById("token").value.trim();
  if (value) localStorage.setItem(TOKEN_KEY, value);
  else localStorage.removeItem(TOKEN_KEY);
  document.getElementById("token-box").open = false;
  render();
});
render();
