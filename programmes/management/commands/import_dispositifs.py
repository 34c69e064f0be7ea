from core.commands import ImportCommand
from programmes.dispositif_aide_import import DISPOSITIFS, DISPOSITIFS_CREATING_ACTORS


class Command(ImportCommand):
    importer = DISPOSITIFS
    help = ("Import programmes from a file in Etalab's schema-dispositif-aide (JSON or CSV, as "
            "/programmes/export-dispositifs.json|.csv write them). A file with any invalid record writes nothing.")

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--create-actors", action="store_true",
            help="Create the porteurs no existing organisation matches (by SIREN, name or acronym), published, "
                 "of kind other. Without it they are refused.")

    def importer_for(self, options):
        return DISPOSITIFS_CREATING_ACTORS if options.get("create_actors") else DISPOSITIFS
