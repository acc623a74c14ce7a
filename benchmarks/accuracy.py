"""Field accuracy on real pages: how many of the field corpus's fields the parser gets right.

The field corpus (``tests/field/``) holds real article pages exactly as stored, each with
the fields a person read off the page (``tests/field/truth/<key>.json``, described in
``tests/field/README.md``). This script loads the pages with seedcorpus, compares every
field with its truth, and prints a table per field and per layout, the metadata lines that
leak into ``Document.text``, dates the page does not support, and every wrong value.

    python benchmarks/accuracy.py                 # the table and the wrong values
    python benchmarks/accuracy.py --json out.json # the same figures as JSON

``tests/test_field_corpus.py`` runs :func:`evaluate` and holds its results, so a change
that gets a field wrong on a real page fails the suite.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

import seedcorpus
from seedcorpus import Document, SourceRegistry

FIELD_DIR = Path(__file__).resolve().parents[1] / "tests" / "field"

# The fields scored, in the order the table prints them. "text" is right when every
# must_contain string is in the text and no must_not_contain string is.
FIELDS = (
    "layout",
    "published",
    "title",
    "publisher",
    "photo_credit",
    "author",
    "category",
    "language",
    "text",
)


@attrs.frozen
class Check:
    """One field of one page: what the page shows, what the parser gave, and whether they agree."""

    key: str
    layout: str
    field: str
    expected: Any
    got: Any
    right: bool


@attrs.frozen
class Report:
    """Every check of the field corpus, with the leaks and invented dates found."""

    pages: int
    checks: tuple[Check, ...]
    leaks: tuple[tuple[str, str], ...]  # (key, metadata string found in the text)
    invented_dates: tuple[str, ...]  # keys whose published date the page does not show
    holdout: frozenset[str] = frozenset()  # keys of the hold-out pages
    unshown: frozenset[str] = frozenset()  # keys of pages showing no sign of their layout
    layouts_read: Mapping[str, str] = attrs.field(factory=dict)  # key -> layout parsed

    def part(self, holdout: bool) -> Report:
        """The report restricted to the hold-out pages (``True``) or to the tuning set."""

        def keep(key: str) -> bool:
            return (key in self.holdout) == holdout

        checks = tuple(check for check in self.checks if keep(check.key))
        return Report(
            len({check.key for check in checks}),
            checks,
            tuple(leak for leak in self.leaks if keep(leak[0])),
            tuple(key for key in self.invented_dates if keep(key)),
            self.holdout if holdout else frozenset(),
            frozenset(key for key in self.unshown if keep(key)),
            {key: layout for key, layout in self.layouts_read.items() if keep(key)},
        )

    def wrong(self) -> list[Check]:
        return [check for check in self.checks if not check.right]

    def table(self) -> dict[str, dict[str, tuple[int, int]]]:
        """``{field: {layout or "all": (right, scored)}}``."""
        out: dict[str, dict[str, tuple[int, int]]] = {}
        for field in FIELDS:
            counts: dict[str, list[int]] = {}
            for check in self.checks:
                if check.field != field:
                    continue
                for group in (check.layout, "all"):
                    right_total = counts.setdefault(group, [0, 0])
                    right_total[0] += check.right
                    right_total[1] += 1
            out[field] = {group: (r, t) for group, (r, t) in sorted(counts.items())}
        return out

    def fully_right(self) -> dict[str, tuple[int, int]]:
        """``{layout or "all": (pages with every field right, pages)}``."""
        by_page: dict[str, tuple[str, bool]] = {}
        for check in self.checks:
            layout, right = by_page.get(check.key, (check.layout, True))
            by_page[check.key] = (layout, right and check.right)
        counts: dict[str, list[int]] = {}
        for layout, right in by_page.values():
            for group in (layout, "all"):
                right_total = counts.setdefault(group, [0, 0])
                right_total[0] += right
                right_total[1] += 1
        return {group: (r, t) for group, (r, t) in sorted(counts.items())}


def load_truth(field_dir: Path = FIELD_DIR) -> dict[str, dict[str, Any]]:
    """The truth files by key; every one must name a page that exists."""
    truth: dict[str, dict[str, Any]] = {}
    for path in sorted((field_dir / "truth").glob("*.json")):
        entry = json.loads(path.read_text(encoding="utf-8"))
        if not (field_dir / "pages" / entry["file"]).is_file():
            raise FileNotFoundError(f"{path}: no page {entry['file']}")
        truth[path.stem] = entry
    return truth


def local_iso(date: seedcorpus.PartialDate | None) -> str | None:
    """A date as the page prints it: ISO text at its precision, local time, no zone.

    >>> local_iso(seedcorpus.parse_date("2024-05-27T17:07:04+08:00"))
    '2024-05-27T17:07:04'
    """
    if date is None:
        return None
    parts = [f"{date.year:04d}"]
    if date.month is not None:
        parts.append(f"-{date.month:02d}")
    if date.day is not None:
        parts.append(f"-{date.day:02d}")
    if date.hour is not None:
        parts.append(f"T{date.hour:02d}:{date.minute or 0:02d}")
    if date.second is not None:
        parts.append(f":{date.second:02d}")
    return "".join(parts)


def _same_name(expected: str | None, got: str | None, sources: SourceRegistry) -> bool:
    if expected is None or got is None:
        return expected is got
    return sources.normalise(expected) == got


def _same_text(expected: str | None, got: str | None) -> bool:
    if expected is None or got is None:
        return expected is got
    return " ".join(expected.split()) == got


def _same_language(expected: str | None, got: str | None) -> bool:
    if expected is None or got is None:
        return expected is got
    return expected.split("-")[0].lower() == got.split("-")[0].lower()


def _checks(doc: Document, entry: dict[str, Any], sources: SourceRegistry) -> Iterable[Check]:
    layout = entry["layout"]
    source = doc.source

    def check(field: str, expected: Any, got: Any, right: bool) -> Check:
        return Check(doc.key, layout, field, expected, got, right)

    # A page that shows nothing of its publisher's template (body text only, cut before its
    # trailer) cannot tell its layout: layout and publisher are not scored there, and the
    # page is counted apart (Report.unshown).
    shown = entry.get("layout_shown", True)
    if shown:
        yield check("layout", layout, doc.layout, doc.layout == layout)
    if "published" in entry:
        got = local_iso(doc.published)
        yield check("published", entry["published"], got, got == entry["published"])
    if "title" in entry:
        yield check("title", entry["title"], doc.title, _same_text(entry["title"], doc.title))
    for field in ("publisher", "photo_credit"):
        if field in entry and (shown or field != "publisher"):
            got = getattr(source, field)
            yield check(field, entry[field], got, _same_name(entry[field], got, sources))
    for field in ("author", "category"):
        if field in entry:
            got = getattr(source, field)
            yield check(field, entry[field], got, _same_text(entry[field], got))
    if "language" in entry:
        got = doc.language
        yield check("language", entry["language"], got, _same_language(entry["language"], got))
    text = doc.text
    missing = [s for s in entry.get("must_contain", ()) if s not in text]
    leaked = [s for s in entry.get("must_not_contain", ()) if s in text]
    yield check(
        "text",
        {"missing": [], "leaked": []},
        {"missing": missing, "leaked": leaked},
        not missing and not leaked,
    )


def evaluate(field_dir: Path = FIELD_DIR) -> Report:
    """Load the field corpus and check every page against its truth."""
    truth = load_truth(field_dir)
    corpus = seedcorpus.load(field_dir / "pages")
    sources = SourceRegistry.default()
    checks: list[Check] = []
    leaks: list[tuple[str, str]] = []
    invented: list[str] = []
    layouts_read: dict[str, str] = {}
    seen = set()
    for doc in corpus:
        entry = truth.get(doc.key)
        if entry is None:
            raise KeyError(f"{doc.path}: no truth file tests/field/truth/{doc.key}.json")
        seen.add(doc.key)
        page_checks = list(_checks(doc, entry, sources))
        checks += page_checks
        text_check = page_checks[-1]
        leaks += [(doc.key, s) for s in text_check.got["leaked"]]
        if entry.get("published", "") is None and doc.published is not None:
            invented.append(doc.key)
        layouts_read[doc.key] = doc.layout
    unread = sorted(set(truth) - seen)
    if unread:
        raise ValueError(f"pages not loaded as documents: {unread}; problems: {corpus.problems}")
    holdout = frozenset(key for key, entry in truth.items() if entry.get("holdout", False))
    unshown = frozenset(key for key, entry in truth.items() if not entry.get("layout_shown", True))
    return Report(
        len(seen), tuple(checks), tuple(leaks), tuple(invented), holdout, unshown, layouts_read
    )


def _percent(right: int, total: int) -> str:
    return f"{right}/{total} ({100 * right / total:.0f}%)" if total else "-"


def print_table(report: Report, heading: str, out: Any = sys.stdout) -> None:
    """The per-field, per-layout table of one part of the corpus, with its leak counts."""
    table = report.table()
    groups = [*sorted({g for row in table.values() for g in row} - {"all"}), "all"]
    width = max(len(g) for g in groups) + 2
    print(f"{heading}: {report.pages} pages", file=out)
    print("", file=out)
    print("field".ljust(14) + "".join(g.rjust(max(width, 14)) for g in groups), file=out)
    for field, row in table.items():
        cells = [_percent(*row[g]) if g in row else "-" for g in groups]
        print(field.ljust(14) + "".join(c.rjust(max(width, 14)) for c in cells), file=out)
    full = report.fully_right()
    cells = [_percent(*full[g]) if g in full else "-" for g in groups]
    print("every field".ljust(14) + "".join(c.rjust(max(width, 14)) for c in cells), file=out)
    print("", file=out)
    print(f"metadata strings leaking into text: {len(report.leaks)}", file=out)
    print(f"published dates the page does not show: {len(report.invented_dates)}", file=out)
    layouts = Counter(c.got for c in report.checks if c.field == "layout" and not c.right)
    print(f"pages read as another layout: {sum(layouts.values())} {dict(layouts)}", file=out)
    if report.unshown:
        read_as = Counter(report.layouts_read[key] for key in report.unshown)
        print(
            f"pages showing no sign of their layout (layout, publisher not scored): "
            f"{len(report.unshown)}, read as {dict(sorted(read_as.items()))}",
            file=out,
        )


def print_report(report: Report, out: Any = sys.stdout) -> None:
    tuning, holdout = report.part(holdout=False), report.part(holdout=True)
    print(
        f"field corpus: {report.pages} pages ({tuning.pages} tuning, {holdout.pages} hold-out)",
        file=out,
    )
    print("", file=out)
    print_table(tuning, "tuning set", out)
    if holdout.pages:
        print("", file=out)
        print_table(holdout, "hold-out set", out)
    wrong = report.wrong()
    if wrong:
        print("", file=out)
        print("wrong values (H: hold-out page, N: no sign of its layout):", file=out)
        for check in wrong:
            mark = ("H" if check.key in report.holdout else " ") + (
                "N" if check.key in report.unshown else " "
            )
            print(
                f"  {mark} {check.key} {check.layout:10} {check.field:12} "
                f"expected {check.expected!r} got {check.got!r}",
                file=out,
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, default=FIELD_DIR, help="the field corpus folder")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args(argv)
    report = evaluate(args.dir)
    print_report(report)
    if args.json:
        figures = {
            name: {
                "pages": part.pages,
                "table": part.table(),
                "fully_right": part.fully_right(),
                "leaks": part.leaks,
                "invented_dates": part.invented_dates,
                "wrong": [attrs.asdict(check) for check in part.wrong()],
            }
            for name, part in (
                ("tuning", report.part(holdout=False)),
                ("holdout", report.part(holdout=True)),
            )
        }
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
