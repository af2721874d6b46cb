"""Linking JCM with other registries: external records, their links to JCM projects, imports,
review of proposed matches, and the CAD Trust taxonomy mapping."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.types import Info

from cypher.external_formats import PRESETS, parse_records
from cypher.external_records import import_records, match_candidates, record_id, review_link
from cypher.ledger_ops import LedgerRefusal
from schema.context import RequestContext
from schema.errors import BadUserInput, LimitExceeded, NotFound
from schema.mutations import WRITE, ProvenanceInput, provenance, refusal
from schema.node import DataQuality, Node, Source, from_row, sources_of
from schema.reference_types import Sector, Technology, related

if TYPE_CHECKING:
    from schema.project_types import Project

Ctx = Info[RequestContext, None]
ProjectRef = Annotated["Project", strawberry.lazy("schema.project_types")]
MAX_IMPORT_BYTES = 5_000_000


@strawberry.type(description="A registry or crediting programme outside the JCM.")
class ExternalRegistry(Node):
    key: str
    name: str
    kind: str
    country: str | None
    cadt_name: str | None = strawberry.field(description="Its name in the CAD Trust pick-list.")
    identifier_pattern: str | None
    link_template: str | None
    note: str | None
    data_quality: DataQuality

    @strawberry.field
    def sources(self, info: Ctx) -> list[Source]:
        return sources_of(info, "external_registry", self.key)


@strawberry.type(description="A project record of another registry.")
class ExternalRecord(Node):
    key: str = strawberry.field(description="`{registry}:{externalId}`.")
    registry: str
    external_id: str
    title: str
    country: str
    url: str | None
    status: str | None
    participants: list[str] | None
    technology: str | None
    sector: str | None
    registered_on: str | None
    data_quality: DataQuality

    @strawberry.field
    def sources(self, info: Ctx) -> list[Source]:
        return sources_of(info, "external_record", self.key)

    @strawberry.field(description="JCM projects this record is (proposed to be) the same as.")
    async def links(self, info: Ctx) -> list[ExternalLink]:
        from schema.project_types import Project

        rows = await info.context.loaders.related("external_record_links").load(self.key)
        return [link(r["rel"], record=self, project=from_row(Project, r["node"])) for r in rows]


@strawberry.type(description="An external record and a JCM project judged to be the same.")
class ExternalLink:
    confidence: float
    method: str = strawberry.field(description="What agreed: country+title+…, or MANUAL.")
    confirmed: bool = strawberry.field(description="A person confirmed it.")
    record: ExternalRecord
    project: ProjectRef


def link(rel: dict, *, record: ExternalRecord, project: object) -> ExternalLink:
    return ExternalLink(
        confidence=float(rel.get("confidence") or 0),
        method=rel.get("method") or "",
        confirmed=bool(rel.get("confirmed")),
        record=record,
        project=project,
    )  # type: ignore[arg-type]


@strawberry.type(description="A scored candidate project for an external record.")
class MatchCandidate:
    confidence: float
    method: str
    linked: bool
    project: ProjectRef


@strawberry.type(description="A value of a CAD Trust pick-list and what it maps from.")
class ExternalTerm(Node):
    key: str
    scheme: str
    field: str = strawberry.field(description="projectSector, projectType or unitType.")
    value: str
    data_quality: DataQuality

    @strawberry.field
    def sources(self, info: Ctx) -> list[Source]:
        return sources_of(info, "external_term", self.key)

    @strawberry.field(description="JCM sectoral scopes mapped to this value.")
    def sectors(self, info: Ctx) -> list[Sector]:
        return related(info, "external_term_sectors", self.key, Sector)

    @strawberry.field(description="JCM technologies mapped to this value.")
    def technologies(self, info: Ctx) -> list[Technology]:
        return related(info, "external_term_technologies", self.key, Technology)


@strawberry.type(description="What an import did (or would do) row by row.")
class ImportResult:
    records: int
    created: list[str]
    updated: list[str]
    unchanged: int
    links: list[str] = strawberry.field(description="`record -> project (confidence)`.")
    skipped_rows: list[str] = strawberry.field(description="Invalid rows left out.")
    event_seq: int | None


@strawberry.type
class InteropQuery:
    @strawberry.field(description="Registries and programmes outside the JCM.")
    async def external_registries(self, info: Ctx) -> list[ExternalRegistry]:
        rows = await info.context.store.read("external_registries_all")
        return [from_row(ExternalRegistry, r["node"]) for r in rows]

    @strawberry.field(description="An external record by registry and its own id, with links.")
    async def resolve_external_id(
        self, info: Ctx, registry: str, external_id: str
    ) -> ExternalRecord:
        row = await info.context.loaders.by_key("external_record_by_key").load(
            record_id(registry, external_id)
        )
        if row is None:
            raise NotFound(f"no record {external_id!r} of registry {registry!r}")
        return from_row(ExternalRecord, row)

    @strawberry.field(description="Scored candidate JCM projects for an external record.")
    async def match_candidates(self, info: Ctx, external_record_id: str) -> list[MatchCandidate]:
        from schema.project_types import Project

        try:
            found = await match_candidates(info.context.store, external_record_id)
        except LedgerRefusal as exc:
            raise refusal(exc) from None
        loader = info.context.loaders.by_key("project_by_key")
        rows = await loader.load_many([m.project for m, _ in found])  # one query for all
        return [
            MatchCandidate(
                confidence=m.confidence,
                method=m.method,
                linked=linked,
                project=from_row(Project, row),
            )  # type: ignore[arg-type]
            for (m, linked), row in zip(found, rows, strict=True)
        ]

    @strawberry.field(description="A CAD Trust pick-list value and the JCM terms mapped to it.")
    async def cadt_term(self, info: Ctx, field: str, value: str) -> ExternalTerm:
        row = await info.context.loaders.by_key("external_term_by_key").load(f"{field}:{value}")
        if row is None:
            raise NotFound(f"no CAD Trust {field} value {value!r} is mapped")
        return from_row(ExternalTerm, row)


@strawberry.type
class InteropMutation:
    @strawberry.mutation(
        description=(
            "Import external project records (CSV or JSON text) with a column preset: cadt-v1, "
            "cadt-v2 or generic. Every row is checked first: with any invalid row nothing is "
            "written, unless skipInvalid. Matching proposes SAME_AS links to JCM projects."
        )
    )
    async def import_external_records(
        self,
        info: Ctx,
        registry: str,
        content: str,
        format: str = "csv",
        preset: str = "generic",
        data_quality: DataQuality = DataQuality.SECONDARY,
        skip_invalid: bool = False,
        idempotency_key: str | None = None,
    ) -> ImportResult:
        who = provenance(info, WRITE, ProvenanceInput(data_quality=data_quality))
        if len(content.encode()) > MAX_IMPORT_BYTES:
            raise LimitExceeded(
                f"an import may be at most {MAX_IMPORT_BYTES} bytes", field="content"
            )
        if format not in ("csv", "json") or preset not in PRESETS:
            raise BadUserInput(
                f"format is csv or json; preset one of {', '.join(PRESETS)}", field="preset"
            )
        countries = {r["code"] for r in await info.context.store.read("country_codes")}
        try:
            parsed = parse_records(
                content,
                preset=preset,
                fmt=format,
                countries=countries,
                default_quality=data_quality.value,
            )
        except ValueError as exc:
            raise BadUserInput(f"the file cannot be read: {exc}", field="content") from None
        if parsed.problems and not skip_invalid:
            raise BadUserInput(
                "; ".join(parsed.problems), field="content", problems=parsed.problems
            )
        try:
            summary = await import_records(
                info.context.store,
                registry=registry,
                rows=[r for _, r in parsed.rows],
                provenance=who,
                idempotency_key=idempotency_key,
            )
        except LedgerRefusal as exc:
            raise refusal(exc) from None
        return ImportResult(
            records=summary.records,
            created=summary.created,
            updated=summary.updated,
            unchanged=summary.unchanged,
            links=[f"{r} -> {p} ({c:.2f})" for r, p, c in summary.links],
            skipped_rows=parsed.problems,
            event_seq=summary.event_seq,
        )

    @strawberry.mutation(description="Confirm that an external record is a JCM project.")
    async def confirm_link(
        self, info: Ctx, external_record_id: str, project_ref: str
    ) -> ExternalRecord:
        return await _review(info, external_record_id, project_ref, True)

    @strawberry.mutation(description="Reject a proposed link; it is never proposed again.")
    async def reject_link(
        self, info: Ctx, external_record_id: str, project_ref: str
    ) -> ExternalRecord:
        return await _review(info, external_record_id, project_ref, False)


async def _review(info: Ctx, record: str, project: str, confirm: bool) -> ExternalRecord:
    who = provenance(info, WRITE, None)
    try:
        await review_link(
            info.context.store, record=record, project=project, confirm=confirm, provenance=who
        )
    except LedgerRefusal as exc:
        raise refusal(exc) from None
    row = (await info.context.store.read("external_record_by_key", {"keys": [record]}))[0]
    return from_row(ExternalRecord, row["node"])
