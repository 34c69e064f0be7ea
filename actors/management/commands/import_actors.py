from actors.imports import ACTORS
from core.commands import ImportCommand


class Command(ImportCommand):
    importer = ACTORS
    help = "Import organisations from a CSV written by /acteurs/export.csv. " + ImportCommand.help
