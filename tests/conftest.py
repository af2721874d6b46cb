"""Fixtures: a real embedded FalkorDB for the whole session, a fresh graph per test, and the
real ASGI app in front of it.

Set JCM_TEST_NEO4J_URL (and JCM_TEST_NEO4J_PASSWORD) to run the same tests against a Neo4j
server instead (`make test` does, on the server `neo4j/neo4j.sh` starts). Neo4j Community has
one database per server, which the tests wipe between them; JCM_TEST_NEO4J_SEEDED_URL names a
second server that holds the seeded graph the read-only tests share, loaded once per session.
Without it, the seeded graph is loaded again for every such test."""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from graphql import (
    FragmentDefinitionNode,
    GraphQLObjectType,
    OperationDefinitionNode,
    get_named_type,
    is_leaf_type,
    parse,
)

from api.app import create_app
from api.settings import Settings
from cypher.embedded import EmbeddedFalkorDB
from cypher.falkordb_store import FalkorDBStore
from cypher.neo4j_store import Neo4jStore
from cypher.registry import QUERIES_DIR
from cypher.store import GraphStore
from schema.projection import Projection, projection_of
from schema.root import build_schema

TEST_QUERIES = Path(__file__).parent / "cypher" / "queries"
NEO4J_URL = os.environ.get("JCM_TEST_NEO4J_URL")
NEO4J_SEEDED_URL = os.environ.get("JCM_TEST_NEO4J_SEEDED_URL") if NEO4J_URL else None
NEO4J_AUTH = {
    "neo4j_user": os.environ.get("JCM_TEST_NEO4J_USER", "neo4j"),
    "neo4j_password": os.environ.get("JCM_TEST_NEO4J_PASSWORD", "jcm-test-password"),
}


@pytest.fixture(scope="session")
def embedded() -> Iterator[EmbeddedFalkorDB]:
    # A short path: unix socket paths are limited to ~104 characters.
    data_dir = tempfile.mkdtemp(prefix="jcm-test-", dir="/tmp")
    db = EmbeddedFalkorDB(data_dir)
    db.start()
    yield db
    db.stop()
    shutil.rmtree(data_dir, ignore_errors=True)


def new_store(
    embedded: EmbeddedFalkorDB, graph_name: str, url: str | None = NEO4J_URL
) -> GraphStore:
    dirs = (QUERIES_DIR, TEST_QUERIES)
    if url:
        return Neo4jStore(url=url, **_neo4j_credentials(), query_dirs=dirs)
    return FalkorDBStore(graph_name=graph_name, unix_socket=str(embedded.socket), query_dirs=dirs)


def _neo4j_credentials() -> dict[str, str]:
    return {"user": NEO4J_AUTH["neo4j_user"], "password": NEO4J_AUTH["neo4j_password"]}


async def wipe(store: GraphStore) -> None:
    if isinstance(store, FalkorDBStore):
        await store.drop_graph()
    else:
        await store.write("delete_all")


async def start_empty(embedded: EmbeddedFalkorDB, graph_name: str) -> None:
    """Empties the test's graph before its app starts: on Neo4j one database is shared, and a
    test that wrote through a server process of its own may have left data behind."""
    store = new_store(embedded, graph_name)
    await wipe(store)
    await store.close()


@pytest.fixture
def graph_name() -> str:
    return f"test_{uuid.uuid4().hex[:12]}"


@pytest.fixture
async def store(embedded: EmbeddedFalkorDB, graph_name: str) -> AsyncIterator[GraphStore]:
    """A store on an empty graph of its own (Neo4j: the database, wiped)."""
    store = new_store(embedded, graph_name)
    await wipe(store)
    yield store
    await wipe(store)
    await store.close()


def app_settings(embedded: EmbeddedFalkorDB, graph_name: str, **overrides: object) -> Settings:
    # Tests of other features read the whole ledger often; its anonymous rate limit has its
    # own test (tests/schema/test_ledger_scans.py).
    values: dict[str, object] = {
        "data_dir": embedded.data_dir,
        "graph_name": graph_name,
        "anonymous_ledger_scans_per_minute": 100_000,
    }
    if NEO4J_URL:
        values |= {"graph_url": NEO4J_URL, **NEO4J_AUTH}
    return Settings(**(values | overrides))  # type: ignore[arg-type]


