"""Realistic synthetic directories (French text with accents, 1–3 territories from métropole to
Europe, organisations, themes, past and future deadlines), written through the bulk paths
that fill every derived column (the search index included)."""
import datetime
import random

from django.db import transaction

from actors.models import Actor
from editorial.models import PublicationState
from programmes.models import Audience, Programme, ProgrammeActor, Theme
from territories.models import Territory

WORDS = (
    "santé numérique données hospitalières télésanté plateforme technologique imagerie médicale biothérapies "
    "innovation recherche clinique prévention dispositifs médicaux intelligence artificielle cancérologie "
    "maladies rares accompagnement start-up établissements financement amorçage relocalisation production "
    "médicaments formation compétences territoire région métropole hôpital université laboratoire essais "
    "cliniques e-santé santé-environnement nutrition sport vieillissement autonomie soins primaires "
    "télémédecine cybersécurité entrepôts interopérabilité génomique diagnostic thérapies innovantes"
).split()
KINDS = [k for k, _ in Programme.Kind.choices]


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def make_actors(rng, count=300):
    seats = list(Territory.objects.exclude(kind__in=Territory.SUPRA_NATIONAL).values_list("id", flat=True))
    actors = [Actor(name=f"Organisation {sentence(rng, 2)[:-1]} {i}", slug=f"bench-actor-{i}", kind=rng.choice(Actor.Kind.values),
                    seat_id=rng.choice(seats), publication_state=PublicationState.PUBLISHED, description=sentence(rng, 20))
              for i in range(count)]
    return Actor.objects.bulk_create(actors, batch_size=1000)


@transaction.atomic
def make_programmes(count, *, seed=1, prefix="bench"):
    """`count` published programmes; returns their ids."""
    rng = random.Random(seed)
    territories = list(Territory.objects.values_list("id", "kind"))
    local = [t for t, kind in territories if kind not in Territory.SUPRA_NATIONAL]
    supra = [t for t, kind in territories if kind in Territory.SUPRA_NATIONAL]
    actors = [a.id for a in make_actors(rng)] if not Actor.objects.filter(slug__startswith="bench-actor-").exists() \
        else list(Actor.objects.filter(slug__startswith="bench-actor-").values_list("id", flat=True))
    themes, audiences = list(Theme.objects.values_list("id", flat=True)), list(Audience.objects.values_list("id", flat=True))
    today = datetime.date.today()
    objs = []
    for i in range(count):
        deadline = today + datetime.timedelta(days=rng.randint(-700, 400)) if rng.random() < 0.8 else None
        objs.append(Programme(
            title=f"{sentence(rng, rng.randint(3, 7))[:-1]} {i}", slug=f"{prefix}-{i}", kind=rng.choice(KINDS),
            summary=sentence(rng, 25), description=sentence(rng, 120), deadline=deadline,
            opens_on=deadline - datetime.timedelta(days=rng.randint(30, 120)) if deadline else None,
            publication_state=PublicationState.PUBLISHED, website=f"https://example.org/{prefix}/{i}",
        ))
    created = Programme.objects.bulk_create(objs, batch_size=2000, reindex=False)
    ids = [p.id for p in created]
    through_t, through_th, through_a = Programme.territories.through, Programme.themes.through, Programme.audiences.through
    links_t, links_th, links_a, roles = [], [], [], []
    for pid in ids:
        chosen = set(rng.sample(local, rng.randint(1, 3)))
        if rng.random() < 0.25:
            chosen.add(rng.choice(supra))
        links_t += [through_t(programme_id=pid, territory_id=t) for t in chosen]
        links_th += [through_th(programme_id=pid, theme_id=t) for t in rng.sample(themes, 2)]
        links_a += [through_a(programme_id=pid, audience_id=a) for a in rng.sample(audiences, 2)]
        roles.append(ProgrammeActor(programme_id=pid, actor_id=rng.choice(actors), role="runs"))
        if rng.random() < 0.5:
            roles.append(ProgrammeActor(programme_id=pid, actor_id=rng.choice(actors), role="funds"))
    for model, rows in ((through_t, links_t), (through_th, links_th), (through_a, links_a), (ProgrammeActor, roles)):
        model.objects.bulk_create(rows, batch_size=5000)
    Programme.objects.filter(slug__startswith=f"{prefix}-").reindex()
    return ids
