from core.commands import ImportCommand
from programmes.imports import PROGRAMMES, PROGRAMMES_CREATING_ACTORS


class Command(ImportCommand):
    importer = PROGRAMMES
    creating_importer = PROGRAMMES_CREATING_ACTORS
    create_actors_help = ("Create the organisations no existing one matches (by slug, name, acronym or SIREN), published, "
                          "of the kind given in the optional actor_kinds column (default: other). Without it they are refused.")
    help = "Import programmes from a CSV written by /programmes/export.csv. " + ImportCommand.help
