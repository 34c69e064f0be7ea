"""CSV imports of programmes and funded projects (actors have theirs in `actors.imports`)."""
from core.imports import Importer

from .programmes import ProgrammeReader, ProgrammeWriter
from .projects import ProjectReader, ProjectWriter

PROGRAMMES = Importer("programmes", ProgrammeReader, ProgrammeWriter)
PROJECTS = Importer("projects", ProjectReader, ProjectWriter)
