from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, connection

from programmes.backup import restore


class Command(BaseCommand):
    help = (
        "Replace every row of the database with a file written by `backup` (migrate the database first, "
        "with the same version of the code). One transaction: on any error nothing changes."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive", help="Do not ask for confirmation.")

    def handle(self, *args, file, interactive, **options):
        name = connection.settings_dict["NAME"]
        if interactive and input(f"Every row of database {name!r} will be replaced by {file}. Type 'yes' to continue: ") != "yes":
            raise CommandError("Restore cancelled.")
        try:
            counts = restore(file)
        except (ValueError, OSError, DatabaseError, DeserializationError) as exc:
            raise CommandError(f"Nothing was restored: {exc}") from exc
        summary = ", ".join(f"{n} {what}" for what, n in counts.items())
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS(f"Restored from {file}: {summary}; search index rebuilt."))
