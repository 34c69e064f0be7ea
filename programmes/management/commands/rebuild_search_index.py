from django.core.management.base import BaseCommand

from programmes.services import rebuild_search_index


class Command(BaseCommand):
    help = "Recompute the search text of every actor, programme and funded project (repairs any database)."

    def handle(self, *args, **options):
        counts = rebuild_search_index()
        self.stdout.write(self.style.SUCCESS("Search index rebuilt: " + ", ".join(f"{n} {name}" for name, n in counts.items()) + "."))
