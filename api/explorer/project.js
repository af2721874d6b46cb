// A project's page: its facts with their sources and data quality, participants, funding,
// methodologies, issuances (with the serials they opened), decisions, external records and
// the values its sources disagree on.
import { badge, gql, h, link, sourceList, table } from "./app.js";

const PROJECT = `query($ref: String!) { project(ref: $ref) {
  ref title status statusAsGiven officialRef formerRefs registeredOn selectedOn pinNoObjectionOn
  estimatedAnnualReduction note dataQuality derivedFrom technologiesBasis
  hostCountry { code name } sources { url } resubmittedAs { ref }
  technologies { key name }
  conflicts { field values { value sources } }
  participants { role side note organization { key name dataQuality } }
  funding { fiscalYear amount currency programme { key name } }
  methodologies { version methodology { key title } }
  decisions { key type decidedOn sources { url } }
  issuances { key decidedOn issuedOn notifiedTotal japanGovernmentShare dataQuality
              sources { url } series { key registry quantity dataQuality } }
  externalRecords { confidence confirmed record { key registry externalId url } }
} }`;

function facts(p) {
  const rows = [
    ["Reference", p.officialRef ? p.ref : `${p.ref} (no public JCM reference)`],
    ["Former references", p.formerRefs.join(", ")],
    ["Status", `${p.status.toLowerCase()}${p.statusAsGiven ? ` (“${p.statusAsGiven}”)` : ""}`],
    ["Resubmitted as", p.resubmittedAs ? link(`/explore/project/${p.resubmittedAs.ref}`,
      p.resubmittedAs.ref) : null],
    ["Host country", p.hostCountry ? `${p.hostCountry.name} (${p.hostCountry.code})` : null],
    ["Registered", p.registeredOn],
    ["Selected", p.selectedOn],
    ["PIN no-objection", p.pinNoObjectionOn],
    ["Expected reduction", p.estimatedAnnualReduction !== null
      ? `${p.estimatedAnnualReduction.toLocaleString("en")} tCO2e a year` : null],
    ["Technologies", p.technologies.length
      ? `${p.technologies.map((t) => t.name).join(", ")} (${(p.technologiesBasis || "")
        .toLowerCase()} from the title)` : null],
    ["Data quality", badge(p.dataQuality)],
    ["Copied from", p.derivedFrom.length ? sourceList(p.derivedFrom) : null],
    ["Sources", sourceList(p.sources)],
    ["Note", p.note],
  ].filter(([, value]) => value !== null && value !== undefined && value !== "");
  return h("dl", { class: "facts" }, rows.map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
}

function serialLink(series) {
  const serial = `${series.key}-000001`;
  return link(`/explore/trace/${encodeURIComponent(serial)}`, `${series.key} (${series.registry}, ${
    series.quantity} units)`);
}

export async function projectView(ref) {
  const p = (await gql(PROJECT, { ref: decodeURIComponent(ref) })).data.project;
  if (!p) return h("p", { class: "error", role: "alert" }, `No project ${ref}.`);
  const parts = [h("h1", {}, `${p.ref}: ${p.title}`)];
  if (p.dataQuality === "ILLUSTRATIVE") {
    parts.push(h("p", { class: "notice" }, "This record is ILLUSTRATIVE: made up, not real."));
  }
  parts.push(facts(p));
  if (p.conflicts.length) {
    parts.push(h("h2", {}, "Where the sources disagree"), table(["Field", "Value", "Sources"],
      p.conflicts.flatMap((c) => c.values.map((v) => [c.field, v.value, sourceList(v.sources)]))));
  }
  parts.push(h("h2", {}, "Participants"), table(["Organization", "Side", "Role", "Quality"],
    p.participants.map((x) => [link(`/explore/organization/${x.organization.key}`,
      x.organization.name), x.side, x.role.toLowerCase(),
      badge(x.organization.dataQuality)])));
  if (p.funding.length) {
    parts.push(h("h2", {}, "Funding"), table(["Programme", "Fiscal year", "Amount"],
      p.funding.map((f) => [f.programme.name, f.fiscalYear,
        f.amount ? `${f.amount.toLocaleString("en")} ${f.currency}` : ""])));
  }
  parts.push(h("h2", {}, "Methodologies"), table(["Methodology", "Version", "Title"],
    p.methodologies.map((m) => [link(`/explore/methodology/${m.methodology.key}`,
      m.methodology.key), m.version, m.methodology.title])));
  parts.push(h("h2", {}, "Issuances"), p.issuances.length
    ? table(["Decision", "Decided", "Notified (tCO2e)", "Japan's share", "Series (trace)",
      "Quality", "Sources"], p.issuances.map((i) => [i.key, i.decidedOn || i.issuedOn,
      i.notifiedTotal?.toLocaleString("en"), i.japanGovernmentShare?.toLocaleString("en"),
      h("ul", {}, i.series.map((s) => h("li", {}, serialLink(s)))), badge(i.dataQuality),
      sourceList(i.sources)]))
    : h("p", { class: "muted" }, "No issuance is known."));
  if (p.decisions.length) {
    parts.push(h("h2", {}, "Joint Committee decisions"), table(["Decision", "Type", "Date",
      "Sources"], p.decisions.map((d) => [d.key, d.type.toLowerCase(), d.decidedOn,
      sourceList(d.sources)])));
  }
  if (p.externalRecords.length) {
    parts.push(h("h2", {}, "Records in other registries"), table(["Registry", "Record",
      "Confidence"], p.externalRecords.map((e) => [e.record.registry,
      e.record.url ? h("a", { href: e.record.url }, e.record.externalId) : e.record.externalId,
      `${Math.round(e.confidence * 100)} %${e.confirmed ? " (confirmed)" : ""}`])));
  }
  return parts;
}
