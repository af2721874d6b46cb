// Pages for an organization and a methodology: their facts with sources and data quality,
// the projects they take part in or are applied by, and the decisions that name them.
import { badge, gql, h, link, sourceList, table } from "./app.js";

const ORGANIZATION = `query($key: String!) { organization(key: $key) {
  key name kind note dataQuality country { code name } sources { url }
  projects(first: 100) { totalCount nodes { ref title status hostCountryCode } }
  decisions { key type decidedOn hostCountry }
  tpeDesignations { partnership { key } designatedOn status } } }`;
const METHODOLOGY = `query($key: String!) { methodology(key: $key) {
  key title version status approvedOn revisedOn proposedAs note dataQuality sources { url }
  partnership { key } sector { name }
  projects(first: 100) { totalCount nodes { ref title status hostCountryCode } }
  decisions { key type decidedOn } } }`;

function facts(rows) {
  return h("dl", { class: "facts" }, rows.filter(([, v]) => v !== null && v !== undefined
    && v !== "").map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
}

function projects(connection) {
  return [h("h2", {}, `Projects (${connection.totalCount})`),
    table(["Ref", "Title", "Status", "Host"], connection.nodes.map((p) => [
      link(`/explore/project/${p.ref}`, p.ref), p.title, p.status.toLowerCase(),
      p.hostCountryCode]))];
}

function decisions(list) {
  if (!list.length) return [];
  return [h("h2", {}, "Joint Committee decisions"), table(["Decision", "Type", "Date"],
    list.map((d) => [d.key, d.type.toLowerCase().replaceAll("_", " "), d.decidedOn]))];
}

export async function organizationView(key) {
  const o = (await gql(ORGANIZATION, { key: decodeURIComponent(key) })).data.organization;
  if (!o) return h("p", { class: "error", role: "alert" }, `No organization ${key}.`);
  return [
    h("h1", {}, o.name),
    facts([["Key", o.key], ["Kind", o.kind.toLowerCase()],
      ["Country", o.country ? `${o.country.name} (${o.country.code})` : null],
      ["TPE designations", o.tpeDesignations.map((t) => `${t.partnership?.key} ${
        t.designatedOn} (${t.status.toLowerCase()})`).join("; ")],
      ["Data quality", badge(o.dataQuality)], ["Sources", sourceList(o.sources)],
      ["Note", o.note]]),
    ...projects(o.projects),
    ...decisions(o.decisions),
  ];
}

export async function methodologyView(key) {
  const m = (await gql(METHODOLOGY, { key: decodeURIComponent(key) })).data.methodology;
  if (!m) return h("p", { class: "error", role: "alert" }, `No methodology ${key}.`);
  return [
    h("h1", {}, `${m.key}${m.title ? `: ${m.title}` : ""}`),
    facts([["Version", m.version], ["Status", m.status], ["Approved", m.approvedOn],
      ["Revised", m.revisedOn], ["Proposed as", m.proposedAs],
      ["Partnership", m.partnership?.key], ["Sector", m.sector?.name],
      ["Data quality", badge(m.dataQuality)], ["Sources", sourceList(m.sources)],
      ["Note", m.note]]),
    ...projects(m.projects),
    ...decisions(m.decisions),
  ];
}
