"""Scoring an external project record against JCM projects: same host country, then title
similarity after normalizing case, accents, punctuation, capacity units (2,1 MW = 2100 kW =
2.1MW) and common transliterations, helped by participants and technology."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

LINK_THRESHOLD = 0.75
CANDIDATE_THRESHOLD = 0.3
STOPWORDS = {
    "of",
    "the",
    "a",
    "an",
    "in",
    "at",
    "to",
    "for",
    "and",
    "by",
    "with",
    "on",
    "into",
    "project",
    "projects",
    "system",
    "systems",
    "introduction",
    "installation",
}
TRANSLITERATIONS = {
    "viet nam": "vietnam",
    "lao pdr": "laos",
    "lao p d r": "laos",
    "co generation": "cogeneration",
    "roof top": "rooftop",
    "photovoltaic": "pv",
    "air conditioning": "airconditioning",
}
CAPACITY = re.compile(r"(\d+(?:[.,]\d+)?)\s*(gw|mwp|mw|kwp|kw)\b")
TO_MW = {"gw": 1000.0, "mw": 1.0, "mwp": 1.0, "kw": 0.001, "kwp": 0.001}


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return text.replace("&", " and ")


def capacities(text: str) -> set[str]:
    found = set()
    for number, unit in CAPACITY.findall(_plain(text)):
        # "1,500 kW" groups thousands; "2,1 MW" is a decimal comma.
        grouped = re.fullmatch(r"\d{1,3},\d{3}", number)
        mw = float(number.replace(",", "" if grouped else ".")) * TO_MW[unit]
        found.add(f"{mw:g}mw")
    return found


def tokens(text: str) -> set[str]:
    plain = CAPACITY.sub(" ", _plain(text))
    plain = re.sub(r"[^\w\s]", " ", plain)
    plain = " ".join(plain.split())
    for variant, canonical in TRANSLITERATIONS.items():
        plain = plain.replace(variant, canonical)
    return {t for t in plain.split() if t not in STOPWORDS and not t.isdigit()}


def dice(a: set[str], b: set[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def title_similarity(a: str, b: str) -> float:
    score = dice(tokens(a), tokens(b))
    ca, cb = capacities(a), capacities(b)
    if ca and cb and not ca & cb:
        score *= 0.4  # different capacities: different plants
    return score


@dataclass(frozen=True)
class Match:
    project: str
    confidence: float
    method: str


def score(record: dict[str, Any], project: dict[str, Any]) -> Match | None:
    """None when the host countries differ; else the weighted evidence."""
    if record["country"] != project["hostCountry"]:
        return None
    parts = [("title", 0.75, title_similarity(record["title"], project["title"]))]
    if record.get("participants") and project.get("participants"):
        names = set().union(*(tokens(p) for p in record["participants"]))
        theirs = set().union(*(tokens(p) for p in project["participants"]))
        parts.append(("participants", 0.15, dice(names, theirs)))
    if record.get("technology") and project.get("technologies"):
        tech = tokens(record["technology"])
        theirs = set().union(*(tokens(t) for t in project["technologies"]))
        parts.append(("technology", 0.10, dice(tech, theirs)))
    weight = sum(w for _, w, _ in parts)
    confidence = round(sum(w * s for _, w, s in parts) / weight, 3)
    method = "country+" + "+".join(name for name, _, s in parts if s > 0) if confidence else ""
    return Match(project["ref"], confidence, method or "country")


def best_matches(
    record: dict[str, Any],
    projects: list[dict[str, Any]],
    rejected: set[str],
    threshold: float = CANDIDATE_THRESHOLD,
) -> list[Match]:
    found = [
        m
        for p in projects
        if p["ref"] not in rejected
        for m in [score(record, p)]
        if m is not None and m.confidence >= threshold
    ]
    return sorted(found, key=lambda m: (-m.confidence, m.project))
