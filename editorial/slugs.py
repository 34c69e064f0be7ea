"""Slugs that reveal nothing: an editor never learns that another organisation's draft exists.

A change form refused a slug taken by any entry ("… existe déjà"), so an editor could probe the
slugs of other organisations' unpublished drafts. When the entry holding the slug is one the
user may not see, the form takes the first free variant (`slug-2`, `slug-3`…) instead, as if
the slug had never been asked for; a clash with an entry the user sees is still an error.
"""
from . import policy

MAX_TRIES = 1000


def free_slug(model, slug, *, exclude_pk=None):
    """The first of `slug`, `slug-2`, `slug-3`… that no entry of `model` (but `exclude_pk`) holds."""
    max_length = model._meta.get_field("slug").max_length
    taken = model._default_manager.exclude(pk=exclude_pk) if exclude_pk is not None else model._default_manager.all()
    for number in range(2, MAX_TRIES):
        suffix = f"-{number}"
        candidate = slug[: max_length - len(suffix)] + suffix
        if not taken.filter(slug=candidate).exists():
            return candidate
    raise ValueError(f"No free slug for {slug!r}")


class UniqueSlugForm:
    """Mixed into an entry's admin form by `around`: a hidden clash gets a free slug."""

    user = None

    @classmethod
    def around(cls, form_class, user):
        if "slug" not in form_class.base_fields:
            return form_class
        return type(form_class.__name__, (cls, form_class), {"user": user})

    def validate_unique(self):
        self.avoid_hidden_clash()
        super().validate_unique()

    def avoid_hidden_clash(self):
        slug = self.cleaned_data.get("slug")
        if not slug or "slug" in self._errors:
            return
        model = self._meta.model
        own_pk = None if self.instance._state.adding else self.instance.pk
        holders = model._default_manager.filter(slug=slug)
        if own_pk is not None:
            holders = holders.exclude(pk=own_pk)
        holder = holders.first()
        if holder is None or holder.is_public or policy.is_reachable(self.user, holder):
            return  # free, or the user may see who holds it: the usual error
        self.cleaned_data["slug"] = self.instance.slug = free_slug(model, slug, exclude_pk=own_pk)
