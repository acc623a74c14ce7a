"""Hypothesis strategies for testing code built on seedcorpus (needs ``hypothesis``).

Each module of this package serves one part of the library; every strategy is re-exported
here, so import them from ``seedcorpus.testing`` and use them in your own property tests.

>>> from hypothesis import given
>>> from seedcorpus.testing import corpora
>>> @given(corpora(max_size=3))
... def test_len_is_the_number_of_keys(corpus):
...     assert len(corpus) == len(corpus.keys())
>>> test_len_is_the_number_of_keys()

The strategies, by module:

- :mod:`~seedcorpus.testing.layouts`: :func:`layout_documents` (a generated document of
  any layout, every field varied), :func:`sources`, :func:`round_trip_fields` and
  :data:`ROUND_TRIP_FIELDS` (what :func:`~seedcorpus.render` then :func:`~seedcorpus.parse`
  must give back), :func:`corpus_dirs` (documents written to a directory as a corpus) and
  :data:`LAYOUT_IDS`;
- :mod:`~seedcorpus.testing.corpora`: :func:`article_texts`, :func:`documents` (parsed
  from them), :func:`corpora` (in-memory corpora), :func:`filter_criteria` and
  :func:`predicates` (for ``Corpus.filter``);
- :mod:`~seedcorpus.testing.dates`: :func:`partial_dates`, :func:`date_surface_forms`,
  :func:`dated_texts`, :func:`date_like_texts` and :data:`DATE_ZONES`;
- :mod:`~seedcorpus.testing.spellings`: :func:`source_names`, :func:`source_spellings`;
- :mod:`~seedcorpus.testing.files`: :func:`hostile_files`, :func:`mutate_file`;
- :mod:`~seedcorpus.testing.archives`: :func:`zip_archives` and :data:`ZIP_METHODS`.

docs/testing.md shows how to write property tests with them.
"""

from __future__ import annotations

from seedcorpus.testing.archives import ZIP_METHODS, zip_archives
from seedcorpus.testing.corpora import (
    article_texts,
    corpora,
    documents,
    filter_criteria,
    predicates,
)
from seedcorpus.testing.dates import (
    DATE_ZONES,
    date_like_texts,
    date_surface_forms,
    dated_texts,
    partial_dates,
)
from seedcorpus.testing.files import hostile_files, mutate_file
from seedcorpus.testing.layouts import (
    LAYOUT_IDS,
    ROUND_TRIP_FIELDS,
    corpus_dirs,
    layout_documents,
    round_trip_fields,
    sources,
)
from seedcorpus.testing.spellings import source_names, source_spellings

__all__ = [
    "DATE_ZONES",
    "LAYOUT_IDS",
    "ROUND_TRIP_FIELDS",
    "ZIP_METHODS",
    "article_texts",
    "corpora",
    "corpus_dirs",
    "date_like_texts",
    "date_surface_forms",
    "dated_texts",
    "documents",
    "filter_criteria",
    "hostile_files",
    "layout_documents",
    "mutate_file",
    "partial_dates",
    "predicates",
    "round_trip_fields",
    "source_names",
    "source_spellings",
    "sources",
    "zip_archives",
]
