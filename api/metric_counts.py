"""Counters and histograms kept as plain numbers and read out when `/metrics` is scraped.

Every request counts itself and every statement it runs. prometheus_client's own instruments
take a lock and go through a value object on each count: about 5,000 instructions an
increment and 9,000 an observation here, 37,000 for a simple lookup's five (measured). One
API process counts on one thread, its event loop's, which also serves the scrape, so these
keep bare numbers per label values and hand them to prometheus_client only when scraped:
the exposition is prometheus_client's own (`_total`, `_created`, `_bucket`, `_count`,
`_sum`), except that histograms give no `_created`.
"""

from __future__ import annotations

import time
from bisect import bisect_left
from collections.abc import Iterator, Sequence

from prometheus_client.core import CounterMetricFamily, HistogramMetricFamily, Metric
from prometheus_client.registry import Collector
from prometheus_client.utils import floatToGoString

Labels = tuple[str, ...]


class PlainCounter:
    """A counter by label values."""

    def __init__(self, name: str, documentation: str, labels: Sequence[str]) -> None:
        self.name, self.documentation, self.labels = name, documentation, list(labels)
        self.values: dict[Labels, float] = {}
        self.created: dict[Labels, float] = {}

    def inc(self, labels: Labels) -> None:
        values = self.values
        if labels in values:
            values[labels] += 1
        else:
            values[labels] = 1
            self.created[labels] = time.time()

    def family(self) -> Metric:
        family = CounterMetricFamily(self.name, self.documentation, labels=self.labels)
        for labels, value in self.values.items():
            family.add_metric(list(labels), value, created=self.created[labels])
        return family


class PlainHistogram:
    """A histogram by label values: each observation counted in the first bucket whose upper
    bound it does not exceed (`le`), as prometheus_client counts it."""

    def __init__(
        self, name: str, documentation: str, labels: Sequence[str], buckets: Sequence[float]
    ) -> None:
        self.name, self.documentation, self.labels = name, documentation, list(labels)
        self.bounds = [float(b) for b in buckets]
        # Per label values: a count per bucket (the last for values past every bound), then
        # the sum of the values.
        self.values: dict[Labels, list[float]] = {}

    def observe(self, labels: Labels, value: float) -> None:
        counts = self.values.get(labels)
        if counts is None:
            counts = self.values[labels] = [0.0] * (len(self.bounds) + 2)
        counts[bisect_left(self.bounds, value)] += 1
        counts[-1] += value

    def family(self) -> Metric:
        family = HistogramMetricFamily(self.name, self.documentation, labels=self.labels)
        names = [*map(floatToGoString, self.bounds), "+Inf"]
        for labels, counts in self.values.items():
            cumulative, buckets = 0.0, []
            for name, count in zip(names, counts[:-1], strict=True):
                cumulative += count
                buckets.append((name, cumulative))
            family.add_metric(list(labels), buckets, sum_value=counts[-1])
        return family


class PlainCollector(Collector):
    """Hands the plain instruments to a prometheus_client registry."""

    def __init__(self, *instruments: PlainCounter | PlainHistogram) -> None:
        self.instruments = instruments

    def collect(self) -> Iterator[Metric]:
        for instrument in self.instruments:
            yield instrument.family()
