// The programme at a glance: projects and credits by country, progress against the JCM's
// public targets, and the integrity findings with links to what they concern.
import { badge, gql, h, link, sourceList, table } from "./app.js";

const OVERVIEW = `{
  stats(groupBy: [COUNTRY]) { country projectCount creditsNotified creditsIssued }
  jcmProgress {
    partners { partner name signedOn partnerCount }
    projectsByStage { status projects official }
    creditsByYear { year notified cumulative decisions undisclosed }
    targets { metric value unit asOf quote dataQuality sources { url } }
    publishedCounts { metric value unit asOf quote dataQuality sources { url } } }
  integrityReport { rule severity records explanation } }`;

function bars(container, stats) {
  const rows = [...stats].sort((a, b) => b.projectCount - a.projectCount);
  const chart = echarts.init(container, null, { renderer: "svg" });
  chart.setOption({
    aria: { enabled: true },
    tooltip: { trigger: "axis" },
    legend: { data: ["projects"], top: 0 },
    grid: { left: 40, right: 20, bottom: 40 },
    xAxis: { type: "category", data: rows.map((r) => r.country) },
    yAxis: { type: "value", name: "projects" },
    series: [{ name: "projects", type: "bar", data: rows.map((r) => r.projectCount) }],
  });
  new ResizeObserver(() => chart.resize()).observe(container);
}

function recordLink(key) {
  if (/^[A-Z]{2}\d{3}$|^X-/.test(key)) return link(`/explore/project/${key}`, key);
  return key;
}

export async function overviewView() {
  const data = (await gql(OVERVIEW)).data;
  const progress = data.jcmProgress;
  const canvas = h("div", { class: "chart", id: "by-country", role: "img",
    "aria-label": "Projects by host country" });
  requestAnimationFrame(() => bars(canvas, data.stats));
  const dated = progress.partners.filter((p) => p.signedOn);
  return [
    h("h1", {}, "Overview"),
    h("h2", {}, "Projects by host country"), canvas,
    table(["Country", "Projects", "Notified (tCO2e)", "In the ledger (tCO2e)"],
      [...data.stats].sort((a, b) => b.projectCount - a.projectCount).map((s) => [s.country,
        s.projectCount, s.creditsNotified.toLocaleString("en"),
        s.creditsIssued.toLocaleString("en")])),
    h("h2", {}, "Progress against the public targets"),
    h("p", {}, `${dated.length} partnerships with a dated signing (the first, `,
      `${dated[0]?.name}, on ${dated[0]?.signedOn}); `,
      `${progress.creditsByYear.at(-1)?.cumulative.toLocaleString("en") ?? 0} tCO2e notified `,
      "for issuance in the graph's real records."),
    table(["Target or count", "Value", "Unit", "As of", "Quality", "Sources"],
      [...progress.targets, ...progress.publishedCounts].map((s) => [s.quote, s.value
        .toLocaleString("en"), s.unit, s.asOf, badge(s.dataQuality), sourceList(s.sources)])),
    h("h2", {}, "Projects by stage"),
    table(["Stage", "Projects", "Of which OFFICIAL"], progress.projectsByStage.map((s) => [
      s.status.toLowerCase(), s.projects, s.official])),
    h("h2", {}, "Credits notified per year"),
    table(["Year", "tCO2e", "Cumulative", "Decisions", "Amount not public"],
      progress.creditsByYear.map((y) => [y.year ?? "undated", y.notified.toLocaleString("en"),
        y.cumulative.toLocaleString("en"), y.decisions, y.undisclosed])),
    h("h2", {}, "Integrity findings"),
    data.integrityReport.length
      ? table(["Rule", "Severity", "Records", "Explanation"], data.integrityReport.map((f) => [
        f.rule, f.severity, h("span", {}, f.records.flatMap((r) => [recordLink(r), " "])),
        f.explanation]))
      : h("p", {}, "No finding."),
  ];
}
