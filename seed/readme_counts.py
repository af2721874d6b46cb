"""The counts in seed/README.md, computed from the seed files (never typed by hand).

`python -m seed.readme_counts` prints the section; `--write` puts it into seed/README.md
between its `<!-- counts -->` markers. A test fails when the README is behind the data.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import Any

from seed.seed_files import DATA_DIR, read_seed

README = Path(__file__).with_name("README.md")
START, END = "<!-- counts: made by `python -m seed.readme_counts --write` -->", "<!-- /counts -->"


def _quality(records: list[Any]) -> str:
    found = Counter(getattr(r, "dataQuality", None) for r in records)
    parts = [f"{found[q]} {q}" for q in ("OFFICIAL", "SECONDARY", "ILLUSTRATIVE") if found[q]]
    return ", ".join(parts) or "-"


def counts_section(data_dir: Path = DATA_DIR) -> str:
    seed = read_seed(data_dir)
    lines = [
        START,
        "",
        "| file | records | by data quality |",
        "|---|---|---|",
    ]
    for name, records in seed.items():
        lines.append(f"| {name} | {len(records)} | {_quality(records)} |")
    projects = seed["projects.json"]
    statuses = Counter(p.status for p in projects)
    hosts = Counter(p.hostCountry for p in projects)
    titled = [m for m in seed["methodologies.json"] if getattr(m, "title", None)]
    lines += [
        "",
        f"Projects: {len(projects)} in {len(hosts)} host countries; by status "
        + ", ".join(f"{s} {n}" for s, n in sorted(statuses.items()))
        + f"; {sum(1 for p in projects if p.officialRef)} with an official reference number.",
        f"Methodologies: {len(seed['methodologies.json'])} ids, {len(titled)} with a title.",
        "",
        END,
    ]
    return "\n".join(lines)


def with_counts(readme: str, section: str) -> str:
    if START not in readme or END not in readme:
        return readme.rstrip() + "\n\n## Counts\n\n" + section + "\n"
    before, rest = readme.split(START, 1)
    after = rest.split(END, 1)[1]
    return before + section + after


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="update seed/README.md")
    args = parser.parse_args()
    section = counts_section()
    if args.write:
        README.write_text(with_counts(README.read_text("utf-8"), section), "utf-8")
        print(f"updated {README}")
    else:
        print(section)


if __name__ == "__main__":
    main()
