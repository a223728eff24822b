"""Reading a Prometheus exposition: samples by name and labels, and how much a series grew."""

from __future__ import annotations

from prometheus_client.parser import text_string_to_metric_families

GENERATE_ROUTE = "/api/v1/generateJWT"
LINK_ROUTE = "/l/<secret>"
# One scrape's samples: (sample name, sorted label pairs) -> value.
Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


def parse(text: str) -> Samples:
    """Every sample of an exposition, keyed by name and labels."""
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def value(samples: Samples, name: str, **labels: str) -> float:
    """A sample's value, 0 when the series does not exist (yet)."""
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def delta(before: Samples, after: Samples, name: str, **labels: str) -> float:
    """How much a series grew: the default registry lives as long as the test session, so only growth counts."""
    return value(after, name, **labels) - value(before, name, **labels)


def minted(profile: str, outcome: str = "ok") -> dict[str, str]:
    return {"profile": profile, "alg": "ES256", "outcome": outcome}


def requests_of(route: str, method: str, status: int) -> dict[str, str]:
    return {"route": route, "method": method, "status": str(status)}
