"""Fuzz the parser and the loader: any bytes must become a document or a DocumentError.

Usage (from the repository root, with seedcorpus installed)::

    python fuzz/fuzz_parse.py --seconds 600                    # atheris when installed
    python fuzz/fuzz_parse.py --seconds 600 --engine hypothesis

Each case is a damaged corpus file: a seed file (``seeds/``) or a built-in tricky file
(byte-order marks, CR line endings, truncated headers, cp1252 text) mutated by libFuzzer
(``--engine atheris``, coverage-guided; ``pip install atheris``) and by
:func:`seedcorpus.testing.mutate_file` (line-aware damage: truncated headers, impossible
dates, BOMs, re-encodings), or random bytes. Every case is checked for totality:

- :func:`seedcorpus._parse.parse` on the bytes returns a :class:`~seedcorpus.Document` or
  raises a :class:`~seedcorpus.DocumentError` subclass, nothing else;
- the document keeps the file: ``raw.encode(encoding) == data``;
- every line has exactly one role from :data:`~seedcorpus._records.ROLES`, ``text`` is the
  paragraphs joined, problems carry a code and the file's path, dates are computed (and,
  every 8th case, the language);
- ``parse`` on the decoded text (``str`` input) is total too;
- every 8th case, :func:`seedcorpus.load` over a directory holding the file (under a
  corpus name or a hostile one) accounts for it exactly once: one document or one
  problem, or the name is ignored; ``strict=True`` raises only SeedCorpusError;
- every 16th case, the file is put in a zip, tar, tar.gz or tar.xz next to a good member
  and the archive is left whole, cut short or overwritten in places: ``load()`` raises
  only SeedCorpusError (ArchiveError for an archive it cannot open), and every listed
  member ends as a document or a problem;
- no case takes longer than ``--slow`` seconds (recorded as a finding).

Findings (unexpected exceptions, failed checks, slow cases) are deduplicated by their
kind and place, written to ``--out`` (input bytes + traceback) and the run goes on; a
summary line ``cases=N findings=M distinct=K`` is printed every 30 s and at the end, and
written to ``<out>/stats.json``. The exit status is 1 when anything was found.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib
import importlib.util
import json
import os
import random
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CORPUS_NAME = "000_0123456789abcdef.txt"
HOSTILE_NAMES = (
    CORPUS_NAME,
    CORPUS_NAME,
    CORPUS_NAME,
    "1_ffffffffffffffff.txt",
    "000_0123456789ABCDEF.txt",
    "000_0123456789abcde.txt",
    "_0123456789abcdef.txt",
    "000_0123456789abcdef.TXT",
    ".000_0123456789abcdef.txt",
    "000_0123456789abcdef.txt~",
    "000_0123456789abcdef.txt.swp",
    "notes.md",
    "٣_0123456789abcdef.txt",
)

# Files that start the fuzzer near the interesting edges (besides the seeds).
TRICKY: tuple[bytes, ...] = (
    b"",
    b" \n\t\n",
    b" date 2021-12 Photo : YONHAP News\n",
    b" date 2021-13 Photo : YONHAP News\n\nIsi.",
    b" date 2021-12 Photo :\r\n\r\nSatu.Dua.",
    b"Kebijakan\r\r2025.02.30\r\rFoto. (Yonhap)\r\rPenulis: Kim\r\rIsi.\r\rkim@korea.kr",
    b"Judul\n\n2024-05-27 17:07:04\xc2\xa0\n",
    b"Lead.\n| Foto tanpa penutup (Sumber: Yonhap)\nIsi.\n[iklan_2]\nSumber\n\nKomentar (0)",
    b"\xef\xbb\xbf date 2020-01 Photo : KBS\n\nIsi.",
    "\ufeffJudul\n\n2024-05-27 17:07\n\nIsi.".encode("utf-16-le"),
    "Caf\u00e9 \u201cx\u201d\n".encode("cp1252"),
    b" date 2025-12-05\n\nSatu.\n",
)


class Finding(Exception):
    """A check failed: the message says which."""


def load_seeds() -> list[bytes]:
    """The seed files and the tricky built-ins, as bytes."""
    seeds = [p.read_bytes() for p in sorted((REPO / "seeds").glob("*.txt"))]
    return [*seeds, *TRICKY]


class Target:
    """The checks run on one case; holds the options and a scratch directory for load()."""

    def __init__(self, max_bytes: int) -> None:
        from seedcorpus._parse import ParseOptions

        self.options = ParseOptions(max_bytes=max_bytes)
        self.max_bytes = max_bytes
        self.scratch = Path(tempfile.mkdtemp(prefix="seedcorpus-fuzz-"))
        self.cases = 0
        self.indexed: tuple[Path, bytes, Any] | None = None  # corpus, pristine index, answers

    def close(self) -> None:
        shutil.rmtree(self.scratch, ignore_errors=True)

    def check(self, data: bytes) -> None:
        """Run every check on ``data``; raises :class:`Finding` or the unexpected exception."""
        self.cases += 1
        self.check_parse(data)
        if self.cases % 8 == 0:
            pick = data[-1] if data else self.cases // 8
            self.check_load(data, HOSTILE_NAMES[pick % len(HOSTILE_NAMES)])
        if self.cases % 16 == 4:
            self.check_archive(data)
        if self.cases % 4 == 2:
            self.check_interchange(data)
        if self.cases % 64 == 32:
            self.check_index(data)

    def check_parse(self, data: bytes) -> None:
        from seedcorpus._exceptions import DocumentError
        from seedcorpus._parse import parse

        path = "fuzz/" + CORPUS_NAME
        try:
            document = parse(data, key="0123456789abcdef", path=path, options=self.options)
        except DocumentError as exc:
            if not exc.code or exc.path != path:
                raise Finding(f"DocumentError without code or path: {exc!r}") from None
            if len(data) <= self.max_bytes and exc.code == "too_large":
                raise Finding("too_large for a file under the limit") from None
            return
        self.check_document(document, path)
        if self.cases % 8 == 0:  # language detection is slow: every 8th document
            guess = (document.language, document.language_confidence, document.languages)
            if not 0.0 <= guess[1] <= 1.0:
                raise Finding(f"language confidence out of range: {guess!r}")
        if document.raw_bytes != data:
            raise Finding(f"raw not preserved ({document.encoding})")
        text = document.raw
        again = parse(text, key="0123456789abcdef", path=path, options=self.options)
        self.check_document(again, path)
        if again.raw != text:
            raise Finding("str input: raw not preserved")

    def check_document(self, document: Any, path: str) -> None:
        from seedcorpus._exceptions import DocumentError
        from seedcorpus._records import ROLES
        from seedcorpus._text import split_lines

        lines = split_lines(document.raw)
        if len(document.roles) != len(lines):
            raise Finding(f"{len(document.roles)} roles for {len(lines)} lines ({document.layout})")
        if any(role not in ROLES for role in document.roles):
            raise Finding(f"unknown role in {document.roles!r}")
        if len(document.lines) != len(lines):
            raise Finding("Document.lines does not cover every line")
        if document.text != "\n\n".join(document.paragraphs):
            raise Finding("text is not the paragraphs joined")
        for problem in document.problems:
            if not problem.code or problem.path != path:
                raise Finding(f"problem without code or path: {problem!r}")
            if problem.line is not None and not 1 <= problem.line <= max(1, len(lines)):
                raise Finding(f"problem line {problem.line} outside 1..{len(lines)}")
            if not isinstance(problem.to_error(), DocumentError):
                raise Finding(f"to_error() of {problem.code} is not a DocumentError")
        document.dates  # noqa: B018 (lazy: computing it is the check)
        if document.to_dict()["raw"] != document.raw:
            raise Finding("to_dict() lost the raw text")

    def check_archive(self, data: bytes) -> None:
        """The file as an archive member next to a good one, the archive then cut or damaged:
        load() raises only SeedCorpusError, and every listed member ends as a document or
        a problem."""
        import seedcorpus._load as loader
        from seedcorpus._exceptions import SeedCorpusError

        kind = ARCHIVE_KINDS[len(data) % len(ARCHIVE_KINDS)]
        members = {CORPUS_NAME: data, "sub/001_fedcba9876543210.txt": TRICKY[3]}
        intact = build_archive(kind, members)
        archive = damage_archive(intact, data)
        path = self.scratch / f"a{self.cases}.{kind}"
        path.write_bytes(archive)
        try:
            try:
                corpus = loader.load(path, max_bytes=self.max_bytes, workers=1)
            except SeedCorpusError:
                return
            listed = len(corpus.keys())
            documents = list(corpus)
            failed = [p for p in corpus.problems if "!" in (p.path or "")]
            if len(documents) + len([p for p in failed if p.code != "duplicate_key"]) < listed:
                raise Finding(f"archive: {listed} members listed, not all accounted for")
            for document in documents:
                member = document.path.split("!", 1)[1]
                if archive == intact and document.raw_bytes != members.get(member):
                    raise Finding("archive: member bytes not preserved")
            corpus.validate()
        finally:
            path.unlink(missing_ok=True)

    def check_interchange(self, data: bytes) -> None:
        """A JSON Lines document damaged by the case's bytes (a field replaced by a value
        decoded from them, or the line overwritten in places): read_jsonl returns documents
        or raises InterchangeError, nothing else."""
        import io
        import json

        from seedcorpus._exceptions import InterchangeError
        from seedcorpus._export import read_jsonl
        from seedcorpus._parse import parse

        line = json.dumps(parse(TRICKY[5], options=self.options).to_dict())
        if data and data[0] % 2:
            fields = sorted(json.loads(line))
            value: Any
            try:
                value = json.loads(data.decode("utf-8", "replace"))
            except (ValueError, RecursionError):
                value = data.decode("latin-1")
            line = json.dumps(json.loads(line) | {fields[len(data) % len(fields)]: value})
        else:
            damaged = bytearray(line.encode())
            for i in range(0, len(data) - 1, 2):
                damaged[data[i] * 257 % len(damaged)] = data[i + 1]
            line = damaged.decode("utf-8", "replace")
        try:
            for document in read_jsonl(io.StringIO(line + "\n")):
                # As stored, not as parsed: the shape is checked, not how it was derived.
                if len(document.lines) != len(document.roles):
                    raise Finding("interchange: Document.lines does not cover every line")
                document.raw_bytes  # noqa: B018 (encoding it is the check)
                document.to_dict()
        except InterchangeError:
            return

    def check_index(self, data: bytes) -> None:
        """An index of a small corpus with bits flipped where the case's bytes say:
        ``build_index`` then a load from it give the plain load's answers, or raise
        CorpusIndexError; never another exception, never other answers."""
        import sqlite3

        import seedcorpus._load as loader
        from seedcorpus._exceptions import CorpusIndexError
        from seedcorpus._index import build_index, index_path

        def answers(corpus: Any) -> Any:
            return (
                corpus.filter(contains="kerja").keys(),
                [d.key for d in corpus.sorted("published")],
                [d.to_dict() for d in corpus],
            )

        if self.indexed is None:
            folder = self.scratch / "indexed"
            folder.mkdir()
            past = time.time_ns() - 10_000_000_000
            for i, text in enumerate([*load_seeds()[:5], *TRICKY[2:8]]):
                path = folder / f"{i:03d}_{i + 1:016x}.txt"
                path.write_bytes(text + b"\n\nKerja sama %d." % i)
                os.utime(path, ns=(past, past))
            build_index(folder, workers=1)
            with sqlite3.connect(index_path(folder)) as connection:
                connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            pristine = index_path(folder).read_bytes()
            self.indexed = (folder, pristine, answers(loader.load(folder, workers=1)))
        folder, pristine, expected = self.indexed
        index = index_path(folder)
        damaged = bytearray(pristine)
        for i in range(0, min(len(data), 64) - 2, 3):
            bit = int.from_bytes(data[i : i + 3], "big") % (8 * len(damaged))
            damaged[bit // 8] ^= 1 << (bit % 8)
        for suffix in ("-wal", "-shm"):
            Path(f"{index}{suffix}").unlink(missing_ok=True)
        index.write_bytes(bytes(damaged))
        try:
            build_index(folder, workers=1)
            found = answers(loader.load(folder, index=True, workers=1))
        except CorpusIndexError:
            return
        if found != expected:
            raise Finding("index: a damaged index gave other answers than a plain load")

    def check_load(self, data: bytes, name: str) -> None:
        import seedcorpus._load as loader
        from seedcorpus._exceptions import SeedCorpusError
        from seedcorpus._storage import classify_name

        folder = self.scratch / f"c{self.cases}"
        folder.mkdir()
        try:
            (folder / name).write_bytes(data)
            corpus = loader.load(folder, max_bytes=self.max_bytes, workers=1)
            documents = list(corpus)
            problems = corpus.problems
            kind = classify_name(name)
            expected = 0 if kind is None else 1
            accounted = len(documents) + len([p for p in problems if p.code != "duplicate_key"])
            if accounted != expected:
                raise Finding(
                    f"load: {name!r} accounted {accounted} times, expected {expected}: "
                    f"{documents!r} {problems!r}"
                )
            for document in documents:
                if document.raw_bytes != data:
                    raise Finding("load: raw not preserved")
            corpus.validate()
            with contextlib.suppress(SeedCorpusError):
                list(loader.load(folder, strict=True, max_bytes=self.max_bytes, workers=1))
        finally:
            shutil.rmtree(folder, ignore_errors=True)


ARCHIVE_KINDS = ("zip", "tar", "tar.gz", "tar.xz")


def build_archive(kind: str, members: dict[str, bytes]) -> bytes:
    """An archive of ``members`` in memory (deterministic bytes for a given input)."""
    import gzip
    import io
    import lzma
    import tarfile
    import zipfile

    buffer = io.BytesIO()
    if kind == "zip":
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in members.items():
                archive.writestr(zipfile.ZipInfo(name, (2020, 1, 1, 0, 0, 0)), data)
        return buffer.getvalue()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    raw = buffer.getvalue()
    if kind == "tar.gz":
        return gzip.compress(raw, mtime=0)
    if kind == "tar.xz":
        return lzma.compress(raw)
    return raw


def damage_archive(archive: bytes, data: bytes) -> bytes:
    """Cut or overwrite part of an archive, at places chosen from ``data`` (deterministic)."""
    rng = random.Random(hashlib.sha1(data).digest())
    choice = rng.randrange(4)
    if choice == 0 or not archive:
        return archive
    if choice == 1:
        return archive[: rng.randrange(len(archive) + 1)]
    damaged = bytearray(archive)
    for _ in range(rng.randint(1, 8)):
        at = rng.randrange(len(damaged))
        damaged[at : at + rng.randint(1, 8)] = rng.randbytes(rng.randint(1, 8))
    return bytes(damaged)


class Recorder:
    """Runs the target, times it, and keeps distinct findings on disk."""

    def __init__(self, target: Target, out: Path, slow: float, seconds: float) -> None:
        self.target = target
        self.seconds = seconds
        self.out = out
        self.slow = slow
        self.findings = 0
        self.distinct: dict[str, dict[str, Any]] = {}
        self.started = time.monotonic()
        self.last_report = self.started
        self.slowest = 0.0
        out.mkdir(parents=True, exist_ok=True)

    def run_one(self, data: bytes) -> None:
        began = time.monotonic()
        try:
            self.target.check(data)
        except Exception as exc:  # every exception that is not a DocumentError is a finding
            self.record(data, exc)
        took = time.monotonic() - began
        self.slowest = max(self.slowest, took)
        if took > self.slow:
            self.record(data, Finding(f"slow case: {took:.2f} s for {len(data)} bytes"))
        now = time.monotonic()
        if now - self.last_report > 30:
            self.last_report = now
            self.report()

    def record(self, data: bytes, exc: Exception) -> None:
        self.findings += 1
        frames = traceback.extract_tb(exc.__traceback__)
        where = next(
            (
                f"{Path(f.filename).name}:{f.lineno}"
                for f in reversed(frames)
                if "seedcorpus" in f.filename
            ),
            frames[-1].filename if frames else "?",
        )
        kind = f"{type(exc).__name__}@{where}"
        if isinstance(exc, Finding):
            kind = f"Finding:{str(exc).split(':')[0][:60]}"
        if kind in self.distinct:
            self.distinct[kind]["count"] += 1
            return
        digest = hashlib.sha1(data).hexdigest()[:12]
        (self.out / f"finding-{digest}.bin").write_bytes(data)
        text = "".join(traceback.format_exception(exc))
        (self.out / f"finding-{digest}.txt").write_text(f"{kind}\n\n{text}", encoding="utf-8")
        self.distinct[kind] = {
            "count": 1,
            "input": f"finding-{digest}.bin",
            "error": repr(exc)[:300],
        }
        print(f"FINDING {kind}: {exc!r:.200} -> {self.out}/finding-{digest}.bin", file=sys.stderr)

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def summary(self) -> dict[str, Any]:
        return {
            "cases": self.target.cases,
            "seconds": round(time.monotonic() - self.started, 1),
            "findings": self.findings,
            "distinct": len(self.distinct),
            "slowest_case_seconds": round(self.slowest, 3),
            "kinds": self.distinct,
        }

    def report(self) -> None:
        summary = self.summary()
        print(
            f"cases={summary['cases']} findings={summary['findings']} "
            f"distinct={summary['distinct']} seconds={summary['seconds']} "
            f"slowest={summary['slowest_case_seconds']}",
            file=sys.stderr,
            flush=True,
        )
        (self.out / "stats.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")


def run_hypothesis(recorder: Recorder, seconds: float, seeds: list[bytes]) -> None:
    """Generate cases with hypothesis (``seedcorpus.testing.hostile_files``) until time is up."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from seedcorpus.testing import hostile_files

    deadline = time.monotonic() + seconds
    strategy = hostile_files(st.one_of(st.sampled_from(seeds), st.binary(max_size=4096)))

    @settings(
        max_examples=2000,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def batch(data: bytes) -> None:
        if time.monotonic() < deadline:
            recorder.run_one(data)

    while time.monotonic() < deadline:
        batch()


def run_atheris(recorder: Recorder, seconds: float, seeds: list[bytes], argv: list[str]) -> None:
    """Coverage-guided fuzzing with atheris/libFuzzer, half the mutations line-aware."""
    import atheris

    from seedcorpus.testing import mutate_file

    corpus_dir = Path(tempfile.mkdtemp(prefix="seedcorpus-fuzz-corpus-"))
    for index, seed in enumerate(seeds):
        (corpus_dir / f"seed{index:03d}").write_bytes(seed)

    def mutator(data: bytes, max_size: int, seed: int) -> bytes:
        rng = random.Random(seed)
        result = mutate_file(data, rng) if rng.random() < 0.5 else atheris.Mutate(data, max_size)
        return result[:max_size]

    def one_input(data: bytes) -> None:
        recorder.run_one(data)
        if recorder.elapsed() >= seconds:
            # libFuzzer's own exit skips Python's clean-up: report and leave here.
            recorder.report()
            shutil.rmtree(corpus_dir, ignore_errors=True)
            recorder.target.close()
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(1 if recorder.findings else 0)

    args = [
        sys.argv[0],
        *argv,
        f"-max_total_time={int(seconds) + 60}",
        "-max_len=65536",
        "-timeout=60",
        "-rss_limit_mb=4096",
        "-print_final_stats=1",
        str(corpus_dir),
    ]
    atheris.Setup(args, one_input, custom_mutator=mutator)
    atheris.Fuzz()


def replay(paths: list[Path], max_bytes: int) -> int:
    """Run each saved input through every check (load and archive checks included)."""
    target = Target(max_bytes)
    failed = 0
    try:
        for path in paths:
            data = path.read_bytes()
            try:
                target.check_parse(data)
                for name in sorted(set(HOSTILE_NAMES)):
                    target.check_load(data, name)
                for _ in range(len(ARCHIVE_KINDS)):
                    target.check_archive(data)
                    data += b"\n"  # the archive kind is chosen by the length
                print(f"ok {path}")
            except Exception as exc:
                failed += 1
                print(f"FAIL {path}: {exc!r}")
    finally:
        target.close()
    return 1 if failed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="time budget (default 60)")
    parser.add_argument("--engine", choices=["auto", "atheris", "hypothesis"], default="auto")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "seedcorpus-fuzz")
    parser.add_argument("--max-bytes", type=int, default=256 * 1024, help="load/parse size limit")
    parser.add_argument("--slow", type=float, default=2.0, help="seconds that make a case slow")
    parser.add_argument(
        "--replay",
        type=Path,
        nargs="+",
        help="run every check on these saved inputs (finding-*.bin) and exit",
    )
    parser.add_argument("libfuzzer_args", nargs="*", help="extra -flag=value for libFuzzer")
    args = parser.parse_args()
    engine = args.engine
    if engine == "auto":
        engine = "atheris" if importlib.util.find_spec("atheris") else "hypothesis"
    if args.replay:
        return replay(args.replay, args.max_bytes)
    seeds = load_seeds()
    if engine == "atheris":
        import atheris

        with atheris.instrument_imports(include=["seedcorpus"]):
            for module in ("seedcorpus._load", "seedcorpus._parse", "seedcorpus.testing"):
                importlib.import_module(module)
    target = Target(args.max_bytes)
    recorder = Recorder(target, args.out, args.slow, args.seconds)
    print(f"engine={engine} seconds={args.seconds} out={args.out}", file=sys.stderr, flush=True)
    if engine == "atheris":
        run_atheris(recorder, args.seconds, seeds, args.libfuzzer_args)  # exits when done
    run_hypothesis(recorder, args.seconds, seeds)
    recorder.report()
    target.close()
    return 1 if recorder.findings else 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
