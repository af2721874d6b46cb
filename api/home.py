"""The page at `/`: what this API is and where to go, with no external resources."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import HTMLResponse

EXAMPLES = [
    (
        "Projects hosted in ASEAN states, newest first",
        "{ projects(filter: {asean: true}, orderBy: [{field: REGISTERED_ON, direction: DESC}]) "
        "{ totalCount nodes { ref title status hostCountry { name } } } }",
    ),
    (
        "Trace a credit from its serial",
        '{ traceCredit(serial: "TH-X-TH-01-2025-1-000065") { status holder { owner registry } '
        "history { on kind fromAccount { owner } toAccount { owner } } adjustmentStatus gaps } }",
    ),
    ("Integrity findings", "{ integrityReport { rule severity records explanation } }"),
    (
        "Projects and credits by country",
        "{ stats(groupBy: [COUNTRY]) { country projectCount creditsIssued creditsRetired } }",
    ),
]


def _page() -> str:
    from urllib.parse import quote

    items = "\n".join(
        f'<li><a href="/graphql?query={quote(q)}">{title}</a><pre>{q}</pre></li>'
        for title, q in EXAMPLES
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>JCM Graph</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem;
       line-height: 1.5; color: #1f2933; }}
pre {{ background: #f4f6f8; padding: .5rem; overflow-x: auto; font-size: .85rem; }}
a {{ color: #0b6bcb; }}
</style></head><body>
<h1>JCM Graph</h1>
<p>A GraphQL API over the Joint Crediting Mechanism (二国間クレジット制度): partner countries,
projects, methodologies, funding and the credit ledger, every fact with its source and a data
quality (OFFICIAL, SECONDARY or ILLUSTRATIVE).</p>
<ul>
<li><a href="/explore">Explorer</a>: search projects, trace a credit's provenance, see the
    credit flows and the programme's progress</li>
<li><a href="/graphql">GraphiQL IDE</a>: explore the schema and run queries</li>
<li><a href="/export/cadt-v2/projects.csv">Projects</a>,
    <a href="/export/cadt-v2/locations.csv">locations</a> and
    <a href="/export/cadt-v2/units.csv">units</a> as CAD Trust v2 CSV (also <code>.json</code>;
    <a href="/export/cadt-v2/provenance.csv">provenance</a> of every record);
    <a href="/export/graph.json">the whole graph as JSON</a></li>
<li><a href="/aef/TH/2025/actions.csv">Article 6.2 AEF actions of Thailand, 2025</a> (CSV)</li>
<li><a href="/readyz">Readiness</a> and <a href="/healthz">liveness</a></li>
</ul>
<h2>Try (each link runs the query and answers JSON; paste it into the IDE to explore)</h2>
<ul>
{items}
</ul>
</body></html>"""


async def home(request: Request) -> HTMLResponse:
    return HTMLResponse(_page())
