"""`stats` totals agree with the ledger; `search` finds things by their words."""

from __future__ import annotations

import httpx
import pytest

from seed.seed_files import read_seed
from tests.conftest import data, gql
from tests.seed_ledger import ALL, REAL, ledger_totals, notified_total

STATS = """query($by: [StatsDimension!], $filter: ProjectFilter, $q: [DataQuality!]) {
  stats(groupBy: $by, filter: $filter, creditQuality: $q) { country sector technology
    programme year status projectCount estimatedAnnualReduction creditsIssued creditsHeld
    creditsRetired creditsCancelled creditsNotified creditQualities } }"""


@pytest.mark.parametrize("by", [[], ["COUNTRY"], ["STATUS", "YEAR"], ["COUNTRY", "STATUS"]])
async def test_stats_totals_equal_the_real_issuances_of_the_ledger(
    seeded_client: httpx.AsyncClient, by: list
) -> None:
    groups = data(await gql(seeded_client, STATS, by=by))["stats"]
    totals = ledger_totals()
    assert sum(g["creditsIssued"] for g in groups) == totals["issued"]
    assert sum(g["creditsNotified"] for g in groups) == notified_total()
    assert {q for g in groups for q in g["creditQualities"]} == set(REAL)
    assert sum(g["creditsHeld"] for g in groups) == totals["held"]
    assert sum(g["creditsRetired"] for g in groups) == totals["retired"]
    assert sum(g["creditsCancelled"] for g in groups) == totals["cancelled"]
    assert sum(g["projectCount"] for g in groups) == len(read_seed()["projects.json"])


async def test_stats_group_by_country_counts_projects_per_host(
    seeded_client: httpx.AsyncClient,
) -> None:
    groups = data(await gql(seeded_client, STATS, by=["COUNTRY"]))["stats"]
    by_country = {g["country"]: g for g in groups}
    hosts = [p.hostCountry for p in read_seed()["projects.json"]]
    assert {c: g["projectCount"] for c, g in by_country.items()} == {
        c: hosts.count(c) for c in set(hosts)
    }
    assert by_country["ID"]["creditsIssued"] == 40
    assert by_country["MN"]["creditsIssued"] == ledger_totals(country="MN")["issued"]
    assert by_country["MN"]["creditsNotified"] == notified_total(country="MN")


async def test_stats_keys_not_grouped_by_read_null_and_reductions_add_up(
    seeded_client: httpx.AsyncClient,
) -> None:
    groups = data(await gql(seeded_client, STATS, by=["YEAR"]))["stats"]
    assert {
        (g["country"], g["sector"], g["technology"], g["programme"], g["status"]) for g in groups
    } == {(None, None, None, None, None)}
    assert [g["year"] for g in groups] == sorted(
        (g["year"] for g in groups), key=lambda y: (y is None, y)
    )
    projects = read_seed()["projects.json"]
    expected = sum(p.estimatedAnnualReduction or 0 for p in projects)
    assert sum(g["estimatedAnnualReduction"] for g in groups) == pytest.approx(expected)


async def test_stats_multi_valued_dimension_counts_each_group(
    seeded_client: httpx.AsyncClient,
) -> None:
    groups = data(await gql(seeded_client, STATS, by=["TECHNOLOGY"], filter={"refs": ["TH013"]}))[
        "stats"
    ]
    assert {g["technology"] for g in groups} == {"centrifugal-chiller", "cogeneration"}
    assert all(g["projectCount"] == 1 for g in groups)


async def test_stats_filter_is_applied(seeded_client: httpx.AsyncClient) -> None:
    groups = data(await gql(seeded_client, STATS, by=[], filter={"hostCountries": ["TH"]}))
    # Of Thailand's credits the ledger holds only Japan's 1,009 ITMOs of TH014 for real.
    assert groups["stats"][0]["creditsIssued"] == 1009
    assert groups["stats"][0]["creditsNotified"] == notified_total(country="TH")
    groups = data(
        await gql(seeded_client, STATS, by=[], filter={"hostCountries": ["TH"]}, q=list(ALL))
    )
    assert groups["stats"][0]["creditsIssued"] == 1009 + 100


async def test_stats_count_illustrative_credits_only_when_asked(
    seeded_client: httpx.AsyncClient,
) -> None:
    groups = data(await gql(seeded_client, STATS, by=[], q=list(ALL)))["stats"]
    totals = ledger_totals(ALL)
    assert sum(g["creditsIssued"] for g in groups) == totals["issued"]
    assert totals["issued"] == ledger_totals()["issued"] + 100
    assert sum(g["creditsHeld"] for g in groups) == totals["held"]
    assert sum(g["creditsRetired"] for g in groups) == totals["retired"]
    only = data(await gql(seeded_client, STATS, by=[], q=["ILLUSTRATIVE"]))["stats"]
    assert sum(g["creditsIssued"] for g in only) == 100


SEARCH = """query($text: String!) { search(text: $text, first: 10) {
  kind key title score node { id ... on Project { ref } ... on Organization { name } } } }"""


async def test_search_finds_a_project_by_a_word_of_its_title(
    seeded_client: httpx.AsyncClient,
) -> None:
    hits = data(await gql(seeded_client, SEARCH, text="Belen"))["search"]
    assert (hits[0]["kind"], hits[0]["key"]) == ("PROJECT", "CR001")
    assert hits[0]["node"]["ref"] == "CR001"
    assert all("belen" in h["title"].lower() for h in hits)


