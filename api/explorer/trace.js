// Provenance of one unit: project -> issuance -> series -> the blocks it was split through ->
// each transaction -> its holder, with Article 6.2 authorization and adjustment status and the
// gaps the record does not show. Drawn with ECharts; the same chain is listed as a table.
import { badge, gql, h, link, sourceList, table } from "./app.js";

const TRACE = `query($serial: String!, $asOf: Date) { traceCredit(serial: $serial, asOf: $asOf) {
  serial series unit asOf status adjustmentStatus gaps dataQuality
  holder { key name kind registry owner }
  lineage { key firstSerial lastSerial quantity status }
  history { seq on kind first last quantity international firstTransfer purpose beneficiary
            dataQuality sources { url }
            fromAccount { key owner registry } toAccount { key owner registry kind } }
  seriesInfo { key registry quantity dataQuality basis }
  issuance { key decidedOn notifiedTotal dataQuality sources { url } }
  project { ref title dataQuality }
  authorizations { key party on purposes }
} }`;

// Each node: {id, name, category, details}; the chain is linear with splits and moves.
export function chain(t) {
  const nodes = [];
  const links = [];
  const add = (id, name, category, details, from) => {
    nodes.push({ id, name, category, details });
    if (from) links.push({ source: from, target: id });
    return id;
  };
  let last = null;
  if (t.project) last = add(`project:${t.project.ref}`, t.project.ref, "project", t.project);
  if (t.issuance) last = add(`issuance:${t.issuance.key}`, t.issuance.key, "issuance",
    t.issuance, last);
  if (t.seriesInfo) last = add(`series:${t.seriesInfo.key}`, t.seriesInfo.key, "series",
    t.seriesInfo, last);
  let block = last;
  for (const b of t.lineage) block = add(`block:${b.key}`, b.key.split("/")[1], "block", b, block);
  let step = last;
  for (const s of t.history) {
    step = add(`tx:${s.seq}`, `${s.kind.toLowerCase()} ${s.on}`, "transaction", s, step);
  }
  if (t.holder) add(`holder:${t.holder.key}`, t.holder.owner || t.holder.key, "holder", t.holder,
    step);
  for (const a of t.authorizations) add(`auth:${a.key}`, `${a.key} (${a.party})`,
    "authorization", a, last);
  return { nodes, links };
}

function draw(container, graph, onPick) {
  const categories = ["project", "issuance", "series", "block", "transaction", "holder",
    "authorization"].map((name) => ({ name }));
  const chart = echarts.init(container, null, { renderer: "svg" });
  chart.setOption({
    aria: { enabled: true },
    legend: [{ data: categories.map((c) => c.name), bottom: 0 }],
    tooltip: { formatter: (p) => (p.dataType === "node" ? `${p.data.category}: ${p.data.name}`
      : "") },
    series: [{
      type: "graph", layout: "force", roam: true, draggable: true, categories,
      force: { repulsion: 260, edgeLength: 70 },
      label: { show: true, position: "right", fontSize: 11 },
      edgeSymbol: ["none", "arrow"], symbolSize: 18,
      data: graph.nodes.map((n) => ({ ...n, category: categories.findIndex((c) => c.name
        === n.category), categoryName: n.category })),
      links: graph.links,
    }],
  });
  chart.on("click", (p) => p.dataType === "node" && onPick(graph.nodes[p.dataIndex]));
  new ResizeObserver(() => chart.resize()).observe(container);
}

function details(node) {
  const d = node.details;
  const rows = Object.entries(d).filter(([k, v]) => v !== null && typeof v !== "object"
    && k !== "__typename").map(([k, v]) => [h("dt", {}, k), h("dd", {}, String(v))]);
  return [h("h2", {}, `${node.category}: ${node.name}`), h("dl", { class: "facts" }, rows),
    d.dataQuality ? badge(d.dataQuality) : null, d.sources ? sourceList(d.sources) : null];
}

export async function traceView(serialPath, asOf = null) {
  const serial = decodeURIComponent(serialPath);
  const query = new URLSearchParams(location.search);
  const on = asOf || query.get("asOf") || null;
  const t = (await gql(TRACE, { serial, asOf: on })).data.traceCredit;
  const graph = chain(t);
  const panel = h("section", { class: "panel", "aria-live": "polite", id: "node-details" },
    h("p", { class: "muted" }, "Click a node (or a row below) to see its details."));
  const pick = (node) => panel.replaceChildren(...details(node).filter(Boolean));
  const canvas = h("div", { class: "chart", id: "provenance-graph", role: "img",
    "aria-label": `Provenance graph of ${serial}: ${graph.nodes.length} nodes`,
    "data-node-count": graph.nodes.length });
  const date = h("input", { id: "as-of", type: "date", value: on || "" });
  const form = h("form", { class: "controls", onsubmit: (e) => {
    e.preventDefault();
    const suffix = date.value ? `?asOf=${date.value}` : "";
    history.pushState({}, "", `/explore/trace/${encodeURIComponent(serial)}${suffix}`);
    traceView(serialPath, date.value || null).then((view) =>
      document.getElementById("main").replaceChildren(...view));
  } }, h("label", { for: "as-of" }, "As of", date), h("button", { type: "submit" }, "Show"));
  const view = [
    h("h1", {}, `Provenance of ${t.serial}`),
    t.dataQuality === "ILLUSTRATIVE"
      ? h("p", { class: "notice" }, "This ledger is ILLUSTRATIVE: made up, not real.") : null,
    h("p", {}, `Status ${t.status.toLowerCase()}`, t.asOf ? ` as of ${t.asOf}` : "",
      `; corresponding adjustment: ${t.adjustmentStatus.toLowerCase().replaceAll("_", " ")}. `,
      t.project ? link(`/explore/project/${t.project.ref}`, `Project ${t.project.ref}`) : "",
      " ", badge(t.dataQuality)),
    form,
    h("div", { class: "split" }, canvas, panel),
    h("h2", {}, "The chain, step by step"),
    table(["Node", "Kind", "Details"], graph.nodes.map((n) => [
      h("button", { type: "button", class: "node-row", onclick: () => pick(n) }, n.name),
      n.category, n.details.on || n.details.key || n.details.ref || ""])),
    h("h2", {}, "What the record does not show"),
    t.gaps.length ? h("ul", {}, t.gaps.map((g) => h("li", {}, g)))
      : h("p", { class: "muted" }, "No gap is known."),
  ].filter(Boolean);
  requestAnimationFrame(() => draw(canvas, graph, pick));
  return view;
}
