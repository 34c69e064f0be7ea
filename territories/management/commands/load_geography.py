from django.core.management.base import BaseCommand

from territories.services import load_geography


class Command(BaseCommand):
    help = "Load or update the reference geography (idempotent; `migrate` already does it)."

    def handle(self, *args, **options):
        count = load_geography()
        self.stdout.write(self.style.SUCCESS(f"{count} territories loaded."))
