from django.core.management.base import BaseCommand

from programmes.demo import load_demo_data


class Command(BaseCommand):
    help = "Load the reference geography and the demo entries from the source texts (idempotent)."

    def handle(self, *args, **options):
        counts = load_demo_data()
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Demo data loaded: {summary}."))
