"""Run the queued CSV import jobs; fail those a dead process left running (see `editorial.jobs`)."""
import datetime

from django.core.management.base import BaseCommand

from editorial import jobs


class Command(BaseCommand):
    help = ("Fail the import jobs left running by a process that died (or silent for --stale-minutes), "
            "then run every queued job in this process. Safe to run from cron at any time.")

    def add_arguments(self, parser):
        parser.add_argument("--stale-minutes", type=int, default=60,
                            help="A running job with no sign of life for this long is failed (default 60).")
        parser.add_argument("--recover-only", action="store_true", help="Fail dead jobs, run nothing.")

    def handle(self, *args, stale_minutes, recover_only, **options):
        failed = jobs.recover(stale_after=datetime.timedelta(minutes=max(stale_minutes, 1)))
        self.stdout.write(f"{failed} interrupted job(s) marked as failed.")
        if recover_only:
            return
        ran = jobs.run_queued()
        self.stdout.write(self.style.SUCCESS(f"{ran} queued job(s) run."))
