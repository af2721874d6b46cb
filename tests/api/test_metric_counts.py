"""Plain counters and histograms read out at scrape time (api/metric_counts.py) expose what
prometheus_client's own instruments expose for the same counts."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.parser import text_string_to_metric_families

from api.metric_counts import PlainCollector, PlainCounter, PlainHistogram

BUCKETS = (0, 1, 2.5, 10)
VALUES = [0, 0.5, 1, 1, 2.5, 3, 10, 11, 250.0]


def samples(registry: CollectorRegistry) -> set[tuple[str, tuple, float]]:
    """The samples of a registry, without the creation times (they differ by when counted)."""
    return {
        (s.name, tuple(sorted(s.labels.items())), s.value)
        for family in text_string_to_metric_families(generate_latest(registry).decode())
        for s in family.samples
        if not s.name.endswith("_created")
    }


def test_a_plain_histogram_exposes_what_prometheus_client_s_own_does() -> None:
    theirs, ours = CollectorRegistry(), CollectorRegistry()
    histogram = Histogram("h_seconds", "A test.", ["op"], buckets=BUCKETS, registry=theirs)
    plain = PlainHistogram("h_seconds", "A test.", ["op"], BUCKETS)
    ours.register(PlainCollector(plain))
    for i, value in enumerate(VALUES):
        op = "even" if i % 2 == 0 else "odd"
        histogram.labels(op).observe(value)
        plain.observe((op,), value)
    assert samples(ours) == samples(theirs)
    # A value on a bound counts in that bucket (`le`), and one past every bound only in +Inf.
    found = {(name, labels): value for name, labels, value in samples(ours)}
    assert found[("h_seconds_bucket", (("le", "1.0"), ("op", "even")))] == 2  # 0 and 1
    assert found[("h_seconds_bucket", (("le", "10.0"), ("op", "even")))] == 4
    assert found[("h_seconds_bucket", (("le", "+Inf"), ("op", "even")))] == 5


def test_a_plain_counter_exposes_what_prometheus_client_s_own_does() -> None:
    theirs, ours = CollectorRegistry(), CollectorRegistry()
    counter = Counter("c_total", "A test.", ["op", "outcome"], registry=theirs)
    plain = PlainCounter("c_total", "A test.", ["op", "outcome"])
    ours.register(PlainCollector(plain))
    for labels in [("a", "ok"), ("a", "ok"), ("b", "NOT_FOUND")]:
        counter.labels(*labels).inc()
        plain.inc(labels)
    assert samples(ours) == samples(theirs)
    families = text_string_to_metric_families(generate_latest(ours).decode())
    assert any(s.name == "c_created" for family in families for s in family.samples)
