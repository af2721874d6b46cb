"""The JCM seed data loads, reloads without change, keeps its provenance and a sound ledger."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cypher.ledger_checks import ledger_problems, tiling_problems
from cypher.store import GraphStore
from seed.loader import load_reference_data
from seed.seed_files import DATA_DIR, SeedError, read_seed


async def label_counts(store: GraphStore) -> dict[str, int]:
    info = (await store.read("graph_info"))[0]
    return {x["label"]: x["count"] for x in info["labels"]} | {
        "_relationships": info["relationshipCount"]
    }


@pytest.fixture
async def seeded(store: GraphStore) -> GraphStore:
    await store.migrate()
    await load_reference_data(store)
    return store


async def test_seed_loads_every_file_into_an_empty_graph(seeded: GraphStore) -> None:
    counts = await label_counts(seeded)
    files = read_seed()
    assert counts["Country"] == len(files["countries.json"])
    assert counts["Project"] == len(files["projects.json"])
    assert counts["Methodology"] == len(files["methodologies.json"])
    assert counts["Partnership"] == 30
    assert counts["Sector"] == 15
    assert counts["Issuance"] == len(files["issuances.json"])
    assert counts["Transaction"] == len(files["ledger.json"])


async def test_loading_twice_changes_nothing(seeded: GraphStore) -> None:
    before = await label_counts(seeded)
    summary = await load_reference_data(seeded)
    assert summary.changed == 0
    assert await label_counts(seeded) == before


async def test_a_changed_record_is_updated_in_place(seeded: GraphStore, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    projects = json.loads((data / "projects.json").read_text())
    cr001 = next(p for p in projects if p["ref"] == "CR001")
    cr001["title"] = "5MW Solar Power Project in Belén"
    cr001["technologies"] = ["rooftop-solar-pv"]
    (data / "projects.json").write_text(json.dumps(projects))
    before = await label_counts(seeded)
    summary = await load_reference_data(seeded, data)
    assert summary.updated == {**{k: 0 for k in summary.updated}, "Project": 1}
    assert sum(summary.created.values()) == 0
    assert await label_counts(seeded) == before
    rows = await seeded.read("project_title_and_technology_ids", {"ref": "CR001"})
    assert rows == [
        {"title": "5MW Solar Power Project in Belén", "technologies": ["rooftop-solar-pv"]}
    ]


async def test_corrupted_record_is_named_and_nothing_is_written(
    store: GraphStore, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    projects = json.loads((data / "projects.json").read_text())
    projects[4]["hostCountry"] = "XX"
    projects[5]["registeredOn"] = "23 Feb 20"
    del projects[6]["dataQuality"]
    (data / "projects.json").write_text(json.dumps(projects))
    with pytest.raises(SeedError) as caught:
        await load_reference_data(store, data)
    problems = caught.value.problems
    assert any(p.startswith(f"projects.json:{projects[5]['ref']}: registeredOn:") for p in problems)
    assert any(p.startswith(f"projects.json:{projects[6]['ref']}: dataQuality:") for p in problems)
    assert await store.read("any_node") == []


async def test_unknown_reference_is_reported_with_file_and_record(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    projects = json.loads((data / "projects.json").read_text())
    projects[0]["hostCountry"] = "XX"
    (data / "projects.json").write_text(json.dumps(projects))
    with pytest.raises(SeedError) as caught:
        read_seed(data)
    assert caught.value.problems == [
        f"projects.json:{projects[0]['ref']}: hostCountry: unknown countries 'XX'"
    ]


async def test_ledger_operation_that_breaks_an_invariant_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    ledger = json.loads((data / "ledger.json").read_text())
    retire = next(op for op in ledger if op["op"] == "RETIRE")
    ledger.append({**retire, "id": "TX-AGAIN", "on": "2026-12-31"})
    (data / "ledger.json").write_text(json.dumps(ledger))
    from seed.reference_graph import build_reference_graph

    with pytest.raises(SeedError) as caught:
        build_reference_graph(read_seed(data))
    assert caught.value.problems[0].startswith("ledger.json:TX-AGAIN:")


async def test_every_node_has_a_source_and_a_data_quality(seeded: GraphStore) -> None:
    assert await seeded.read("nodes_missing_provenance", {"limit": 10}) == []


async def test_seeded_ledger_tiles_every_series_and_conserves_units(seeded: GraphStore) -> None:
    assert await ledger_problems(seeded, exhaustive=True) == []
    rows = await seeded.read("series_ledger_totals", {"seriesPrefix": ""})
    issued = {row["series"]: row["issued"] for row in rows}
    assert {k: issued[k] for k in ("JP-X-ID-02-2016-1", "ID-X-ID-02-2016-1")} == {
        "JP-X-ID-02-2016-1": 31,
        "ID-X-ID-02-2016-1": 9,
    }
    # Japan's 125 and Mongolia's 32 of the first Mongolian issuance: 157 as notified.
    assert issued["JP-X-MN-01-2016-1"] + issued["MN-X-MN-01-2016-1"] == 157
    expected = {}
    for op in read_seed()["ledger.json"]:
        if op.op == "ISSUE":
            expected[op.series] = expected.get(op.series, 0) + op.quantity
    assert issued == expected


def test_tiling_check_finds_overlaps_gaps_and_excess() -> None:
    def blocks(*ranges: tuple[int, int]) -> list[dict]:
        return [{"id": f"b{a}", "first": a, "last": b, "status": "HELD"} for a, b in ranges]

    assert tiling_problems("s", 10, blocks((1, 4), (5, 10))) == []
    kinds = {p.kind for p in tiling_problems("s", 10, blocks((1, 6), (5, 10)))}
    assert "OVERLAP" in kinds
    kinds = {p.kind for p in tiling_problems("s", 10, blocks((1, 3), (6, 10)))}
    assert kinds == {"GAP", "NOT_CONSERVED"}
    kinds = {p.kind for p in tiling_problems("s", 10, blocks((1, 12)))}
    assert kinds == {"BEYOND_ISSUED", "NOT_CONSERVED"}


async def test_provenance_check_finds_a_node_without_source(seeded: GraphStore) -> None:
    await seeded.write("create_probe", {"item": 1})
    found = await seeded.read("nodes_missing_provenance", {"limit": 10})
    assert [(row["label"], row["missing"]) for row in found] == [("Probe", "source")]


def test_the_screen_sends_broken_series_to_the_exact_check() -> None:
    from cypher.ledger_checks import suspicious

    sound = {
        "issued": 10,
        "retired": 0,
        "cancelled": 0,
        "blocks": 2,
        "units": 10,
        "lowest": 1,
        "highest": 10,
        "liveRetired": 0,
        "liveCancelled": 0,
    }
    assert not suspicious(sound)
    assert suspicious({**sound, "units": 12})  # an overlap
    assert suspicious({**sound, "highest": 9, "units": 9})  # a gap at the end
    assert suspicious({**sound, "liveRetired": 3})  # counters disagree
    assert suspicious({**sound, "blocks": 0, "units": 0, "lowest": None, "highest": None})


def test_the_seed_readme_counts_are_the_datas() -> None:
    from seed.readme_counts import README, counts_section

    section = counts_section()
    assert section in README.read_text("utf-8"), (
        "seed/README.md is behind the data: run `python -m seed.readme_counts --write`"
    )
    assert "| projects.json | " in section
