"""Replays ledger operations (issue, transfer, retire, cancel) into series, credit blocks and
transactions, enforcing the ledger invariants of DESIGN §4 as it goes.

Used by the seed loader (seed/data/ledger.json) and by the synthetic generator, so both
produce ledgers of the same shape. Pure Python: nothing here touches the database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cypher.ledger_ops import STATUS_FOR_KIND, TX_KIND_FOR_KIND, block_id

QUALITY_RANK = {"ILLUSTRATIVE": 0, "SECONDARY": 1, "OFFICIAL": 2}


class LedgerError(ValueError):
    """An operation would break the ledger; `code` says how (CONFLICT, INTEGRITY_VIOLATION…)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def weakest(*qualities: str) -> str:
    return min(qualities, key=QUALITY_RANK.__getitem__)


@dataclass
class Series:
    id: str
    registry: str
    project: str
    issuance: str
    vintage: int
    issuedOn: dt.date
    quantity: int
    dataQuality: str
    sources: list[str]
    # Units retired / cancelled so far: kept on the series so aggregates need not visit blocks.
    retired: int = 0
    cancelled: int = 0


@dataclass
class Block:
    id: str
    series: str
    registry: str
    first: int
    last: int
    account: str
    status: str
    vintage: int
    issuance: str
    dataQuality: str
    sources: list[str]
    parent: str | None = None

    @property
    def quantity(self) -> int:
        return self.last - self.first + 1


@dataclass
class Transaction:
    id: str
    seq: int
    kind: str
    on: dt.date
    series: str
    first: int
    last: int
    to_account: str
    from_account: str | None
    moved: str
    dataQuality: str
    sources: list[str]
    firstTransfer: bool = False
    purpose: str | None = None
    beneficiary: str | None = None
    note: str | None = None
    correspondingAdjustment: dict | None = None

    @property
    def quantity(self) -> int:
        return self.last - self.first + 1


