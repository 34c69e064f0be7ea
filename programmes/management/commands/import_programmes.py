from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from programmes.import_apply import apply_import
from programmes.import_rows import plan_import


class Command(BaseCommand):
    help = (
        "Import programmes from a CSV written by /programmes/export.csv (either dialect). "
        "A file with any invalid row writes nothing. New entries are published unless --draft."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Check and report, write nothing.")
        parser.add_argument("--draft", action="store_true", help="Create new entries as drafts instead of published.")

    def handle(self, *args, file, dry_run, draft, **options):
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {file}: {exc}") from exc
        plan = plan_import(data)
        for warning in plan.warnings:
            self.stdout.write(self.style.WARNING(f"warning: {warning}"))
        if not plan.ok:
            for problem in plan.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"{len(plan.problems)} problem(s): nothing was imported.")
        summary = f"{plan.created} to create, {plan.updated} to update"
        if dry_run:
            self.stdout.write(self.style.SUCCESS(f"Dry run: {summary}. Nothing written."))
            return
        created, updated = apply_import(plan, publish=not draft, progress=self.progress)
        self.stdout.write(self.style.SUCCESS(f"Imported: {created} created, {updated} updated."))

    def progress(self, done, total):
        self.stdout.write(f"  {done}/{total} rows written")
