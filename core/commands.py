"""The shape of every `import_<entries>` management command."""
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from . import import_refusals
from .imports import ImportConflict


class ImportCommand(BaseCommand):
    importer = None  # a core.imports.Importer
    # The importer variant that creates the organisations no existing one matches (`--create-actors`),
    # and the option's help; None: no such option.
    creating_importer = None
    create_actors_help = ""
    help = "Import a CSV written by the matching public export (either dialect). A file with any invalid row writes nothing."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Check and report, write nothing.")
        parser.add_argument("--draft", action="store_true", help="Create new entries as drafts instead of published.")
        parser.add_argument("--max-rows", type=int, help="Refuse files with more rows (default: the IMPORT_MAX_ROWS setting).")
        parser.add_argument("--max-bytes", type=int, help="Refuse larger files (default: the IMPORT_MAX_BYTES setting).")
        if self.creating_importer is not None:
            parser.add_argument("--create-actors", action="store_true", help=self.create_actors_help)
        parser.add_argument("--skip-invalid", action="store_true",
                            help="Import the valid rows only and list the refused ones (without it, any invalid row stops the import).")
        parser.add_argument("--refused-csv", type=Path, help="With --skip-invalid: write the refused rows there, with their problems.")

    def importer_for(self, options):
        return self.creating_importer if options.get("create_actors") else self.importer

    def handle(self, *args, file, dry_run, draft, max_rows=None, max_bytes=None, skip_invalid=False, refused_csv=None, **options):
        data = self.read(file, max_bytes or settings.IMPORT_MAX_BYTES)
        importer = self.importer_for(options)
        plan = importer.plan(data, max_rows=max_rows, max_bytes=max_bytes)
        if skip_invalid:
            plan = self.skip_invalid(plan, data, refused_csv)
        for warning in plan.warnings:
            self.stdout.write(self.style.WARNING(f"warning: {warning}"))
        for notice in plan.notices:
            self.stdout.write(f"note: {notice}")
        if not plan.ok:
            for problem in plan.shown_problems:
                self.stderr.write(str(problem))
            if plan.more_problems:
                self.stderr.write(f"... and {plan.more_problems} more.")
            raise CommandError(f"{len(plan.problems)} problem(s): nothing was imported.")
        summary = f"{plan.created} to create, {plan.updated} to update, {plan.unchanged} unchanged"
        if dry_run:
            self.stdout.write(self.style.SUCCESS(f"Dry run: {summary}. Nothing written."))
            return
        try:
            created, updated = importer.apply(plan, publish=not draft, progress=self.progress)
        except (ImportConflict, DatabaseError) as exc:
            # The check missed something, or the directory changed meanwhile: one line, no traceback.
            raise CommandError(f"Import failed, nothing was written: {exc}") from exc
        self.stdout.write(self.style.SUCCESS(f"Imported: {created} created, {updated} updated."))

    def skip_invalid(self, plan, data, path):
        """The plan's valid rows only; every refused row listed (and written to `path` as CSV)."""
        plan, refused = import_refusals.valid_rows_only(plan)
        for problem in refused:
            self.stderr.write(f"refused: {problem}")
        if refused:
            self.stderr.write(f"{len({problem.line for problem in refused})} row(s) refused, left out.")
        if path is not None:
            path.write_bytes(import_refusals.refused_csv(data, refused))
        return plan

    def read(self, file, max_bytes):
        """The file's bytes; a larger file is refused before it is read."""
        try:
            size = file.stat().st_size
            if size > max_bytes:
                raise CommandError(f"{file} has {size} bytes, more than {max_bytes} (IMPORT_MAX_BYTES, or --max-bytes): split it.")
            return file.read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {file}: {exc}") from exc

    def progress(self, done, total):
        self.stdout.write(f"  {done}/{total} rows written")
