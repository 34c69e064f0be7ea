from core.commands import ImportCommand
from programmes.imports import PROGRAMMES


class Command(ImportCommand):
    importer = PROGRAMMES
    help = "Import programmes from a CSV written by /programmes/export.csv. " + ImportCommand.help
