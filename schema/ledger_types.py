"""The credit ledger: registry series, credit blocks, accounts, transactions and
corresponding adjustments."""

from __future__ import annotations

import datetime as dt

import strawberry
from strawberry.types import Info

from schema.context import RequestContext
from schema.node import Basis, DataQuality, Node, Source, from_row, sources_of
from schema.pagination import Connection, nested_connection
from schema.project_types import Issuance
from schema.reference_types import Country, Organization, related, related_one

Ctx = Info[RequestContext, None]


def _block(item: dict) -> CreditBlock:
    return from_row(CreditBlock, item["node"])


@strawberry.type(description="Units one registry issued for one issuance, numbered 1..quantity.")
class Series(Node):
    key: str = strawberry.field(description="`{registry}-{projectRef}-{vintage}-{n}`.")
    registry: str
    project_ref: str = strawberry.field(metadata={"prop": "project"})
    vintage: int
    issued_on: dt.date | None
    quantity: int = strawberry.field(description="Units issued.")
    retired: int | None = strawberry.field(description="Units retired so far.")
    cancelled: int | None = strawberry.field(description="Units cancelled so far.")
    data_quality: DataQuality

    @strawberry.field(
        description="CONSTRUCTED: the unit numbers (1..quantity) are JCM Graph's; "
        "the JCM publishes no serial format."
    )
    def basis(self) -> Basis:
        return Basis.CONSTRUCTED

    @strawberry.field
    def sources(self, info: Ctx) -> list[Source]:
        return sources_of(info, "series", self.key)

    @strawberry.field
    def issuance(self, info: Ctx) -> Issuance | None:
        return related_one(info, "series_issuance", self.key, Issuance)

    @strawberry.field(description="Its credit blocks, superseded ones too, a page at a time.")
    def blocks(
        self, info: Ctx, first: int | None = None, after: str | None = None
    ) -> Connection[CreditBlock]:
        return nested_connection(info, "series_blocks", self.key, first, after, _block, "id")

    @strawberry.field(description="Every registry operation on this series, in order.")
    def transactions(self, info: Ctx) -> list[Transaction]:
        return related(info, "series_transactions", self.key, Transaction)


@strawberry.type(description="A contiguous range [first, last] of one series in one account.")
class CreditBlock(Node):
    key: str
    registry: str = strawberry.field(description="The registry that holds it now.")
    series: str
    first: int
    last: int
    quantity: int
    vintage: int
    status: str = strawberry.field(description="HELD, RETIRED, CANCELLED or SUPERSEDED (split).")
    data_quality: DataQuality

    @strawberry.field(
        description="CONSTRUCTED: the block's unit range is JCM Graph's numbering "
        "inside a real issuance."
    )
    def basis(self) -> Basis:
        return Basis.CONSTRUCTED

    @strawberry.field(description="The serial of the block's first unit.")
    def first_serial(self) -> str:
        return f"{self.series}-{self.first:06d}"

    @strawberry.field(description="The serial of the block's last unit.")
    def last_serial(self) -> str:
        return f"{self.series}-{self.last:06d}"

    @strawberry.field
    def sources(self, info: Ctx) -> list[Source]:
        return sources_of(info, "credit_block", self.key)

    @strawberry.field
    def account(self, info: Ctx) -> Account | None:
        return related_one(info, "credit_block_account", self.key, Account)

    @strawberry.field
    def issuance(self, info: Ctx) -> Issuance | None:
        return related_one(info, "credit_block_issuance", self.key, Issuance)

    @strawberry.field(name="seriesInfo", description="The series this block belongs to.")
    def series_info(self, info: Ctx) -> Series | None:
        return related_one(info, "credit_block_series", self.key, Series)

    @strawberry.field(description="The block this one was split from.")
    def split_from(self, info: Ctx) -> CreditBlock | None:
        return related_one(info, "credit_block_parent", self.key, CreditBlock)

    @strawberry.field(description="The blocks this one was split into.")
    def split_into(self, info: Ctx) -> list[CreditBlock]:
        return related(info, "credit_block_children", self.key, CreditBlock)


@strawberry.type(description="A holding, retirement or cancellation account in one registry.")
class Account(Node):
    key: str
    registry: str
    kind: str
    name: str | None
    note: str | None
    data_quality: DataQuality

    @strawberry.field(
        description="CONSTRUCTED: the account key is JCM Graph's; "
        "registries do not publish account ids."
    )
    def basis(self) -> Basis:
        return Basis.CONSTRUCTED

    @strawberry.field
    def sources(self, info: Ctx) -> list[Source]:
        return sources_of(info, "account", self.key)

    @strawberry.field(description="The organization that owns it, if not a government.")
    def owner_organization(self, info: Ctx) -> Organization | None:
        return related_one(info, "account_owner_organization", self.key, Organization)

    @strawberry.field(description="The country whose government owns it.")
    def owner_country(self, info: Ctx) -> Country | None:
        return related_one(info, "account_owner_country", self.key, Country)

    @strawberry.field(description="Blocks it holds or held (see their status), a page at a time.")
    def blocks(
        self, info: Ctx, first: int | None = None, after: str | None = None
    ) -> Connection[CreditBlock]:
        return nested_connection(info, "account_blocks", self.key, first, after, _block, "id")


@strawberry.type(description="A partner's corresponding adjustment for a first transfer.")
class CorrespondingAdjustment(Node):
    key: str
    party: str
    year: int
    quantity: int
    reported_in: str | None
    data_quality: DataQuality

    @strawberry.field
    def sources(self, info: Ctx) -> list[Source]:
        return sources_of(info, "corresponding_adjustment", self.key)


@strawberry.type(description="One registry operation on a range of a series.")
class Transaction(Node):
    key: str
    seq: int
    kind: str = strawberry.field(description="ISSUANCE, TRANSFER, RETIREMENT or CANCELLATION.")
    on: dt.date
    series: str
    first: int
    last: int
    quantity: int
    first_transfer: bool | None
    purpose: str | None
    beneficiary: str | None
    note: str | None
    data_quality: DataQuality

    @strawberry.field
    def sources(self, info: Ctx) -> list[Source]:
        return sources_of(info, "transaction", self.key)

    @strawberry.field(name="fromAccount")
    def from_account(self, info: Ctx) -> Account | None:
        return related_one(info, "transaction_from_account", self.key, Account)

    @strawberry.field(name="toAccount")
    def to_account(self, info: Ctx) -> Account | None:
        return related_one(info, "transaction_to_account", self.key, Account)

    @strawberry.field
    def corresponding_adjustments(self, info: Ctx) -> list[CorrespondingAdjustment]:
        return related(info, "transaction_adjustments", self.key, CorrespondingAdjustment)
