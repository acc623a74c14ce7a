"""Zip archives as :mod:`zipfile` writes them, with the names, methods, comments and
leading bytes that archive readers must handle.
"""

from __future__ import annotations

import io
import warnings
import zipfile

from hypothesis import strategies as st

__all__ = ["ZIP_METHODS", "zip_archives"]


ZIP_METHODS: tuple[int, ...] = (
    zipfile.ZIP_STORED,
    zipfile.ZIP_DEFLATED,
    zipfile.ZIP_BZIP2,
    zipfile.ZIP_LZMA,
)
"""The compression methods :func:`zip_archives` uses (every one :mod:`zipfile` reads)."""

_ZIP_NAMES = st.one_of(
    st.builds(
        "{}{:03d}_{:016x}.txt".format,
        st.sampled_from(["", "corpus/", "a/b/", ".hidden/", "caf\u00e9/"]),
        st.integers(0, 999),
        st.integers(0, 2**64 - 1),
    ),
    st.text(st.characters(codec="utf-8", exclude_characters="\0"), max_size=12),
    st.sampled_from(["folder/", "../escape.txt", "/abs/000_0123456789abcdef.txt", ""]),
)


@st.composite
def zip_archives(draw: st.DrawFn, *, max_members: int = 8) -> bytes:
    """The bytes of a zip archive as :mod:`zipfile` writes it, for tests of archive readers.

    Members have corpus-like or arbitrary names (non-ASCII ones are flagged UTF-8; folders,
    unsafe and empty names, a name written twice), bytes or repetitive text, and any of
    :data:`ZIP_METHODS`; the archive sometimes has a comment, and sometimes leading bytes
    before it (as a self-extracting stub has), which readers must skip. A comment may hold
    the end record's signature (``PK\\x05\\x06``): :mod:`zipfile` cannot read such an
    archive back, and a reader must refuse it as zipfile does.

    >>> import io, zipfile
    >>> from hypothesis import given
    >>> @given(zip_archives())
    ... def test_zipfile_reads_them(data):
    ...     try:
    ...         archive = zipfile.ZipFile(io.BytesIO(data))
    ...     except zipfile.BadZipFile:  # the signature in the comment too
    ...         assert data.count(b"PK\\x05\\x06") >= 2
    ...         return
    ...     with archive:
    ...         for info in archive.infolist():
    ...             archive.read(info)
    >>> test_zipfile_reads_them()
    """
    members = draw(
        st.lists(
            st.tuples(
                _ZIP_NAMES,
                st.one_of(
                    st.binary(max_size=200),
                    st.builds(bytes.__mul__, st.binary(), st.integers(1, 50)),
                ),
                st.sampled_from(ZIP_METHODS),
            ),
            max_size=max_members,
        )
    )
    repeat = draw(st.booleans())  # a name written twice: readers take the last entry
    if members and repeat:
        members.append((members[0][0], draw(st.binary(max_size=20)), zipfile.ZIP_STORED))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive, warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile warns of a duplicate name
        for name, data, method in members:
            info = zipfile.ZipInfo(name, (2020, 1, 1, 0, 0, 0))
            archive.writestr(info, data, compress_type=method)
        archive.comment = draw(st.binary(max_size=40))
    return draw(st.binary(max_size=30)) + buffer.getvalue()
