"""`manage.py send_alerts`: the due e-mail alert digests (run it from cron or a systemd timer,
e.g. hourly: each subscription gets at most one digest a day or a week, see docs/deploying.md)."""
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from alerts.digest import send_due_digests


class Command(BaseCommand):
    help = "Send the e-mail alert digests that are due (safe to run at any time, and twice)."

    def handle(self, *args, **options):
        if not settings.EMAIL_CONFIGURED:
            raise CommandError(
                "No mail server configured: set EMAIL_URL (e.g. smtp+tls://user:password@smtp.example.org:587) "
                "and DEFAULT_FROM_EMAIL, or EMAIL_HOST and its EMAIL_* companions."
            )
        report = send_due_digests()
        for pk, reason in report.invalid:
            self.stderr.write(f"alert {pk}: its search is no longer valid, skipped: {reason}")
        for pk, error in report.failed:
            self.stderr.write(f"alert {pk}: digest not sent: {error}")
        self.stdout.write(f"{report.sent} digest(s) sent, {report.unchanged} without news, "
                          f"{len(report.invalid)} invalid search(es), {len(report.failed)} failure(s).")
        if report.failed:
            raise CommandError(f"{len(report.failed)} digest(s) could not be sent; they will be retried at the next run.")
