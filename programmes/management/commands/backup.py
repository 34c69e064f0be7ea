from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from programmes.backup import SUFFIXES, backup


class Command(BaseCommand):
    help = (
        "Write every row of the database (history included, derived data left out) to FILE, "
        f"JSON Lines, any database engine; the name ends with {', '.join(SUFFIXES)}. Restore it with `restore FILE`."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file, **options):
        try:
            backup(file)
        except (ValueError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS(f"Backup written to {file}."))
