"""Scoring an external project record against JCM projects: same host country, then title
similarity after normalizing case, accents (Vietnamese đ included), punctuation, capacity units
(2,1 MW = 2100 kW = 2.1MW), common transliterations and the host country's own words for
technologies, facilities and places (matching_terms.json: a title in Bahasa Indonesia,
Vietnamese or romanized Thai is read in English), helped by participants and technology.
Equal capacities are evidence for a match; different ones nearly rule it out."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

TERMS_FILE = Path(__file__).with_name("matching_terms.json")
# The language of the titles each host country's registry publishes besides English.
HOST_LANGUAGE = {"ID": "id", "VN": "vi", "TH": "th"}

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
    # "plant" is a factory in one title and a power station in another.
    "plant",
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
    # NFKD leaves the Vietnamese đ whole: fold it by hand.
    text = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return text.replace("&", " and ")


@cache
def _vocabulary() -> dict[str, list[tuple[re.Pattern[str], str]]]:
    """Per language, each term as a whole-word pattern and its English, longest term first."""
    terms = json.loads(TERMS_FILE.read_text("utf-8"))["terms"]
    by_language: dict[str, list[tuple[str, str]]] = {}
    for t in terms:
        by_language.setdefault(t["language"], []).append((t["term"], t["means"]))
    return {
        lang: [
            (re.compile(rf"\b{re.escape(term)}\b"), means)
            for term, means in sorted(pairs, key=lambda p: -len(p[0]))
        ]
        for lang, pairs in by_language.items()
    }


@cache
def registry_aliases() -> dict[str, str]:
    """Folded alias -> ExternalRegistry key (`VCS` -> VERRA, `GS` -> GOLD-STANDARD)."""
    aliases = json.loads(TERMS_FILE.read_text("utf-8"))["registryAliases"]
    return {a["alias"]: a["registry"] for a in aliases}


def registry_key(name: str | None) -> str | None:
    """The ExternalRegistry key a registry's name or alias stands for, else the name as given."""
    if not name:
        return name
    folded = " ".join(re.sub(r"[^\w\s]", " ", _plain(name)).split())
    return registry_aliases().get(folded, name)


def in_english(text: str, country: str | None) -> str:
    """The folded text with the host language's terms (and English acronyms) in English."""
    plain = " ".join(re.sub(r"[^\w\s.,]", " ", _plain(text)).split())
    for lang in (HOST_LANGUAGE.get(country or ""), "en"):
        for pattern, means in _vocabulary().get(lang or "", []):
            plain = pattern.sub(means, plain)
    return plain


def capacities(text: str) -> set[str]:
    found = set()
    for number, unit in CAPACITY.findall(_plain(text)):
        # "1,500 kW" groups thousands; "2,1 MW" is a decimal comma.
        grouped = re.fullmatch(r"\d{1,3},\d{3}", number)
        mw = float(number.replace(",", "" if grouped else ".")) * TO_MW[unit]
        found.add(f"{mw:g}mw")
    return found


def tokens(text: str, country: str | None = None) -> set[str]:
    plain = CAPACITY.sub(" ", in_english(text, country))
    plain = re.sub(r"[^\w\s]", " ", plain)
    plain = " ".join(plain.split())
    for variant, canonical in TRANSLITERATIONS.items():
        plain = plain.replace(variant, canonical)
    words = (_singular(t) for t in plain.split())
    return {t for t in words if t not in STOPWORDS and not t.isdigit()}


def _singular(word: str) -> str:
    """factories -> factory, stores -> store; good enough to compare titles."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def dice(a: set[str], b: set[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def title_similarity(a: str, b: str, country: str | None = None) -> float:
    score = dice(tokens(a, country), tokens(b, country))
    ca, cb = capacities(a), capacities(b)
    if ca and cb and not ca & cb:
        score *= 0.4  # different capacities: different plants
    elif ca & cb:
        score = min(1.0, score + 0.15)  # the same capacity: evidence of the same plant
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
    country = record["country"]
    parts = [("title", 0.75, title_similarity(record["title"], project["title"], country))]
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
