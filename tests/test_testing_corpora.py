"""Specification of ``seedcorpus.testing.corpora``: texts, documents, corpora and criteria."""

from __future__ import annotations

import pickle

from hypothesis import given, settings

from seedcorpus import Corpus, Document, F, Predicate, parse
from seedcorpus.testing import article_texts, corpora, documents, filter_criteria, predicates

SHAPE = settings(max_examples=30)


@SHAPE
@given(article_texts())
def test_article_texts_are_in_a_seed_layout_or_none(text: str) -> None:
    assert parse(text).layout in {"kbs_world", "cri", "vn_portal", "unknown"}


@SHAPE
@given(documents(key="0123456789abcdef", ordinal=12))
def test_documents_are_parsed_under_the_name_their_key_and_ordinal_give(doc: Document) -> None:
    assert (doc.key, doc.ordinal, doc.path) == ("0123456789abcdef", 12, "012_0123456789abcdef.txt")
    assert parse(doc.raw, key=doc.key, ordinal=doc.ordinal, path=doc.path) == doc


@SHAPE
@given(corpora(min_size=2, max_size=5))
def test_corpora_hold_distinct_keys_in_ordinal_order(corpus: Corpus) -> None:
    assert 2 <= len(corpus) <= 5
    assert len(set(corpus.keys())) == len(corpus)
    assert [doc.ordinal for doc in corpus] == list(range(len(corpus)))


@SHAPE
@given(filter_criteria(language=False), filter_criteria())
def test_criteria_are_what_filter_takes(
    without: dict[str, object], anything: dict[str, object]
) -> None:
    known = {"layout", "publisher", "photo_credit", "since", "until", "contains", "matches"}
    assert set(without) <= known
    assert set(anything) <= known | {"language"}
    F.from_criteria(**without)
    F.from_criteria(**anything)


@SHAPE
@given(corpora(max_size=3), predicates(language=False))
def test_predicates_filter_corpora_and_pickle(corpus: Corpus, predicate: Predicate) -> None:
    kept = corpus.filter(predicate)
    assert set(kept.keys()) <= set(corpus.keys())
    assert pickle.loads(pickle.dumps(predicate)) == predicate
