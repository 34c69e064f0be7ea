"""The write services of each publishable model, registered by the app that owns it.

The workflow, the admin, revision approvals and restores write entries of apps that sit above
`editorial` (programmes, actors). Each such app registers its services here from its
`AppConfig.ready`, so every write goes through the app's own service (one history record, one
search refresh) while `editorial` imports none of those apps.

- `save(*, entry, user, reason, **relations)`: create or update `entry`; `relations` are its
  many-to-many fields (and the inlines its app knows), by name; one not given is left as it is.
- `apply_revision(*, entry, proposal, user, reason)`: write an approved revision
  (`editorial.revisions.Proposal`) to `entry`, its fields already set on it.
- `delete(*, entry, user)`: delete `entry` when it is an inline row of another entry's form
  (None for a model never shown inline).
"""
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class EntryServices:
    save: Callable
    apply_revision: Callable
    delete: Callable = None


_services = {}


def register(model, *, save, apply_revision, delete=None):
    _services[model] = EntryServices(save=save, apply_revision=apply_revision, delete=delete)


def services_for(model):
    """The services `model`'s app registered; LookupError when it registered none (a setup error)."""
    try:
        return _services[model]
    except KeyError:
        raise LookupError(f"No write services registered with editorial for {model._meta.label}") from None
