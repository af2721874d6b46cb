// creditFlows as a Sankey: issuance into holders, and on to retirement or cancellation,
// grouped by organization, country, registry or account kind, over a date window.
import { gql, h, table } from "./app.js";

const FLOWS = `query($by: FlowGrouping!, $from: Date, $to: Date, $q: [DataQuality!]) {
  creditFlows(groupBy: $by, fromDate: $from, toDate: $to, dataQuality: $q) {
    nodes { key label } links { source target quantity transactions } issued withinGroups
    dataQualities } }`;
const GROUPINGS = [["ORGANIZATION", "organization"], ["COUNTRY", "country"],
  ["REGISTRY", "registry"], ["ACCOUNT_KIND", "account kind"]];

function drawSankey(container, flows) {
  const label = Object.fromEntries(flows.nodes.map((n) => [n.key, n.label]));
  // A Sankey must not loop: a group that sends credits to itself is counted apart.
  const links = flows.links.filter((l) => l.source !== l.target);
  const used = new Set(links.flatMap((l) => [l.source, l.target]));
  const chart = echarts.init(container, null, { renderer: "svg" });
  chart.setOption({
    aria: { enabled: true },
    tooltip: { trigger: "item" },
    series: [{
      type: "sankey", emphasis: { focus: "adjacency" }, nodeGap: 12,
      data: [...used].map((key) => ({ name: key, label: { formatter: label[key] || key } })),
      links: links.map((l) => ({ source: l.source, target: l.target, value: l.quantity })),
    }],
  });
  new ResizeObserver(() => chart.resize()).observe(container);
  return links;
}

export async function flowsView() {
  const by = h("select", { id: "group-by" },
    GROUPINGS.map(([value, text]) => h("option", { value }, text)));
  const from = h("input", { id: "from", type: "date" });
  const to = h("input", { id: "to", type: "date" });
  const withIllustrative = h("input", { id: "illustrative", type: "checkbox" });
  const out = h("div", { id: "flows" });
  async function load() {
    const qualities = withIllustrative.checked ? ["OFFICIAL", "SECONDARY", "ILLUSTRATIVE"] : null;
    const flows = (await gql(FLOWS, { by: by.value, from: from.value || null,
      to: to.value || null, q: qualities })).data.creditFlows;
    const canvas = h("div", { class: "chart", id: "sankey", role: "img" });
    const label = Object.fromEntries(flows.nodes.map((n) => [n.key, n.label]));
    out.replaceChildren(
      h("p", {}, `${flows.issued.toLocaleString("en")} tCO2e issued in the window; `,
        `${flows.withinGroups.toLocaleString("en")} tCO2e moved within a group. `,
        `Data qualities counted: ${flows.dataQualities.join(", ")}.`),
      canvas,
      h("h2", {}, "The flows as a table"),
      table(["From", "To", "tCO2e", "Transactions"], flows.links.map((l) => [
        label[l.source] || l.source, label[l.target] || l.target,
        l.quantity.toLocaleString("en"), l.transactions])));
    requestAnimationFrame(() => {
      const drawn = drawSankey(canvas, flows);
      const sum = drawn.reduce((total, l) => total + l.quantity, 0);
      canvas.dataset.linkSum = String(sum);
      canvas.setAttribute("aria-label", `Sankey of credit flows: ${drawn.length} links, ${
        sum} tCO2e`);
    });
  }
  const form = h("form", { class: "controls", "aria-label": "Flow options", onsubmit: (e) => {
    e.preventDefault(); load();
  } },
  h("label", { for: "group-by" }, "Group by", by),
  h("label", { for: "from" }, "From", from),
  h("label", { for: "to" }, "To", to),
  h("label", { for: "illustrative" }, "Include illustrative moves", withIllustrative),
  h("button", { type: "submit" }, "Show"));
  await load();
  return [h("h1", {}, "Credit flows"), form, out];
}
