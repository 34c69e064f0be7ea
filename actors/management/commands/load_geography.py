from django.core.management.base import BaseCommand

from actors.geography import load_geography


class Command(BaseCommand):
    help = "Load or update the reference geography (idempotent)."

    def handle(self, *args, **options):
        count = load_geography()
        self.stdout.write(self.style.SUCCESS(f"{count} territories loaded."))
