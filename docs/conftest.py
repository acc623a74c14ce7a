"""pytest configuration for docs/: the guides' examples run as doctests (``--doctest-glob``).

The API reference in docs/api/ is generated from the docstrings, whose examples already run
through tests/test_doctests.py; running them again from the Markdown would be waste (and the
pages keep the examples' module-relative names). tests/test_api_reference.py checks the pages.
"""

collect_ignore_glob = ["api/*"]
