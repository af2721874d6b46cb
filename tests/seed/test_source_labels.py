"""A record is OFFICIAL only when an official source states it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from seed.seed_files import DATA_DIR, SeedError, read_seed
from seed.source_kinds import has_official_source, is_official


def test_every_official_record_has_an_official_source() -> None:
    for name, records in read_seed().items():
        for record in records:
            if record.dataQuality == "OFFICIAL":
                assert has_official_source(record.sources), (name, record)


@pytest.mark.parametrize(
    ("url", "official"),
    [
        ("https://www.jcm.go.jp/jc/mn-projects/", True),
        ("https://www.env.go.jp/en/headline/2528.html", True),
        ("https://gec.jp/jcm/projects/15pro_mgl_01/", True),
        ("https://www.adb.org/documents/japan-fund-for-the-joint-crediting-mechanism", True),
        ("https://vdocuments.us/validation-reportpdf.html", False),
        ("http://businessdocbox.com/Green_Solutions/1-Jcm-validation-report-form.html", False),
        ("https://pl.scribd.com/document/367121996/JCM-ID-Spec-Registry-Ver01-0", False),
        ("https://github.com/create-to-solve/carbon-registry-intelligence-db/blob/x/a.csv", False),
        ("https://notgo.jp.example.com/", False),
    ],
)
def test_copies_and_third_parties_are_not_official(url: str, official: bool) -> None:
    assert is_official(url) is official


def test_seed_refuses_an_official_record_resting_on_a_mirror(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    projects = json.loads((data / "projects.json").read_text())
    projects[0]["dataQuality"] = "OFFICIAL"
    projects[0]["sources"] = ["https://vdocuments.us/validation-reportpdf.html"]
    (data / "projects.json").write_text(json.dumps(projects))
    with pytest.raises(SeedError) as caught:
        read_seed(data)
    assert caught.value.problems == [
        f"projects.json:{projects[0]['ref']}: OFFICIAL needs an official source (a government "
        "or JCM page, not a copy); label it SECONDARY or cite the official page"
    ]


def test_technologies_are_labelled_as_inferred_and_cite_no_real_page() -> None:
    records = read_seed()
    assert all(t.sources == ["seed/README.md"] for t in records["technologies.json"])
    linked = [p for p in records["projects.json"] if p.technologies]
    assert linked
    assert all(p.technologiesBasis == "INFERRED" for p in linked)
