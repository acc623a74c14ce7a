"""Specification of ``seedcorpus.testing.archives``: zip archives as zipfile writes them."""

from __future__ import annotations

import io
import zipfile

from hypothesis import given, settings

from seedcorpus.testing import ZIP_METHODS, zip_archives


def test_every_method_is_one_zipfile_reads() -> None:
    for method in ZIP_METHODS:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", compression=method) as archive:
            archive.writestr("000_0123456789abcdef.txt", b"Satu.")
        with zipfile.ZipFile(buffer) as archive:
            assert archive.read("000_0123456789abcdef.txt") == b"Satu."


@settings(max_examples=30)
@given(zip_archives(max_members=3))
def test_archives_read_back_with_at_most_the_members_asked_for_and_one_repeat(data: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:  # the end record's signature in the comment too
        assert data.count(b"PK\x05\x06") >= 2
        return
    with archive:
        infos = archive.infolist()
        assert len(infos) <= 4
        assert {info.compress_type for info in infos} <= set(ZIP_METHODS)
