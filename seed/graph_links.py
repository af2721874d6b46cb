"""The relationships the seed writes, one named link query each.

A link query makes a node's relationships of one type exactly the ones the payload lists
for it (stale ones are removed), so reloading changed data leaves no leftovers.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LinkKind:
    from_label: str
    rel: str
    to_label: str

    @property
    def query(self) -> str:
        return f"link_{_snake(self.from_label)}_{self.rel.lower()}_{_snake(self.to_label)}"


def _snake(label: str) -> str:
    return "".join("_" + c.lower() if c.isupper() else c for c in label).lstrip("_")


LINKS: list[LinkKind] = [
    LinkKind("Partnership", "BETWEEN", "Country"),
    LinkKind("Organization", "BASED_IN", "Country"),
    LinkKind("Technology", "IN_SECTOR", "Sector"),
    LinkKind("Methodology", "APPROVED_UNDER", "Partnership"),
    LinkKind("Methodology", "IN_SECTOR", "Sector"),
    LinkKind("Organization", "DESIGNATED_AS_TPE", "Partnership"),
    LinkKind("FundingProgramme", "ADMINISTERED_BY", "Organization"),
    LinkKind("Project", "HOSTED_IN", "Country"),
    LinkKind("Project", "UNDER", "Partnership"),
    LinkKind("Project", "USES", "Technology"),
    LinkKind("Project", "APPLIES", "Methodology"),
    LinkKind("Project", "FUNDED_BY", "FundingProgramme"),
    LinkKind("Organization", "PARTICIPATES_IN", "Project"),
    LinkKind("Validation", "OF", "Project"),
    LinkKind("Validation", "BY", "Organization"),
    LinkKind("MonitoringPeriod", "OF", "Project"),
    LinkKind("Verification", "OF", "MonitoringPeriod"),
    LinkKind("Verification", "BY", "Organization"),
    LinkKind("Issuance", "OF", "Project"),
    LinkKind("Decision", "UNDER", "Partnership"),
    LinkKind("Decision", "CONCERNS", "Methodology"),
    LinkKind("Decision", "CONCERNS", "Project"),
    LinkKind("Decision", "CONCERNS", "Organization"),
    LinkKind("Issuance", "FOR", "Verification"),
    LinkKind("Issuance", "COVERS", "MonitoringPeriod"),
    LinkKind("Account", "OWNED_BY", "Organization"),
    LinkKind("Account", "OWNED_BY", "Country"),
    LinkKind("Series", "ISSUED_UNDER", "Issuance"),
    LinkKind("CreditBlock", "IN_SERIES", "Series"),
    LinkKind("CreditBlock", "ISSUED_BY", "Issuance"),
    LinkKind("CreditBlock", "HELD_IN", "Account"),
    LinkKind("CreditBlock", "SPLIT_FROM", "CreditBlock"),
    LinkKind("Transaction", "FROM", "Account"),
    LinkKind("Transaction", "TO", "Account"),
    LinkKind("Transaction", "MOVED", "CreditBlock"),
    LinkKind("Authorization", "BY", "Country"),
    LinkKind("Authorization", "COVERS", "Project"),
    LinkKind("CorrespondingAdjustment", "BY", "Country"),
    LinkKind("CorrespondingAdjustment", "FOR", "Transaction"),
    LinkKind("ExternalRegistry", "BASED_IN", "Country"),
    LinkKind("Sector", "MAPS_TO", "ExternalTerm"),
    LinkKind("Technology", "MAPS_TO", "ExternalTerm"),
    LinkKind("ExternalRecord", "IN_REGISTRY", "ExternalRegistry"),
    LinkKind("ExternalRecord", "SAME_AS", "Project"),
    LinkKind("ExternalRecord", "NOT_SAME_AS", "Project"),
    LinkKind("Statistic", "ABOUT", "Country"),
    LinkKind("Statistic", "ABOUT", "FundingProgramme"),
]

# Relationships that may repeat between the same two nodes, told apart by their `id` property.
KEYED_BY_ID = {"DESIGNATED_AS_TPE"}
# Date-valued relationship properties (sent as ISO strings, stored with date()).
LINK_DATES = {"DESIGNATED_AS_TPE": ["designatedOn"]}

# Date-valued node properties per label.
NODE_DATES: dict[str, list[str]] = {
    "Source": ["publishedOn"],
    "Partnership": ["signedOn", "firstJointCommitteeOn"],
    "Methodology": ["approvedOn", "revisedOn"],
    "Project": ["registeredOn", "startedOn", "selectedOn", "pinNoObjectionOn"],
    "Validation": ["reportOn"],
    "Verification": ["reportOn"],
    "MonitoringPeriod": ["startOn", "endOn"],
    "Issuance": ["decidedOn", "reportedOn", "issuedOn", "japanRegistryIssuedOn"],
    "Series": ["issuedOn"],
    "Transaction": ["on"],
    "Authorization": ["on"],
    "Statistic": ["asOf"],
}

# The order nodes are written in (sources first: every other node links to them).
NODE_ORDER = [
    "Source",
    "Country",
    "Partnership",
    "Sector",
    "Technology",
    "Methodology",
    "Organization",
    "FundingProgramme",
    "Project",
    "Validation",
    "MonitoringPeriod",
    "Verification",
    "Issuance",
    "Decision",
    "Account",
    "Series",
    "CreditBlock",
    "Transaction",
    "Authorization",
    "CorrespondingAdjustment",
    "Statistic",
    "ExternalRegistry",
    "ExternalTerm",
    "ExternalRecord",
]
