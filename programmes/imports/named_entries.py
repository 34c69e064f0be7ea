"""What a programme row names besides itself: themes, audiences and organisations.

Checked while reading, so that the write never refuses what the preview accepted: a new
theme whose name another theme already has, an organisation nobody may create. Organisations
are matched the way people name them (slug, name, acronym, SIREN; case and accents aside),
among those the importing account may see: an editor never reaches another organisation's
draft, not even by learning that its name is taken.
"""
import difflib
from collections import defaultdict
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.utils.text import slugify
from django.utils.translation import gettext as _

from actors.models import Actor
from actors.services import refresh_search as refresh_actor_search
from core.imports import ImportConflict
from core.text import fold
from editorial import policy
from editorial.models import PublicationState
from editorial.workflow import stamp_publication

NAME_LENGTH = {"name": 120, "slug": 120}  # ReferenceItem's columns
ACTOR_NAME_LENGTH, ACTOR_SLUG_LENGTH = 255, 255


class NewReferences:
    """Themes (or audiences) a privileged file creates: each slug and each name once in the directory."""

    def __init__(self, model):
        self.model = model
        self.slugs = dict(model.objects.values_list("slug", "name"))
        self.names = {fold(name): slug for slug, name in self.slugs.items()}
        self.new_names = {}  # folded name → slug, for the new ones of this file

    def known(self, slug):
        return slug in self.slugs

    def unknown(self, slug, name=""):
        """"thématique inconnue « x »", with the known one the file more likely meant (same name,
        else a close slug) or else the accepted slugs."""
        if self.model._meta.model_name == "theme":
            message = _("thématique inconnue « %(slug)s »") % {"slug": slug[:60]}
        else:
            message = _("public inconnu « %(slug)s »") % {"slug": slug[:60]}
        close = [self.names[fold(name)]] if fold(name) in self.names else difflib.get_close_matches(slug, list(self.slugs), n=1)
        if close:
            return message + _(" : vouliez-vous dire « %(slug)s » ?") % {"slug": close[0]}
        return message + _(" (valeurs acceptées : %(values)s).") % {"values": ", ".join(sorted(self.slugs)) or "—"}

    def check(self, slug, name):
        """None when `slug` exists or may be created with `name`, else the message why not."""
        if slug in self.slugs:
            return None
        try:
            validate_slug(slug)
        except ValidationError:
            return _("identifiant invalide « %(slug)s » (lettres sans accents, chiffres, tirets).") % {"slug": slug[:60]}
        if len(slug) > NAME_LENGTH["slug"] or len(name) > NAME_LENGTH["name"]:
            return _("« %(slug)s » : identifiant ou nom trop long (120 caractères au plus).") % {"slug": slug[:60]}
        if self.names.get(fold(name)) not in (None, slug):  # the file names a known one by a wrong slug
            return self.unknown(slug, name) + " " + _("(« %(name)s » est son nom : pour en créer une autre, donnez-lui un autre nom.)") % {"name": name[:60]}
        other = self.new_names.get(fold(name))
        if other is not None and other != slug:
            return _("le nom « %(name)s » est donné ici à deux identifiants, « %(other)s » et « %(slug)s ».") % {
                "name": name[:60], "other": other, "slug": slug[:60]}
        self.new_names[fold(name)] = slug
        return None


@dataclass(frozen=True)
class NewActor:
    """An organisation the import creates, published, when the importer asked for it."""

    name: str
    kind: str


def actor_kind(text):
    """A kind given by its value (`hospital`) or its label (`Autre`), case and accents aside; "" is "other"."""
    if not text.strip():
        return Actor.Kind.OTHER
    wanted = fold(text)
    for value, label in Actor.Kind.choices:
        if wanted in (value, fold(str(label))):
            return value
    raise ValueError(_("type d'organisation inconnu « %(value)s » (valeurs : %(values)s).") % {
        "value": text[:40], "values": ", ".join(Actor.Kind.values)})


class ActorIndex:
    """The organisations a file may name, for one account: every one for reviewers and the
    command line, else the published ones and the account's own."""

    def __init__(self, user, *, privileged):
        actors = Actor.objects.order_by()
        if not privileged:
            actors = actors.filter(publication_state="published") | Actor.objects.editable_by(user).order_by()
        self.slugs, self.keys = set(), defaultdict(set)
        for slug, name, acronym, siren in actors.values_list("slug", "name", "acronym", "siren"):
            self.slugs.add(slug)
            for key in (fold(name), fold(acronym), siren):
                if key:
                    self.keys[key].add(slug)
        self.new = {}  # slug → NewActor, for the organisations this file creates

    def find(self, ref, label):
        """The slugs of the organisations `ref` (slug, name, acronym or SIREN) or else `label` (a name) names."""
        if ref in self.slugs:
            return {ref}
        for text in (ref, label):
            siren = text.replace(" ", "")
            found = self.keys.get(fold(text), set()) | (self.keys.get(siren, set()) if siren.isdigit() else set())
            if found:
                return found
        return {slugify(ref), slugify(label)} & self.slugs

    def plan_new(self, ref, label, kind):
        """(slug, NewActor, first time named) for an organisation to create; ValueError when it cannot be."""
        name = label or ref
        slug = slugify(name)[:ACTOR_SLUG_LENGTH]
        if not slug:
            raise ValueError(_("« %(name)s » : impossible d'en tirer un identifiant.") % {"name": name[:60]})
        if len(name) > ACTOR_NAME_LENGTH:
            raise ValueError(_("nom d'organisation trop long (255 caractères au plus) : « %(name)s… ».") % {"name": name[:60]})
        if slug in self.slugs:  # `find` matches it first: never a second organisation with this slug
            raise ValueError(_("« %(name)s » : l'identifiant « %(slug)s » est déjà pris.") % {"name": name[:60], "slug": slug})
        first = slug not in self.new
        new = self.new.setdefault(slug, NewActor(name=name, kind=kind))
        return slug, new, first


def may_create_actors(user):
    return user is None or policy.can(user, policy.ADD, model=Actor)


def first_names(pairs):
    """{slug: name}, the first name given to a slug winning (as when rows are written one by one)."""
    names = {}
    for slug, name in pairs:
        names.setdefault(slug, name)
    return names


class References:
    """Themes, audiences and actors by slug, fetched or created once per import.

    Only what the plan accepted reaches here: new themes and audiences from privileged imports,
    new organisations (`NewActor`) when the importer asked for them, created published."""

    def __init__(self, user=None):
        self.user, self.cache = user, {}

    def fetch(self, model, wanted):
        """Fetch the `wanted` ({slug: name, or NewActor}) not seen yet in one query; create the missing ones."""
        missing = [slug for slug in wanted if (model, slug) not in self.cache]
        if not missing:
            return
        for item in model.objects.filter(slug__in=missing):
            self.cache[model, item.slug] = item
        for slug in missing:
            if (model, slug) not in self.cache:
                self.cache[model, slug] = self.create(model, slug, wanted[slug])

    def create(self, model, slug, wanted):
        if model is not Actor:
            return model.objects.create(slug=slug, name=wanted or slug)
        if wanted is None:  # found by the check, deleted since
            raise ImportConflict(_("l'organisation « %(slug)s » a été supprimée pendant l'import.") % {"slug": slug})
        actor = Actor(slug=slug, name=wanted.name, kind=wanted.kind, publication_state=PublicationState.PUBLISHED)
        stamp_publication(actor, self.user)
        actor._history_user, actor._change_reason = self.user, _("Import CSV")
        actor.save()
        refresh_actor_search([actor.id])
        return actor

    def get(self, model, slug):
        return self.cache[model, slug]
