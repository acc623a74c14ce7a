"""What can be wrong with a file: :class:`Problem`, its stable codes and their severities.

Every problem code seedcorpus reports has a severity (:data:`SEVERITIES`) and an exception
(:meth:`Problem.to_error`): ``strict=True`` raises the errors, warnings stay on the
document. ``docs/reliability.md`` lists the codes.

>>> problem = Problem("too_large", "10 MB, over the limit", "000_0123456789abcdef.txt")
>>> problem.severity, type(problem.to_error()).__name__
('error', 'FileTooLargeError')
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, Literal

import attrs

from seedcorpus._exceptions import (
    DecodeError,
    DocumentError,
    DuplicateKeyError,
    FileAccessError,
    FileNameError,
    FileTooLargeError,
    LayoutError,
)
from seedcorpus._interchange import checked_field, checked_mapping, shape_error

__all__ = ["SEVERITIES", "Problem", "Severity", "problem_from_dict"]

Severity = Literal["error", "warning"]
"""How bad a :class:`Problem` is: an ``error`` means the file cannot be read or trusted (it
made no document, or its key or decoding is in doubt); a ``warning`` means the document is
fine to use, with something odd about it (no known layout, no header date...)."""

SEVERITIES: Final[Mapping[str, Severity]] = {
    "bad_filename": "error",
    "binary": "error",
    "changed": "error",
    "corrupt": "error",
    "dangling_symlink": "error",
    "decoded_with_fallback": "error",
    "duplicate_key": "error",
    "not_found": "error",
    "symlink_loop": "error",
    "too_large": "error",
    "undecodable": "error",
    "unreadable": "error",
    "unsafe_path": "error",
    "vanished": "error",
    "empty": "warning",
    "invalid_date": "warning",
    "invalid_email": "warning",
    "missing_header_date": "warning",
    "no_body": "warning",
    "too_many_dates": "warning",
    "too_many_paragraphs": "warning",
    "truncated_header": "warning",
    "unclosed_caption": "warning",
    "unknown_layout": "warning",
    "unknown_source": "warning",
}
"""The severity of every problem code seedcorpus reports (``docs/reliability.md`` has the
table); a code not listed here (a user layout's own) is a ``warning`` unless its
:class:`Problem` says otherwise."""


def _default_severity(problem: Problem) -> Severity:
    return SEVERITIES.get(problem.code, "warning")


def _check_severity(problem: Problem, attribute: object, value: object) -> None:
    if value not in ("error", "warning"):
        raise ValueError(f"a problem's severity is 'error' or 'warning', not {value!r}")


_ERROR_FOR_CODE: Final[dict[str, type[DocumentError]]] = {
    "not_found": FileAccessError,
    "bad_filename": FileNameError,
    "undecodable": DecodeError,
    "binary": DecodeError,
    "decoded_with_fallback": DecodeError,
    "too_large": FileTooLargeError,
    "too_many_dates": FileTooLargeError,
    "too_many_paragraphs": FileTooLargeError,
    "unreadable": FileAccessError,
    "vanished": FileAccessError,
    "changed": FileAccessError,
    "dangling_symlink": FileAccessError,
    "symlink_loop": FileAccessError,
    "unsafe_path": FileAccessError,
    "corrupt": FileAccessError,
    "duplicate_key": DuplicateKeyError,
}


@attrs.frozen
class Problem:
    """One thing wrong with one file: a stable ``code``, a human ``message``, the ``path``
    and, where it applies, the 1-based ``line``.

    Codes are stable and documented in ``docs/reliability.md``; filter on them, not on the
    message. Each has a :attr:`severity` (:data:`SEVERITIES`): ``strict=True`` raises
    errors only, as the exception :meth:`to_error` gives.

    >>> p = Problem("unknown_layout", "no known layout matches", "x/000_0123456789abcdef.txt")
    >>> str(p), p.severity
    ('x/000_0123456789abcdef.txt: no known layout matches [unknown_layout]', 'warning')
    >>> Problem("binary", "binary content").severity
    'error'
    >>> isinstance(p.to_error(), ValueError)
    True
    """

    code: str
    """A stable identifier to filter on (``unknown_layout``, ``invalid_date``...)."""
    message: str
    """What went wrong, for humans."""
    path: str | None = None
    """The file the problem is about."""
    line: int | None = None
    """The 1-based line number, where the problem is on one line."""
    severity: Severity = attrs.field(
        default=attrs.Factory(_default_severity, takes_self=True),
        validator=_check_severity,
        kw_only=True,
    )
    """``error`` or ``warning`` (see :data:`Severity`); by default the code's, from
    :data:`SEVERITIES`."""

    @property
    def is_error(self) -> bool:
        """Whether the severity is ``error`` (what ``strict=True`` raises)."""
        return self.severity == "error"

    def __str__(self) -> str:
        where = self.path or "<text>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message} [{self.code}]"

    def to_error(self) -> DocumentError:
        """The exception that reports this problem, naming the file and the problem."""
        cls = _ERROR_FOR_CODE.get(self.code, LayoutError)
        message = self.message if self.line is None else f"line {self.line}: {self.message}"
        return cls(message, path=self.path, code=self.code)

    def to_dict(self) -> dict[str, Any]:
        """The problem as a JSON-ready dictionary."""
        return attrs.asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Problem:
        """Rebuild a problem from :meth:`to_dict` output (each field checked)."""
        return problem_from_dict(data, "problem")

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickle as the constructor's arguments, compactly (see :mod:`seedcorpus._records`)."""
        if self.severity == SEVERITIES.get(self.code, "warning"):
            return Problem, (self.code, self.message, self.path, self.line)
        return _problem, (self.code, self.message, self.path, self.line, self.severity)


def _problem(
    code: str, message: str, path: str | None, line: int | None, severity: Severity
) -> Problem:
    """A problem unpickled with a severity other than its code's."""
    return Problem(code, message, path, line, severity=severity)


def problem_from_dict(data: object, where: str) -> Problem:
    """The problem :meth:`Problem.to_dict` wrote, each field checked; ``where`` names it in
    errors (``problems[2]`` inside a document)."""
    data = checked_mapping(data, where)
    where += "."
    problem = Problem(
        checked_field(data, "code", str, where),
        checked_field(data, "message", str, where),
        checked_field(data, "path", str, where, default=None, nullable=True),
        checked_field(data, "line", int, where, default=None, nullable=True),
    )
    severity = checked_field(data, "severity", str, where, default=None, nullable=True)
    if severity is None or severity == problem.severity:
        return problem
    if severity not in ("error", "warning"):
        raise shape_error(f"{where + 'severity'!r} must be 'error' or 'warning'")
    return attrs.evolve(problem, severity=severity)
