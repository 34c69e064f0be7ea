"""The programme app's admin: programmes, funded projects, reference lists, role history."""
from . import programmes, projects, reference  # noqa: F401  (each registers its ModelAdmins)
