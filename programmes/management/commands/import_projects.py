from core.commands import ImportCommand
from programmes.imports import PROJECTS


class Command(ImportCommand):
    importer = PROJECTS
    help = "Import funded projects from a CSV written by /projets/export.csv. " + ImportCommand.help
