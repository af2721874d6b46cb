"""Choose and open the store from a graph URL (DESIGN §3 "Selection")."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from cypher.embedded import EmbeddedFalkorDB
from cypher.falkordb_store import FalkorDBStore
from cypher.neo4j_store import Neo4jStore
from cypher.registry import QUERIES_DIR
from cypher.store import GraphStore

NEO4J_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


@dataclass(frozen=True)
class StoreConfig:
    graph_url: str | None = None
    data_dir: Path = Path(".data")
    graph_name: str = "jcm"
    neo4j_user: str = "neo4j"
    neo4j_password: str = ""
    neo4j_database: str = "neo4j"
    pool_size: int = 16
    timeout_ms: int = 10_000
    embedded_fsync: str = "always"


@dataclass
class OpenedStore:
    store: GraphStore
    # Set when this process started the embedded database (and so should stop it).
    started_embedded: EmbeddedFalkorDB | None = None
    # The embedded database in embedded mode, whoever started it (to restart it if it dies).
    embedded: EmbeddedFalkorDB | None = None

    async def close(self) -> None:
        await self.store.close()
        if self.started_embedded is not None:
            self.started_embedded.stop()


def describe_url(url: str | None) -> str:
    """The kind of store a URL selects, for messages: embedded, falkordb or neo4j."""
    if not url:
        return "embedded"
    scheme = urlsplit(url).scheme
    if scheme in ("falkordb", "falkordb+unix"):
        return "falkordb"
    if scheme in NEO4J_SCHEMES:
        return "neo4j"
    raise ValueError(
        f"JCM_GRAPH_URL has an unknown scheme {scheme!r}: use falkordb://host:port, "
        f"falkordb+unix:///path/to.sock or one of {', '.join(s + '://' for s in NEO4J_SCHEMES)}"
    )


def build_store(config: StoreConfig, query_dirs: tuple[Path, ...] = (QUERIES_DIR,)) -> GraphStore:
    """A store for the URL, without starting anything (the embedded socket must exist);
    `query_dirs` are where its named queries are found (the benchmark adds its floors)."""
    kind = describe_url(config.graph_url)
    common = {
        "pool_size": config.pool_size,
        "timeout_ms": config.timeout_ms,
        "query_dirs": query_dirs,
    }
    if kind == "neo4j":
        assert config.graph_url is not None
        return Neo4jStore(
            url=config.graph_url,
            user=config.neo4j_user,
            password=config.neo4j_password,
            database=config.neo4j_database,
            **common,
        )
    if kind == "embedded":
        socket = str(EmbeddedFalkorDB(config.data_dir).socket)
        return FalkorDBStore(graph_name=config.graph_name, unix_socket=socket, **common)
    parts = urlsplit(config.graph_url)
    if parts.scheme == "falkordb+unix":
        return FalkorDBStore(graph_name=config.graph_name, unix_socket=parts.path, **common)
    return FalkorDBStore(
        graph_name=config.graph_name,
        host=parts.hostname or "127.0.0.1",
        port=parts.port or 6379,
        **common,
    )


def open_store(config: StoreConfig) -> OpenedStore:
    """Build the store, starting the embedded database first when the URL asks for it."""
    started = embedded = None
    if describe_url(config.graph_url) == "embedded":
        embedded = EmbeddedFalkorDB(config.data_dir, fsync=config.embedded_fsync)
        if embedded.start():
            started = embedded
    return OpenedStore(build_store(config), started, embedded)
