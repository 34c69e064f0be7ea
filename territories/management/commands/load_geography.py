from django.core.management.base import BaseCommand

from territories.services import load_geography


class Command(BaseCommand):
    help = (
        "Load or refresh the reference geography from territories/data/geography.csv.gz (idempotent; `migrate` "
        "loads it first). Territories the file no longer lists are deleted, except those a programme, a project "
        "or an organisation still names: those are reported, as are merged communes' old codes."
    )

    def add_arguments(self, parser):
        parser.add_argument("--without-communes", action="store_true", help="Leave the communes out (neither added nor removed).")

    def handle(self, *args, without_communes=False, **options):
        report = load_geography(communes=not without_communes, remove=True)
        for label in report.removed:
            self.stdout.write(f"Supprimé : {label}{self._merged(label, report)}")
        for label, named in report.kept:
            self.stdout.write(self.style.WARNING(f"Conservé car encore cité ({named}) : {label}{self._merged(label, report)}"))
        self.stdout.write(self.style.SUCCESS(
            f"{report.count} territories ({report.created} created, {report.updated} updated, "
            f"{len(report.removed)} removed, {len(report.kept)} kept though gone from the COG)."
        ))

    @staticmethod
    def _merged(label, report):
        kind, _sep, rest = label.partition(":")
        code = rest.split(" ", 1)[0]
        into = report.merged.get(code) if kind == "commune" else None
        return f" — fusionnée dans {into}" if into else ""
