from django.core.management.base import BaseCommand

from editorial.roles import EDITORS, REVIEWERS, ensure_roles


class Command(BaseCommand):
    help = "Create or resynchronise the editors' and reviewers' groups (also done after every migrate)."

    def handle(self, *args, **options):
        ensure_roles()
        self.stdout.write(self.style.SUCCESS(f"Groups ready: {EDITORS}, {REVIEWERS}."))
