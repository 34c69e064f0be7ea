"""The local Redis database the cache tests may empty: one per pytest-xdist worker.

Tests clear it (FLUSHDB); two workers sharing one would empty each other's keys mid-test.
The live tests keep their own (tests/live/server.py)."""
import os

WORKER = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
REDIS_URL = f"redis://127.0.0.1:6379/{15 - WORKER}"
