from core.commands import ImportCommand
from programmes.imports import PROGRAMMES, PROGRAMMES_CREATING_ACTORS


class Command(ImportCommand):
    importer = PROGRAMMES
    help = "Import programmes from a CSV written by /programmes/export.csv. " + ImportCommand.help

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--create-actors", action="store_true",
            help="Create the organisations no existing one matches (by slug, name, acronym or SIREN), published, "
                 "of the kind given in the optional actor_kinds column (default: other). Without it they are refused.")

    def importer_for(self, options):
        return PROGRAMMES_CREATING_ACTORS if options.get("create_actors") else PROGRAMMES
