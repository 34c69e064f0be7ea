"""CSV imports of programmes and funded projects (actors have theirs in `actors.imports`)."""
from core.imports import CREATE_ACTORS, Importer

from .programmes import ProgrammeReader, ProgrammeWriter
from .projects import ProjectReader, ProjectWriter

PROGRAMMES = Importer("programmes", ProgrammeReader, ProgrammeWriter)
PROJECTS = Importer("projects", ProjectReader, ProjectWriter)
# The admin's "Créer les organisations inconnues" and `import_programmes --create-actors`.
PROGRAMMES_CREATING_ACTORS = PROGRAMMES.variant(CREATE_ACTORS, create_actors=True)
