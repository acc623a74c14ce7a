"""Typed summaries of a corpus: counts by layout, language, publisher, credit and year.

>>> import seedcorpus
>>> stats = seedcorpus.load().stats()
>>> stats.documents, stats.layouts["kbs_world"], str(stats.earliest), str(stats.latest)
(5, 2, '2020-01', '2025-01-17')
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from seedcorpus._dates import PartialDate
from seedcorpus._records import Document

__all__ = ["CorpusStats", "compute_stats"]

_UNKNOWN = "(none)"


def _frozen_counts(counter: Counter[str]) -> dict[str, int]:
    return dict(sorted(counter.items(), key=lambda item: (-item[1], item[0])))


@attrs.frozen
class CorpusStats:
    """Counts over a corpus view; every mapping is ordered by count, then name.

    Missing values (no publisher, undetermined language, no date) count under ``(none)``.
    """

    documents: int
    layouts: Mapping[str, int]
    languages: Mapping[str, int]
    publishers: Mapping[str, int]
    photo_credits: Mapping[str, int]
    years: Mapping[str, int]
    earliest: PartialDate | None
    latest: PartialDate | None
    problems: int
    files_without_document: int = 0
    cited: Mapping[str, int] = attrs.field(factory=dict)
    """Documents citing each source (a document citing several counts once for each)."""
    precisions: Mapping[str, int] = attrs.field(factory=dict)
    """Published dates by precision (``year`` ... ``second``; ``(none)`` when undated)."""

    def to_dict(self) -> dict[str, Any]:
        """The summary as a JSON-ready dictionary."""
        data = attrs.asdict(self, recurse=False)
        data["earliest"] = None if self.earliest is None else self.earliest.isoformat()
        data["latest"] = None if self.latest is None else self.latest.isoformat()
        return {k: dict(v) if isinstance(v, Mapping) else v for k, v in data.items()}


def compute_stats(documents: Iterable[Document], *, language: bool = True) -> CorpusStats:
    """Summarise documents in one pass; ``language=False`` skips language detection."""
    count = 0
    layouts: Counter[str] = Counter()
    languages: Counter[str] = Counter()
    publishers: Counter[str] = Counter()
    credits: Counter[str] = Counter()
    years: Counter[str] = Counter()
    cited: Counter[str] = Counter()
    precisions: Counter[str] = Counter()
    earliest: PartialDate | None = None
    latest: PartialDate | None = None
    problems = 0
    for document in documents:
        count += 1
        layouts[document.layout] += 1
        if language:
            languages[document.language or _UNKNOWN] += 1
        publishers[document.source.publisher or _UNKNOWN] += 1
        credits[document.source.photo_credit or _UNKNOWN] += 1
        cited.update(set(document.source.cited))
        published = document.published
        precisions[published.precision if published else _UNKNOWN] += 1
        years[str(published.year) if published else _UNKNOWN] += 1
        if published is not None:
            earliest = published if earliest is None or published < earliest else earliest
            latest = published if latest is None or latest < published else latest
        problems += len(document.problems)
    return CorpusStats(
        documents=count,
        layouts=_frozen_counts(layouts),
        languages=_frozen_counts(languages),
        publishers=_frozen_counts(publishers),
        photo_credits=_frozen_counts(credits),
        years=_frozen_counts(years),
        earliest=earliest,
        latest=latest,
        problems=problems,
        cited=_frozen_counts(cited),
        precisions=_frozen_counts(precisions),
    )
