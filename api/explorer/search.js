// Search (projects, organizations, methodologies, serials) and the project list with its
// filters and cursor paging.
import { badge, gql, h, link, navigate, table } from "./app.js";

const SERIAL = /^[A-Z]{2}-.+-\d{4}-\d+-\d{6}$/;
const PAGE = 20;
const OPTIONS = `{
  countries(filter: {jcmPartner: true}, first: 100, orderBy: [{field: NAME}]) {
    nodes { code name } }
  sectors(first: 20) { nodes { key name } }
  fundingProgrammes { nodes { key name } } }`;
const LIST = `query($filter: ProjectFilter, $first: Int, $after: String, $last: Int,
                  $before: String) {
  projects(filter: $filter, first: $first, after: $after, last: $last, before: $before,
           orderBy: [{field: REF}]) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    nodes { ref title status hostCountryCode registeredOn dataQuality } } }`;
const STATUSES = ["REGISTERED", "VALIDATION", "VALIDATED", "WITHDRAWN", "SELECTED", "FINANCED",
  "PDD", "PIN"];

function select(id, label, options) {
  return h("label", { for: id }, label,
    h("select", { id, name: id },
      h("option", { value: "" }, "any"),
      options.map(([value, text]) => h("option", { value }, text))));
}

async function searchHits(text, out) {
  if (SERIAL.test(text)) {
    navigate(`/explore/trace/${encodeURIComponent(text)}`);
    return;
  }
  const body = await gql(`query($t: String!) { search(text: $t, first: 15) { kind key title } }`,
    { t: text });
  const hits = body.data.search;
  const target = (hit) => link(`/explore/${hit.kind.toLowerCase()}/${hit.key}`, hit.key);
  out.replaceChildren(hits.length
    ? h("ul", { class: "hits", "aria-label": "Search results" },
      hits.map((hit) => h("li", {}, h("span", { class: "muted" }, `${hit.kind} `), target(hit),
        ` ${hit.title || ""}`)))
    : h("p", {}, `Nothing matches “${text}”.`));
}

export async function searchView() {
  const options = (await gql(OPTIONS)).data;
  const hits = h("div", { id: "hits" });
  const query = h("input", { id: "q", name: "q", type: "search", size: 40,
    placeholder: "a title, a company, a methodology or a serial" });
  const searchForm = h("form", { class: "bar", role: "search", onsubmit: (e) => {
    e.preventDefault();
    if (query.value.trim()) searchHits(query.value.trim(), hits).catch((err) => {
      hits.replaceChildren(h("p", { class: "error" }, err.message));
    });
  } }, h("label", { for: "q" }, "Search", query), h("button", { type: "submit" }, "Search"));

  const filters = h("form", { class: "controls", "aria-label": "Project filters" },
    select("country", "Host country", options.countries.nodes.map((c) => [c.code, c.name])),
    select("status", "Status", STATUSES.map((s) => [s, s.toLowerCase()])),
    select("sector", "Sector", options.sectors.nodes.map((s) => [s.key, s.name])),
    select("programme", "Programme", options.fundingProgrammes.nodes.map((p) => [p.key, p.name])),
    select("issued", "Issuance", [["true", "has an issuance"], ["false", "none yet"]]),
  );
  const list = h("div", { id: "project-list" });
  let page = { first: PAGE };

  async function load() {
    const v = (name) => filters.elements[name].value;
    const filter = {};
    if (v("country")) filter.hostCountries = [v("country")];
    if (v("status")) filter.status = [v("status")];
    if (v("sector")) filter.sectors = [v("sector")];
    if (v("programme")) filter.programmes = [v("programme")];
    if (v("issued")) filter.hasIssuance = v("issued") === "true";
    const result = (await gql(LIST, { filter, ...page })).data.projects;
    const info = result.pageInfo;
    const prev = h("button", { type: "button", disabled: !info.hasPreviousPage, onclick: () => {
      page = { last: PAGE, before: info.startCursor }; load(); } }, "Previous");
    const next = h("button", { type: "button", disabled: !info.hasNextPage, onclick: () => {
      page = { first: PAGE, after: info.endCursor }; load(); } }, "Next");
    list.replaceChildren(
      h("p", { "aria-live": "polite" }, `${result.totalCount} projects`),
      table(["Ref", "Title", "Status", "Host", "Registered", "Quality"],
        result.nodes.map((p) => [link(`/explore/project/${p.ref}`, p.ref), p.title,
          p.status.toLowerCase(), p.hostCountryCode, p.registeredOn, badge(p.dataQuality)])),
      h("div", { class: "controls" }, prev, next));
  }
  filters.addEventListener("change", () => { page = { first: PAGE }; load(); });
  await load();
  return [h("h1", {}, "Search and projects"), searchForm, hits, h("h2", {}, "Projects"), filters,
    list];
}
