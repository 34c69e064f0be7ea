"""An editor in another process: one programme saved `--count` times through the service, one save
every `--every` seconds, while the benchmark's server answers visitors.

    python -m benchmarks.writer --count 100 --every 0.3

Run by `python -m benchmarks` with its environment (the same database). Prints one line per
save (its milliseconds, or why it failed), as it goes: the benchmark may stop it at any time."""
import argparse
import os
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")

import django  # noqa: E402

django.setup()

from django.db import OperationalError  # noqa: E402

from programmes.models import Programme  # noqa: E402
from programmes.services import save_programme  # noqa: E402


def edit(count, every):
    """Saves the first benchmark programme `count` times (its title changed each time, as an
    editor's correction would), the first at once."""
    programme = Programme.objects.published().filter(slug__startswith="bench").order_by("id").first()
    title = programme.title.split(" — ")[0]
    for number in range(count):
        started = time.perf_counter()
        programme.title = f"{title} — révision {number + 1}"
        try:
            save_programme(programme=programme, reason="benchmark")
            print(f"{(time.perf_counter() - started) * 1000:.1f}", flush=True)
        except OperationalError as error:  # SQLite's "database is locked": reported, not fatal
            print(f"failed: {error}", flush=True)
        if number + 1 < count:
            time.sleep(max(0.0, every - (time.perf_counter() - started)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--every", type=float, default=10.0)
    args = parser.parse_args()
    edit(args.count, args.every)


if __name__ == "__main__":
    main()