@pytest.fixture
async def client(embedded: EmbeddedFalkorDB, graph_name: str) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client speaking to the real ASGI app (lifespan run) on an empty graph."""
    await start_empty(embedded, graph_name)
    app = create_app(app_settings(embedded, graph_name))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://jcm.test") as http:
            yield http
        await wipe(app.state.store)


def _seeded_scope(fixture_name: str, config: object) -> str:
    # One Neo4j server shared with tests that wipe it: seed it again for every test.
    return "function" if NEO4J_URL and not NEO4J_SEEDED_URL else "session"


@pytest.fixture(scope=_seeded_scope)
async def seeded_client(embedded: EmbeddedFalkorDB) -> AsyncIterator[httpx.AsyncClient]:
    """One app on a graph holding the JCM seed data, shared by read-only tests."""
    name = f"seeded_{uuid.uuid4().hex[:8]}"
    settings = app_settings(embedded, name, seed_if_empty=True)
    if NEO4J_SEEDED_URL:
        settings = app_settings(embedded, name, seed_if_empty=True, graph_url=NEO4J_SEEDED_URL)
        # A server left from an earlier run may hold an older seed: start from empty.
        leftover = new_store(embedded, name, url=NEO4J_SEEDED_URL)
        await wipe(leftover)
        await leftover.close()
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://jcm.test") as http:
            http.app = app  # type: ignore[attr-defined]
            yield http
        await wipe(app.state.store)


async def gql(http: httpx.AsyncClient, query: str, **variables: object) -> dict:
    """POST a GraphQL operation; returns the decoded response body."""
    response = await http.post("/graphql", json={"query": query, "variables": variables})
    return response.json()


_SCHEMA = build_schema()._schema


def projection(query: str) -> Projection:
    """The properties per node type the API compiles reads with for `query` (its first
    operation): what a TCK-style test shows beside the GraphQL it compiles."""
    document = parse(query)
    operation = next(d for d in document.definitions if isinstance(d, OperationDefinitionNode))
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    return projection_of(_SCHEMA, operation, fragments)


def field_selections(type_name: str) -> list[str]:
    """A selection of each field of a type that takes no arguments: the field, with the first
    scalar field of its type when it is an object."""
    gql_type = _SCHEMA.type_map[type_name]
    out = []
    for name, field in gql_type.fields.items():
        if field.args:
            continue
        inner = get_named_type(field.type)
        if isinstance(inner, GraphQLObjectType):
            leaf = next(n for n, f in inner.fields.items() if is_leaf_type(get_named_type(f.type)))
            out.append(f"{name} {{ {leaf} }}")
        else:
            out.append(name)
    return out


def data(body: dict) -> dict:
    assert "errors" not in body, body["errors"]
    return body["data"]


WRITER_TOKEN = "writer-token-for-tests"
ADMIN_TOKEN = "admin-token-for-tests"
READER_TOKEN = "reader-token-for-tests"


def token_entries() -> list[dict]:
    from api.auth import token_hash

    return [
        {"name": "writer", "sha256": token_hash(WRITER_TOKEN), "roles": ["registry:write"]},
        {"name": "admin", "sha256": token_hash(ADMIN_TOKEN), "roles": ["admin"]},
        {"name": "reader", "sha256": token_hash(READER_TOKEN), "roles": []},
    ]


@pytest.fixture
async def ledger_client(
    embedded: EmbeddedFalkorDB, graph_name: str
) -> AsyncIterator[httpx.AsyncClient]:
    """A writable app on a fresh graph holding the JCM seed data, with test tokens."""
    await start_empty(embedded, graph_name)
    app = create_app(app_settings(embedded, graph_name, seed_if_empty=True, tokens=token_entries()))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://jcm.test") as http:
            http.app = app  # type: ignore[attr-defined]
            yield http
        await wipe(app.state.store)


async def gql_as(
    http: httpx.AsyncClient, token: str | None, query: str, **variables: object
) -> dict:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = await http.post(
        "/graphql", json={"query": query, "variables": variables}, headers=headers
    )
    return response.json()
