"""Configuration from the environment (prefix JCM_) or a `.env` file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from api.auth import TokenEntry
from cypher.connect import StoreConfig


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="JCM_", env_file=".env", extra="ignore")

    host: str = Field("127.0.0.1", description="Address the API listens on.")
    port: int = Field(8000, description="Port the API listens on.")
    workers: int = Field(
        default_factory=lambda: os.cpu_count() or 1,
        ge=1,
        le=64,
        description="Worker processes of `jcm serve` (default: one per core).",
    )
    data_dir: Path = Field(Path(".data"), description="Embedded database directory.")
    graph_url: str | None = Field(
        None,
        description="Unset: embedded FalkorDB in JCM_DATA_DIR. falkordb://host:port, "
        "falkordb+unix:///path.sock, or bolt://, neo4j://, neo4j+s:// for Neo4j.",
    )
    graph_name: str = Field("jcm", description="Graph name inside FalkorDB.")
    embedded_fsync: Literal["always", "everysec"] = Field(
        "always",
        description="When the embedded database writes its log to disk: `always` before every "
        "answer (no acknowledged write lost on power loss) or `everysec`.",
    )
    neo4j_user: str = Field("neo4j", description="Neo4j user.")
    neo4j_password: str = Field("", description="Neo4j password.")
    neo4j_database: str = Field("neo4j", description="Neo4j database name.")
    pool_size: int = Field(16, ge=1, le=512, description="Database connections per process.")
    query_timeout_ms: int = Field(10_000, ge=10, description="Time limit of one database query.")
    log_level: str = Field("INFO", description="DEBUG, INFO, WARNING or ERROR.")
    log_format: Literal["json", "text"] = Field(
        "json", description="json: one JSON object a line (for log collectors); text: plain."
    )
    max_depth: int = Field(12, ge=2, description="Deepest GraphQL operation allowed.")
    max_aliases: int = Field(30, ge=0, description="Most aliases in one operation.")
    max_tokens: int = Field(3000, ge=100, description="Most tokens in one GraphQL document.")
    max_body_bytes: int = Field(100_000, ge=1000, description="Largest request body.")
    max_cost_anonymous: int = Field(
        20_000, ge=100, description="Largest request cost for callers without a token."
    )
    anonymous_ledger_scans_per_minute: int = Field(
        6,
        ge=0,
        description="Whole-ledger requests (integrityReport, creditFlows, verifyAuditChain, "
        "exports) an anonymous client address may make a minute; one runs at a time.",
    )
    max_connections: int = Field(
        1000,
        ge=2,
        description="Most open connections and requests per API process (`jcm serve`); past "
        "it, new ones get 503 at once.",
    )
    response_cache_entries: int = Field(
        4096,
        ge=0,
        description="GraphQL query answers each process keeps (0: no cache); see "
        "api/response_cache.py.",
    )
    max_subscriptions: int = Field(
        1000, ge=1, description="Most open subscriptions (change feeds) per API process."
    )
    max_cost_token: int = Field(
        100_000, ge=100, description="Largest request cost for callers with a valid token."
    )
    cors_origins: list[str] = Field(
        default_factory=list,
        description='Origins allowed to call the API from a browser (JSON list, e.g. ["https://a.b"]).',
    )
    tokens: list[TokenEntry] = Field(
        default_factory=list,
        description='Tokens: JSON list of {"name", "sha256", "roles"}; see `jcm token create`.',
    )
    reads_require_token: bool = Field(False, description="Require a valid token for reads too.")
    seed_if_empty: bool = Field(False, description="Load the seed data into an empty graph.")

    def store_config(self) -> StoreConfig:
        return StoreConfig(
            graph_url=self.graph_url or None,
            data_dir=self.data_dir,
            graph_name=self.graph_name,
            neo4j_user=self.neo4j_user,
            neo4j_password=self.neo4j_password,
            neo4j_database=self.neo4j_database,
            pool_size=self.pool_size,
            timeout_ms=self.query_timeout_ms,
            embedded_fsync=self.embedded_fsync,
        )