async def test_search_matches_every_word_and_a_word_start(
    seeded_client: httpx.AsyncClient,
) -> None:
    hits = data(await gql(seeded_client, SEARCH, text="electrolyzer chlor"))["search"]
    assert {(h["kind"], h["key"]) for h in hits} == {
        ("PROJECT", "SA001"),
        ("METHODOLOGY", "SA_AM001"),
    }


async def test_search_finds_organizations(seeded_client: httpx.AsyncClient) -> None:
    hits = data(await gql(seeded_client, SEARCH, text="quality assurance"))["search"]
    assert ("ORGANIZATION", "jqa") in {(h["kind"], h["key"]) for h in hits}


async def test_search_ignores_query_syntax(seeded_client: httpx.AsyncClient) -> None:
    for text in ['"', "@title:{x}", "-", "*", "solar) OR (x"]:
        body = await gql(seeded_client, SEARCH, text=text)
        assert "errors" not in body, (text, body)


@pytest.mark.parametrize(
    ("typed", "plain"),
    [
        ("solar AND power", "solar power"),
        ("solar OR power", "solar power"),
        ("NOT solar", "solar"),
        ('"solar power"', "solar power"),
        ("solar* pow~", "solar pow"),
        ("title:solar", "title solar"),
        ("+solar -power", "solar power"),
    ],
)
async def test_search_reads_lucene_syntax_as_plain_words(
    seeded_client: httpx.AsyncClient, typed: str, plain: str
) -> None:
    hits = data(await gql(seeded_client, SEARCH, text=typed))["search"]
    expected = data(await gql(seeded_client, SEARCH, text=plain))["search"]
    assert [(h["kind"], h["key"]) for h in hits] == [(h["kind"], h["key"]) for h in expected]


async def test_search_ranks_the_whole_phrase_and_shorter_titles_first(
    seeded_client: httpx.AsyncClient,
) -> None:
    hits = data(await gql(seeded_client, SEARCH, text="power plant"))["search"]
    assert [h["key"] for h in hits[:5]] == [
        "bogd-river-hydroelectric-power-plant-llc",
        "ID027",
        "X-VN-02",
        "ID018",
        "PW002",
    ]
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    hits = data(await gql(seeded_client, SEARCH, text="solar pow"))["search"]
    assert [h["key"] for h in hits[:3]] == ["solar-power-international-llc", "MV001", "CR001"]


async def test_credits_notified_asked_through_a_fragment_are_counted(
    seeded_client: httpx.AsyncClient,
) -> None:
    query = """{ stats { ...Totals } } fragment Totals on StatsGroup { creditsNotified }"""
    groups = data(await gql(seeded_client, query))["stats"]
    assert sum(g["creditsNotified"] for g in groups) == notified_total()


@pytest.mark.parametrize("by", [["COUNTRY", "YEAR"], ["SECTOR"], ["TECHNOLOGY", "PROGRAMME"]])
async def test_each_stats_figure_is_the_same_asked_alone_or_with_the_others(
    seeded_client: httpx.AsyncClient, by: list
) -> None:
    # The statement leaves out the parts of the figures not asked for (cypher/project_stats.py).
    figures = [
        "estimatedAnnualReduction",
        "creditsIssued",
        "creditsHeld",
        "creditsRetired",
        "creditsNotified",
    ]
    together = data(await gql(seeded_client, STATS, by=by, q=ALL))["stats"]
    for figure in figures:
        alone = STATS.replace(
            "projectCount estimatedAnnualReduction creditsIssued creditsHeld\n    "
            "creditsRetired creditsCancelled creditsNotified creditQualities",
            f"projectCount {figure}",
        )
        assert alone != STATS
        groups = data(await gql(seeded_client, alone, by=by, q=ALL))["stats"]
        assert [g[figure] for g in groups] == [g[figure] for g in together], figure
        assert [g["projectCount"] for g in groups] == [g["projectCount"] for g in together]


@pytest.mark.parametrize("figures", ["projectCount", "projectCount creditsIssued creditsNotified"])
@pytest.mark.parametrize("by", [[], ["SECTOR"], ["COUNTRY", "PROGRAMME"]])
async def test_stats_under_a_filter_on_derived_values_count_the_projects_it_lists(
    seeded_client: httpx.AsyncClient, by: list, figures: str
) -> None:
    # `asean` and `sectors` filter on values computed before the filter (cypher/listings.py).
    project_filter = {"asean": True, "NOT": {"sectors": ["SCOPE-01"]}}
    query = f"""query($by: [StatsDimension!], $filter: ProjectFilter) {{
        stats(groupBy: $by, filter: $filter) {{ sector programme {figures} }} }}"""
    groups = data(await gql(seeded_client, query, by=by, filter=project_filter))["stats"]
    count = "query($filter: ProjectFilter) { projects(filter: $filter) { totalCount } }"
    listed = data(await gql(seeded_client, count, filter=project_filter))["projects"]["totalCount"]
    asean = data(await gql(seeded_client, count, filter={"asean": True}))["projects"]["totalCount"]
    assert 0 < listed < asean
    if by:
        assert sum(g["projectCount"] for g in groups) >= listed
    else:
        assert [g["projectCount"] for g in groups] == [listed]