@dataclass
class Ledger:
    """Accounts are given as {id: (registry, kind)}."""

    accounts: dict[str, tuple[str, str]]
    # Transactions already numbered elsewhere (a ledger built in parts continues their seq).
    seq_offset: int = 0
    series: dict[str, Series] = field(default_factory=dict)
    blocks: dict[str, Block] = field(default_factory=dict)
    transactions: list[Transaction] = field(default_factory=list)
    # Live blocks per series, for the range look-ups of transfers.
    _live: dict[str, list[str]] = field(default_factory=dict)

    def issue(
        self,
        txid: str,
        *,
        on: dt.date,
        series: str,
        issuance: str,
        project: str,
        vintage: int,
        to: str,
        quantity: int,
        quality: str,
        sources: list[str],
        note: str | None = None,
    ) -> Transaction:
        registry, kind = self._account(to)
        if kind != "HOLDING":
            raise LedgerError("BAD_USER_INPUT", f"{txid}: credits are issued into holding accounts")
        if not series.startswith(registry + "-"):
            raise LedgerError(
                "BAD_USER_INPUT", f"{txid}: series {series} does not belong to registry {registry}"
            )
        current = self.series.get(series)
        if current is None:
            current = Series(series, registry, project, issuance, vintage, on, 0, quality, [])
            self.series[series] = current
        elif current.issuance != issuance:
            raise LedgerError("CONFLICT", f"{txid}: series {series} belongs to {current.issuance}")
        first = current.quantity + 1
        last = current.quantity + quantity
        current.quantity = last
        current.dataQuality = weakest(current.dataQuality, quality)
        current.sources = _union(current.sources, sources)
        block = Block(
            block_id(series, first, last),
            series,
            registry,
            first,
            last,
            to,
            "HELD",
            vintage,
            issuance,
            quality,
            list(sources),
        )
        self._add_block(block)
        return self._record(
            Transaction(
                txid,
                self.seq_offset + len(self.transactions) + 1,
                "ISSUANCE",
                on,
                series,
                first,
                last,
                to,
                None,
                block.id,
                quality,
                list(sources),
                note=note,
            )
        )

    def move(
        self,
        txid: str,
        *,
        on: dt.date,
        series: str,
        first: int,
        last: int,
        source: str,
        to: str,
        quality: str,
        sources: list[str],
        first_transfer: bool = False,
        purpose: str | None = None,
        beneficiary: str | None = None,
        note: str | None = None,
        corresponding_adjustment: dict | None = None,
    ) -> Transaction:
        """Transfer, retire or cancel units [first, last]: which one depends on `to`'s kind."""
        self._account(source)
        _, to_kind = self._account(to)
        if first > last:
            raise LedgerError("BAD_USER_INPUT", f"{txid}: first {first} is after last {last}")
        if series not in self.series:
            raise LedgerError("NOT_FOUND", f"{txid}: no series {series}")
        block = self._holding_block(series, first, last)
        if block is None or block.account != source:
            raise LedgerError(
                "CONFLICT", f"{txid}: units {first}-{last} of {series} are not held by {source}"
            )
        if block.status != "HELD":
            raise LedgerError(
                "INTEGRITY_VIOLATION",
                f"{txid}: units {first}-{last} of {series} are {block.status.lower()}",
            )
        moved = self._split(block, first, last, quality, sources)
        moved.account = to
        moved.registry = self.accounts[to][0]
        moved.status = STATUS_FOR_KIND[to_kind]
        if moved.status == "RETIRED":
            self.series[series].retired += moved.quantity
        elif moved.status == "CANCELLED":
            self.series[series].cancelled += moved.quantity
        moved.dataQuality = weakest(moved.dataQuality, quality)
        moved.sources = _union(moved.sources, sources)
        return self._record(
            Transaction(
                txid,
                self.seq_offset + len(self.transactions) + 1,
                TX_KIND_FOR_KIND[to_kind],
                on,
                series,
                first,
                last,
                to,
                source,
                moved.id,
                quality,
                list(sources),
                first_transfer,
                purpose,
                beneficiary,
                note,
                corresponding_adjustment,
            )
        )

    def live_blocks(self, series: str) -> list[Block]:
        return sorted((self.blocks[b] for b in self._live.get(series, [])), key=lambda b: b.first)

    def _account(self, account: str) -> tuple[str, str]:
        try:
            return self.accounts[account]
        except KeyError:
            raise LedgerError("NOT_FOUND", f"no account {account}") from None

    def _holding_block(self, series: str, first: int, last: int) -> Block | None:
        for bid in self._live.get(series, []):
            block = self.blocks[bid]
            if block.first <= first and last <= block.last:
                return block
        return None

    def _split(
        self, block: Block, first: int, last: int, quality: str, sources: list[str]
    ) -> Block:
        if (block.first, block.last) == (first, last):
            return block
        block.status = "SUPERSEDED"
        self._live[block.series].remove(block.id)
        pieces = [(block.first, first - 1), (first, last), (last + 1, block.last)]
        moved = None
        for lo, hi in pieces:
            if lo > hi:
                continue
            child = Block(
                block_id(block.series, lo, hi),
                block.series,
                block.registry,
                lo,
                hi,
                block.account,
                "HELD",
                block.vintage,
                block.issuance,
                weakest(block.dataQuality, quality),
                _union(block.sources, sources),
                block.id,
            )
            self._add_block(child)
            if (lo, hi) == (first, last):
                moved = child
        assert moved is not None
        return moved

    def _add_block(self, block: Block) -> None:
        self.blocks[block.id] = block
        self._live.setdefault(block.series, []).append(block.id)

    def _record(self, transaction: Transaction) -> Transaction:
        self.transactions.append(transaction)
        return transaction


def _union(a: list[str], b: list[str]) -> list[str]:
    return list(dict.fromkeys([*a, *b]))
