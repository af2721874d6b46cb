"""Which sources count as official.

A record may be labelled OFFICIAL only when one of its sources is a government or JCM body's own
page: the Government of Japan (`*.go.jp`), the JCM's registries and secretariat sites (the
Mongolian JCM secretariat publishes at jcm-mongolia.com), the Global
Environment Centre (GEC, which runs the MOEJ programmes), the ADB and the UNFCCC, and the partner
governments' own domains. Copies of official documents on document mirrors, news, aggregators,
blogs and third parties' scrapes are SECONDARY however faithful they are.
"""

from __future__ import annotations

from urllib.parse import urlsplit

OFFICIAL_HOST_SUFFIXES = (
    ".go.jp",
    "jcm.go.jp",
    "jcm-mongolia.com",
    "gec.jp",
    "adb.org",
    "unfccc.int",
    "jica.go.jp",
    ".gov",
    ".go.th",
    ".go.id",
    ".gov.mn",
    ".gov.vn",
    ".gov.ph",
    ".gov.kh",
    ".gov.la",
    ".gov.bd",
    ".gov.mv",
    ".gov.pw",
)

# Seed documents in this repository that quote an official publication verbatim.
OFFICIAL_SEED_DOCUMENTS: tuple[str, ...] = ()


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def is_official(url: str) -> bool:
    """True when the URL is a government or JCM body's own page (not a copy of one)."""
    if url.startswith("seed/"):
        return url in OFFICIAL_SEED_DOCUMENTS
    host = host_of(url)
    return any(
        host == s.lstrip(".") or host.endswith(s if s.startswith(".") else "." + s)
        for s in OFFICIAL_HOST_SUFFIXES
    )


def has_official_source(sources: list[str]) -> bool:
    return any(is_official(s) for s in sources)
