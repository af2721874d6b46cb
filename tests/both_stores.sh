#!/usr/bin/env bash
# The test-suite on both stores: first on the embedded FalkorDB, then on a real Neo4j
# Community 5.26 that neo4j/neo4j.sh starts on loopback for this run and stops afterwards.
# Each half prints its own pytest summary; the last lines say how both went.
#
# Without Java >= 17 and Maven the Neo4j half is not run, which is a failure only when
# JCM_REQUIRE_NEO4J=1 (.ci/run sets it). Extra arguments go to both pytest runs.
set -uo pipefail
cd "$(dirname "$0")/.."
python="${PYTHON:-.venv/bin/python}"
ports="${JCM_TEST_NEO4J_PORTS:-17687 17688}"
read -r main_port seeded_port <<<"$ports"

echo "== tests on the embedded FalkorDB"
"$python" -m pytest "$@"
falkordb=$?

neo4j="not run"
neo4j_status=0
if neo4j/neo4j.sh available; then
    echo "== tests on Neo4j (neo4j/neo4j.sh, ports $main_port and $seeded_port)"
    data_dir="$(mktemp -d /tmp/jcm-neo4j-test-XXXXXX)"
    if neo4j/neo4j.sh start "$data_dir" "$main_port" "$seeded_port"; then
        JCM_TEST_NEO4J_URL="bolt://127.0.0.1:$main_port" \
            JCM_TEST_NEO4J_SEEDED_URL="bolt://127.0.0.1:$seeded_port" \
            "$python" -m pytest "$@"
        neo4j_status=$?
        [ "$neo4j_status" -eq 0 ] || neo4j/neo4j.sh report "$data_dir"
        neo4j/neo4j.sh stop "$data_dir"
    else
        neo4j_status=1
    fi
    rm -rf "$data_dir"
    if [ "$neo4j_status" -eq 0 ]; then neo4j="passed"; else neo4j="FAILED"; fi
else
    neo4j="NOT RUN: Java >= 17 and Maven are needed to start Neo4j"
    [ "${JCM_REQUIRE_NEO4J:-0}" = 1 ] && neo4j_status=1
fi

echo
echo "== summary"
if [ "$falkordb" -eq 0 ]; then echo "embedded FalkorDB: passed"; else echo "embedded FalkorDB: FAILED"; fi
echo "Neo4j: $neo4j"
[ "$falkordb" -eq 0 ] && [ "$neo4j_status" -eq 0 ]
