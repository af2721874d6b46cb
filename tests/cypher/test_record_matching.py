"""Matching reads host-language titles: Bahasa Indonesia, Vietnamese with or without
diacritics, romanized Thai; equal capacities are evidence, look-alikes stay unlinked."""

from __future__ import annotations

import pytest

from cypher.external_formats import parse_records
from cypher.record_matching import LINK_THRESHOLD, best_matches, registry_key, tokens
from seed.seed_files import read_seed

PROJECTS = [
    {
        "ref": p.ref,
        "title": p.title,
        "hostCountry": p.hostCountry,
        "participants": [],
        "technologies": p.technologies,
    }
    for p in read_seed()["projects.json"]
]

# Titles as a national registry might publish them, written for these tests.
TRANSLATED = [
    ("ID", "Pemasangan PLTS Atap 2,1 MW di Pabrik Pengolahan Kayu", "ID036"),
    ("ID", "PLTS Atap 4,2 MW untuk Pabrik Farmasi dan Pabrik Kayu", "ID033"),
    # X-ID-04, a 10 MW mini-hydro selection in North Sumatra, may be the same plant (the
    # harvest keeps the two apart, see its conflicts): it may score as high.
    ("ID", "PLTM 10 MW di Sumatera Utara", "ID027"),
    ("ID", "PLTM 6 MW di Pasaman Barat, Sumatera Barat", "ID037"),
    ("VN", "Lắp đặt hệ thống điện mặt trời áp mái 9 MW cho các nhà máy", "X-VN-03"),
    ("VN", "Lap dat he thong dien mat troi ap mai 9 MW cho cac nha may", "X-VN-03"),
    ("VN", "Nhà máy điện trấu 10MW tại tỉnh Hậu Giang", "X-VN-02"),
    ("TH", "Tittang rabop phalang ngan saeng athit bon lang kha 2 MW thi mahawitthayalai", "TH034"),
]


POSSIBLY_SAME = {"X-ID-04"}


def top(country: str, title: str) -> list:
    record = {"country": country, "title": title}
    return best_matches(record, PROJECTS, set(), threshold=0.0)


@pytest.mark.parametrize(("country", "title", "ref"), TRANSLATED)
def test_a_host_language_title_links_the_right_project(country: str, title: str, ref: str) -> None:
    found = [m for m in top(country, title) if m.project not in POSSIBLY_SAME]
    assert found[0].project == ref, found[:3]
    assert found[0].confidence >= LINK_THRESHOLD
    # Whatever comes next is a look-alike (another plant, another capacity): never linked.
    assert found[1].confidence < LINK_THRESHOLD, found[:3]


def test_vietnamese_with_and_without_diacritics_reads_the_same() -> None:
    with_marks = "Lắp đặt hệ thống điện mặt trời áp mái"
    without = "Lap dat he thong dien mat troi ap mai"
    assert tokens(with_marks, "VN") == tokens(without, "VN") == {"solar", "power", "rooftop"}


def test_equal_capacity_is_evidence_and_a_different_one_is_not() -> None:
    same = top("ID", "PLTS Atap 2,1 MW di Pabrik")[0]
    other = next(m for m in top("ID", "PLTS Atap 7,7 MW di Pabrik") if m.project == "ID036")
    assert same.project == "ID036"
    assert same.confidence > other.confidence


def test_a_title_sharing_no_word_still_ranks_the_hosts_projects() -> None:
    found = top("MN", "Төслийн нэр")  # Mongolian Cyrillic, no shared word
    assert {m.project for m in found} == {p["ref"] for p in PROJECTS if p["hostCountry"] == "MN"}
    assert all(m.confidence < LINK_THRESHOLD for m in found)


@pytest.mark.parametrize(
    ("given", "key"),
    [
        ("VCS", "VERRA"),
        ("Verified Carbon Standard", "VERRA"),
        ("GS", "GOLD-STANDARD"),
        ("gs4gg", "GOLD-STANDARD"),
        ("T-VER", "T-VER"),
        ("Some Registry", "Some Registry"),
    ],
)
def test_registry_aliases_name_the_registry(given: str, key: str) -> None:
    assert registry_key(given) == key


def test_an_imported_row_carries_the_registry_key_for_an_alias() -> None:
    csv = "projectId,projectName,projectHostCountry,projectRegistryName\nP1,Solar,ID,VCS\n"
    parsed = parse_records(csv, preset="cadt-v2", fmt="csv", countries={"ID"})
    assert [row.registryOfOrigin for _, row in parsed.rows] == ["VERRA"]
