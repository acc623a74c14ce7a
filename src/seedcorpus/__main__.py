"""``python -m seedcorpus``: the same command line as the ``seedcorpus`` script."""

from __future__ import annotations

from seedcorpus._cli import main

raise SystemExit(main())
