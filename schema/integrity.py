"""`integrityReport`: what is wrong (or missing) in the ledger and the issuance records."""

from __future__ import annotations

from enum import Enum

import strawberry
from strawberry.types import Info

from cypher.integrity import RULES, integrity_report
from schema.context import RequestContext
from schema.ledger_scans import ledger_scan

Ctx = Info[RequestContext, None]

IntegrityRule = strawberry.enum(
    Enum("IntegrityRule", {rule: rule for rule in RULES}),
    description=(
        "OVERLAPPING_BLOCKS: live blocks share units. SERIES_NOT_TILED: a series' live blocks "
        "leave gaps or exceed what was issued. SERIES_COUNTERS: a series' retired/cancelled "
        "counts disagree with its blocks. MOVED_AFTER_RETIREMENT: retired or cancelled units "
        "moved again. BLOCK_HOLDER_MISMATCH: a block's recorded holder is not the account it is "
        "held in. FIRST_TRANSFER_WITHOUT_ADJUSTMENT: authorized units first-transferred "
        "with no corresponding adjustment. ISSUANCE_TOTAL_MISMATCH: registry issuances do not "
        "add up to the Joint Committee's notified total. GOJ_SHARE_BELOW_HALF: a model project "
        "delivered less than half of its credits to the Government of Japan."
    ),
)


@strawberry.enum
class Severity(Enum):
    ERROR = "ERROR"
    WARNING = "WARNING"


@strawberry.type(description="One problem, with the records involved and what it means.")
class IntegrityFinding:
    rule: IntegrityRule  # type: ignore[valid-type]
    severity: Severity
    records: list[str] = strawberry.field(description="Keys of the records involved.")
    explanation: str


@strawberry.type
class IntegrityQuery:
    @strawberry.field(description="Check the ledger and the issuance records.")
    async def integrity_report(
        self,
        info: Ctx,
        rules: list[IntegrityRule] | None = None,  # type: ignore[valid-type]
        series_prefix: str | None = None,
    ) -> list[IntegrityFinding]:
        async with ledger_scan(info.context):
            findings = await integrity_report(
                info.context.store,
                [r.value for r in rules] if rules else None,
                series_prefix or "",
            )
        return [
            IntegrityFinding(
                rule=IntegrityRule(f.rule),
                severity=Severity(f.severity),
                records=list(f.records),
                explanation=f.explanation,
            )
            for f in findings
        ]
