from core.commands import ImportCommand
from programmes.dispositif_aide.importing import DISPOSITIFS, DISPOSITIFS_CREATING_ACTORS


class Command(ImportCommand):
    importer = DISPOSITIFS
    creating_importer = DISPOSITIFS_CREATING_ACTORS
    create_actors_help = ("Create the porteurs no existing organisation matches (by SIREN, name or acronym), published, "
                          "of kind other. Without it they are refused.")
    help = ("Import programmes from a file in Etalab's schema-dispositif-aide (JSON or CSV, as "
            "/programmes/export-dispositifs.json|.csv write them). A file with any invalid record writes nothing.")
