"""Canonical source names: the registry, attribution finding, photo credits and e-mail addresses.

A :class:`SourceRegistry` maps every spelling of a publisher, news agency, broadcaster or
ministry (``YONHAP News``, ``Yonhap News Agency``, ``연합뉴스``) to one :class:`SourceEntry`
with a canonical name (``Yonhap``). The bundled registry is data
(``seedcorpus/data/sources.json``); users extend it without editing the package. Names
the registry does not know are never dropped: :meth:`SourceRegistry.normalise` keeps them
as printed (whitespace collapsed) so they can be reported and added.

>>> from seedcorpus._sources import SourceRegistry, split_credit
>>> sources = SourceRegistry.default()
>>> sources.normalise("YONHAP  News"), sources.normalise("Harian Lokal")
('Yonhap', 'Harian Lokal')
>>> sources.find_cited("Yonhap melaporkan bahwa ... menurut kantor berita Xinhua.")
('Yonhap', 'Xinhua')
>>> split_credit("Foto bersama di Seoul. (Sumber: Yonhap)")
('Foto bersama di Seoul.', 'Yonhap')

The modules, from the bottom up: ``names`` (:func:`source_key`, what reads as a name),
``entries`` (:class:`SourceEntry`, the JSON schema), ``citations`` (the attribution
patterns and :func:`~seedcorpus._sources.citations.find_cited`), ``registry``
(:class:`SourceRegistry`) and ``credits`` (:func:`split_credit`, :func:`validate_email`).
"""

from __future__ import annotations

from seedcorpus._sources.credits import split_credit, validate_email
from seedcorpus._sources.entries import CITABLE_KINDS, KINDS, SourceEntry
from seedcorpus._sources.names import source_key
from seedcorpus._sources.registry import SourceRegistry

__all__ = [
    "CITABLE_KINDS",
    "KINDS",
    "SourceEntry",
    "SourceRegistry",
    "source_key",
    "split_credit",
    "validate_email",
]
