"""Demo data: the first real entries of the directory.

Every entry comes from one of the five source texts in shared/seeds/ (see SOURCES);
nothing is added from outside knowledge except an organisation's kind and seat when
its name or the text makes them obvious. Unknown facts are left None / "".
Plain Python on purpose: importable without Django (loaded by programmes/demo.py).
"""
from datetime import date
from decimal import Decimal

# ---------------------------------------------------------------------------
# Provenance: key -> text stored in each entry's `source` field.
# ---------------------------------------------------------------------------
SOURCES = {
    "rennes": (
        "Biotech Santé Bretagne — « [Focus territoire] Quelle feuille de route santé pour Rennes Métropole ? », "
        "publié le 19/12/2022."
    ),
    "dijon": (
        "Article « Dijon Métropole et les acteurs de la filière santé ont signé, jeudi 26 septembre, une convention "
        "fondatrice d'un Technopôle santé » (signature en 2019 ; annonce du 1er hackathon de santé de Dijon, "
        "25–29 mars 2020), éditeur non précisé."
    ),
    "rouen": (
        "Métropole Rouen Normandie — « Soutien aux acteurs de la santé » (dispositif de soutien à la création de "
        "plateformes technologiques, projets soutenus en 2023 et 2024), page modifiée le 25/02/2025."
    ),
    "aura": (
        "« AURA leader santé » — Assises régionales de la santé 2023 « Proximité, souveraineté, innovation » "
        "(Région Auvergne-Rhône-Alpes), article du 20/09/2023 (Denys Bédarride)."
    ),
    "sante_numerique": (
        "France 2030 — « Bilan du tour de France 2022 de la stratégie d'accélération \"Santé numérique\" » "
        "(étapes du 1er février au 29 juin 2022), éditeur non précisé."
    ),
}

# ---------------------------------------------------------------------------
# Reference lists (editable): (slug, name_fr, name_en)
# ---------------------------------------------------------------------------
THEMES = [
    ("e-sante", "E-santé / numérique en santé", "E-health / digital health"),
    ("medtech", "Technologies médicales / dispositifs médicaux", "Medtech / medical devices"),
    ("biotech", "Biotechnologies", "Biotechnology"),
    ("production-relocalisation", "Production pharmaceutique / relocalisation", "Pharmaceutical production / reshoring"),
    ("donnees-ia", "Données de santé & IA", "Health data & AI"),
    ("prevention", "Prévention (nutrition, sport, environnement)", "Prevention (nutrition, sport, environment)"),
    ("formation-competences", "Formation & compétences", "Training & skills"),
    ("recherche-clinique", "Recherche médicale et clinique", "Medical & clinical research"),
    ("acces-aux-soins", "Accès aux soins / proximité", "Access to care"),
    ("decarbonation", "Décarbonation / transition écologique", "Decarbonisation / ecological transition"),
    ("innovation", "Innovation", "Innovation"),
    ("telesante", "Télésanté / télémédecine", "Telehealth / telemedicine"),
    ("reglementation-acces-marche", "Réglementation & accès au marché", "Regulation & market access"),
]

AUDIENCES = [
    ("startups-pme", "Start-ups / PME", "Start-ups / SMEs"),
    ("eti", "ETI", "Mid-caps"),
    ("etablissements-sante", "Établissements de santé", "Hospitals"),
    ("laboratoires", "Laboratoires de recherche", "Research labs"),
    ("universites", "Universités / écoles", "Universities / schools"),
    ("collectivites", "Collectivités territoriales", "Local authorities"),
    ("associations", "Associations", "Associations"),
    ("professionnels-sante", "Professionnels de santé", "Health professionals"),
    ("etudiants", "Étudiants", "Students"),
]

# Territory keys used below (kind, INSEE code).
FRANCE = ("country", "FR")
RENNES_METROPOLE = ("epci", "243500139")
DIJON_METROPOLE = ("epci", "242100410")
ROUEN_METROPOLE = ("epci", "200023414")
LYON_METROPOLE = ("epci", "200046977")


def _region(code):
    return ("region", code)


def _dept(code):
    return ("department", code)


# ---------------------------------------------------------------------------
# Actors (organisations)
# ---------------------------------------------------------------------------
ACTORS = [
    # --- 000 Rennes -----------------------------------------------------------
    dict(
        slug="rennes-metropole", name="Rennes Métropole", acronym="", kind="metropole", seat=RENNES_METROPOLE,
        website="", siren="",
        description=(
            "Métropole qui souhaite renforcer la dynamique existante et « booster » sa filière santé : elle compte "
            "une centaine d'entreprises de santé, en majorité en e-santé et en technologies médicales, des "
            "laboratoires de recherche et des acteurs du soin publics comme privés. Elle a réuni les acteurs du "
            "secteur pour établir une feuille de route santé à long terme (Sébastien Sémeril, vice-président en "
            "charge du développement économique et de l'emploi). Contact filière santé : Céline Quéron."
        ),
        source="rennes",
    ),
    dict(
        slug="biotech-sante-bretagne", name="Biotech Santé Bretagne", acronym="", kind="cluster", seat=_region("53"),
        website="", siren="",
        description=(
            "Acteur régional de la filière santé en Bretagne, mobilisé par Rennes Métropole pour l'élaboration de "
            "sa feuille de route santé ; il a publié le 19/12/2022 le « Focus territoire » consacré à cette feuille "
            "de route."
        ),
        source="rennes",
    ),
    # --- 001 Dijon --------------------------------------------------------------
    dict(
        slug="dijon-metropole", name="Dijon Métropole", acronym="", kind="metropole", seat=DIJON_METROPOLE,
        website="", siren="",
        description=(
            "Métropole présidée par François Rebsamen, porteuse du projet de Technopôle santé dont elle a signé la "
            "convention fondatrice le jeudi 26 septembre 2019 avec le CHU Dijon Bourgogne, le Centre "
            "Georges-François Leclerc, l'Université de Bourgogne et le Pôle BFCare. Premier pôle industriel "
            "régional, la filière santé de la métropole dijonnaise compte plus de 4 000 emplois directs et une "
            "centaine d'entreprises, pour un chiffre d'affaires consolidé de 1,2 milliard d'euros. Co-organisatrice "
            "du Health & Digital Meeting (mars 2020)."
        ),
        source="dijon",
    ),
    dict(
        slug="chu-dijon-bourgogne", name="CHU Dijon Bourgogne", acronym="", kind="hospital", seat=_dept("21"),
        website="", siren="",
        description=(
            "Signataire de la convention fondatrice du Technopôle santé de Dijon (26 septembre 2019) et "
            "co-organisateur du Health & Digital Meeting, 1er hackathon de santé de Dijon (25–29 mars 2020)."
        ),
        source="dijon",
    ),
    dict(
        slug="centre-georges-francois-leclerc", name="Centre Georges-François Leclerc", acronym="CGFL",
        kind="hospital", seat=_dept("21"), website="", siren="",
        description=(
            "Établissement présent sur la zone du campus universitaire de Dijon, signataire de la convention "
            "fondatrice du Technopôle santé de Dijon (26 septembre 2019) et co-organisateur du Health & Digital "
            "Meeting (25–29 mars 2020)."
        ),
        source="dijon",
    ),
    dict(
        slug="universite-de-bourgogne", name="Université de Bourgogne", acronym="", kind="university",
        seat=_dept("21"), website="", siren="",
        description=(
            "Signataire de la convention fondatrice du Technopôle santé de Dijon (26 septembre 2019). Son UFR "
            "Sciences de santé co-organise le Health & Digital Meeting (mars 2020), dont le hackathon se tient sur "
            "le campus universitaire. « Dijon a vocation à devenir un hub universitaire », selon Alain Bonnin, de "
            "l'Université de Bourgogne."
        ),
        source="dijon",
    ),
    dict(
        slug="pole-bfcare", name="Pôle BFCare", acronym="BFCare", kind="cluster", seat=_region("27"),
        website="", siren="",
        description=(
            "Association qui fédère les industries du secteur des produits et services de santé ; signataire de la "
            "convention fondatrice du Technopôle santé de Dijon (26 septembre 2019) et co-organisateur du Health & "
            "Digital Meeting (mars 2020)."
        ),
        source="dijon",
    ),
    dict(
        slug="cpage", name="CPage", acronym="", kind="company", seat=None, website="", siren="",
        description=(
            "Entreprise spécialisée dans les produits et services numériques à destination des établissements de "
            "santé ; porteuse du Health & Digital Meeting, 1er hackathon de santé de Dijon (25–29 mars 2020)."
        ),
        source="dijon",
    ),
    dict(
        slug="sanofi", name="Sanofi", acronym="", kind="company", seat=None, website="", siren="",
        description="Co-organisateur du Health & Digital Meeting, 1er hackathon de santé de Dijon (25–29 mars 2020).",
        source="dijon",
    ),
    dict(
        slug="dfco", name="DFCO", acronym="DFCO", kind="other", seat=_dept("21"), website="", siren="",
        description=(
            "Les deux jours de salon du Health & Digital Meeting (mars 2020) se tiennent au sein de la nouvelle "
            "tribune du DFCO, à Dijon."
        ),
        source="dijon",
    ),
    # --- 002 Rouen --------------------------------------------------------------
    dict(
        slug="metropole-rouen-normandie", name="Métropole Rouen Normandie", acronym="", kind="metropole",
        seat=ROUEN_METROPOLE, website="", siren="",
        description=(
            "La Métropole veut instaurer des conditions favorables à la structuration et au développement de "
            "projets de santé, sources d'emplois et d'innovations en matière de recherche, de soins et de "
            "formation. Elle s'est dotée d'un dispositif de soutien à la création de plateformes technologiques à "
            "destination des acteurs de la santé, accompagné d'une enveloppe dédiée."
        ),
        source="rouen",
    ),
    dict(
        slug="ugecam-les-herbiers", name="Ugecam / Les Herbiers", acronym="", kind="hospital", seat=_dept("76"),
        website="", siren="",
        description=(
            "Soutenu en 2023 par le dispositif de la Métropole Rouen Normandie pour acquérir et installer un "
            "laboratoire d'analyse de la marche et du mouvement de type GRAIL (Gait Real time Analysis Interactive "
            "Lab)."
        ),
        source="rouen",
    ),
    dict(
        slug="centre-henri-becquerel", name="Centre Henri Becquerel", acronym="", kind="hospital", seat=_dept("76"),
        website="", siren="",
        description=(
            "Soutenu par le dispositif de plateformes technologiques de la Métropole Rouen Normandie en 2023 "
            "(renforcement de la Plateforme Fédérative de Bio-informatique) et en 2024 (robotisation de la "
            "pharmacie à usage interne)."
        ),
        source="rouen",
    ),
    dict(
        slug="chu-rouen-normandie", name="CHU Rouen Normandie", acronym="", kind="hospital", seat=_dept("76"),
        website="", siren="",
        description=(
            "Soutenu par le dispositif de plateformes technologiques de la Métropole Rouen Normandie en 2023 "
            "(Plateforme Pathologie 100 % numérique) et en 2024 (salle interventionnelle hybride "
            "cœur-thorax-vaisseaux)."
        ),
        source="rouen",
    ),
    dict(
        slug="centre-hospitalier-du-rouvray", name="Centre Hospitalier du Rouvray", acronym="", kind="hospital",
        seat=_dept("76"), website="", siren="",
        description=(
            "Soutenu en 2024 par le dispositif de la Métropole Rouen Normandie pour améliorer la prise en charge "
            "des patients souffrant de schizophrénie ou présentant des résistances médicamenteuses "
            "(électroconvulsivothérapie et stimulation magnétique transcrânienne répétitive)."
        ),
        source="rouen",
    ),
    # --- 003 Auvergne-Rhône-Alpes ------------------------------------------------
    dict(
        slug="region-auvergne-rhone-alpes", name="Région Auvergne-Rhône-Alpes", acronym="", kind="region",
        seat=_region("84"), website="", siren="",
        description=(
            "Co-organisatrice des Assises régionales de la santé 2023. Grâce à son plan de relocalisation, la "
            "Région a identifié et accompagné plus de 36 projets régionaux de relocalisation industrielle en "
            "matière de santé, qui doivent créer plus de 1 000 emplois ; elle finance aussi des solutions d'accès "
            "aux soins (maisons de santé en zone rurale, recrutement de médecins salariés, e-santé, consultations "
            "mobiles en bus aménagés, campagnes de prévention). Stéphanie Pernod est 1ère vice-présidente déléguée "
            "à l'économie, la relocalisation et la préférence régionale."
        ),
        source="aura",
    ),
    dict(
        slug="auvergne-rhone-alpes-entreprises", name="Auvergne-Rhône-Alpes Entreprises", acronym="",
        kind="agency", seat=_region("84"), website="", siren="",
        description=(
            "Co-organisateur, avec la Région Auvergne-Rhône-Alpes, des Assises régionales de la santé 2023 "
            "(13 et 14 septembre 2023, Hôtel de Région)."
        ),
        source="aura",
    ),
    dict(
        slug="lyonbiopole", name="Lyonbiopôle", acronym="", kind="cluster", seat=LYON_METROPOLE, website="",
        siren="",
        description="Partenaire des Assises régionales de la santé 2023 en Auvergne-Rhône-Alpes.",
        source="aura",
    ),
    dict(
        slug="i-care-lab", name="i-Care LAB", acronym="", kind="other", seat=None, website="", siren="",
        description="Partenaire des Assises régionales de la santé 2023 en Auvergne-Rhône-Alpes.",
        source="aura",
    ),
    dict(
        slug="etat", name="État", acronym="", kind="state", seat=FRANCE, website="", siren="",
        description=(
            "A annoncé en juin 2023 huit grands projets de relocalisation en matière pharmaceutique, dont quatre "
            "en Auvergne-Rhône-Alpes (Seqens, Skyepharma, Benta Lyon, Euroapi)."
        ),
        source="aura",
    ),
    dict(
        slug="seqens", name="Seqens", acronym="", kind="company", seat=_dept("38"), website="", siren="",
        description=(
            "Spécialiste des principes actifs pharmaceutiques ; construit une unité de paracétamol sur la "
            "plateforme chimique Osiris, à Roussillon (38), l'un des grands projets de relocalisation "
            "pharmaceutique annoncés par l'État en juin 2023."
        ),
        source="aura",
    ),
    dict(
        slug="skyepharma", name="Skyepharma", acronym="", kind="company", seat=_dept("38"), website="", siren="",
        description=(
            "Entreprise (38) spécialisée dans la fabrication, la préparation et le conditionnement de produits "
            "pharmaceutiques ; porteuse de l'un des grands projets de relocalisation pharmaceutique annoncés par "
            "l'État en juin 2023."
        ),
        source="aura",
    ),
    dict(
        slug="benta-lyon", name="Benta Lyon", acronym="", kind="company", seat=_dept("69"), website="", siren="",
        description=(
            "Sous-traitant pharmaceutique installé à Saint-Genis-Laval (69), qui produira six nouveaux médicaments "
            "sous forme de comprimés solides ; l'un des grands projets de relocalisation pharmaceutique annoncés "
            "par l'État en juin 2023."
        ),
        source="aura",
    ),
    dict(
        slug="euroapi", name="Euroapi", acronym="", kind="company", seat=_dept("63"), website="", siren="",
        description=(
            "Présenté comme leader mondial des principes actifs pharmaceutiques ; augmentera les capacités de "
            "production de son site de Vertolaye (63), notamment pour la morphine et ses dérivés — l'un des grands "
            "projets de relocalisation pharmaceutique annoncés par l'État en juin 2023."
        ),
        source="aura",
    ),
    dict(
        slug="smartox-biotechnology", name="Smartox Biotechnology", acronym="", kind="company", seat=_dept("38"),
        website="", siren="",
        description=(
            "PME iséroise spécialisée dans la recherche et l'ingénierie des peptides (présentée dans le texte "
            "comme « SMARTOX BIOTECHNOLOGY (38) (PERL) ») ; elle a bénéficié d'une aide régionale avec le « Pack "
            "relocalisation » et a récemment investi 4 M€ pour tripler sa capacité de production et pouvoir "
            "produire des principes actifs pharmaceutiques destinés aux essais cliniques."
        ),
        source="aura",
    ),
    dict(
        slug="nemera", name="Nemera", acronym="", kind="company", seat=_dept("38"), website="", siren="",
        description=(
            "ETI à forte croissance (38), présentée comme leader mondial des systèmes d'administration de "
            "médicaments ; citée en exemple de décarbonation aux Assises régionales de la santé 2023 : l'une des "
            "premières en France à mettre en place un programme pour se positionner sur tous les critères ODD "
            "(Objectifs de Développement Durable) de l'ONU. Chiffre d'affaires de 500 millions d'euros, objectif "
            "d'un milliard d'ici 2030."
        ),
        source="aura",
    ),
    dict(
        slug="cpts-des-coteaux-du-lyonnais", name="CPTS des Coteaux du lyonnais", acronym="", kind="association",
        seat=_dept("69"), website="", siren="",
        description=(
            "Communauté professionnelle territoriale de santé présidée par le Dr Vanessa Potacsek, médecin "
            "généraliste. Citée aux Assises régionales de la santé 2023 : le choix du libéral et du collectif a "
            "permis la création de nouvelles maisons de santé et de CPTS dans le Rhône, en zone péri-urbaine et "
            "rurale."
        ),
        source="aura",
    ),
    dict(
        slug="iss-incubateur-de-sante-solidaire", name="ISS — Incubateur de santé solidaire", acronym="ISS",
        kind="other", seat=_dept("69"), website="", siren="",
        description=(
            "Structure inédite créée à Grigny (Rhône), citée aux Assises régionales de la santé 2023 comme exemple "
            "de projet local d'accès aux soins né de la collaboration entre professionnels de santé et élus locaux."
        ),
        source="aura",
    ),
    dict(
        slug="communaute-de-communes-du-pays-mornantais", name="Communauté de communes du pays mornantais",
        acronym="", kind="metropole", seat=_dept("69"), website="", siren="",
        description=(
            "Présidée par Renaud Pfeffer, maire de Mornant, qui a souligné aux Assises régionales de la santé 2023 "
            "l'importance de la collaboration entre professionnels de santé et élus locaux pour faire émerger des "
            "projets locaux comme l'ISS, et l'utilité d'un meilleur accompagnement et accueil des internes."
        ),
        source="aura",
    ),
    # --- 004 France 2030 / Santé numérique ------------------------------------------
    dict(
        slug="sgpi", name="Secrétariat général pour l'investissement", acronym="SGPI", kind="state", seat=FRANCE,
        website="", siren="",
        description=(
            "Jean-Christophe Dantonel y est directeur de programme Santé Biotechnologie ; il présente les appels à "
            "projets et appels à manifestation d'intérêt lancés dans le cadre de France 2030, guichets récurrents "
            "(concours i-Nov) ou dédiés (tiers-lieux)."
        ),
        source="sante_numerique",
    ),
    dict(
        slug="delegation-interministerielle-sante-numerique",
        name="Délégation interministérielle de la stratégie d'accélération « Santé numérique »", acronym="",
        kind="state", seat=FRANCE, website="", siren="",
        description=(
            "Équipe interministérielle coordonnée par David Sainati, coordinateur interministériel à la stratégie "
            "d'accélération « Santé numérique » ; elle a mené le tour de France 2022 de la stratégie."
        ),
        source="sante_numerique",
    ),
    dict(
        slug="dgos", name="Ministère de la Santé et de la Prévention — Direction générale de l'offre de soins",
        acronym="DGOS", kind="state", seat=FRANCE, website="", siren="",
        description=(
            "Louise Pihouée y est chargée de mission Télésanté. La DGOS a participé aux étapes de Bordeaux, Lille "
            "et La Réunion du tour de France 2022 de la stratégie « Santé numérique » et animé à Lille deux tables "
            "rondes sur la télésanté et la télésurveillance ; un appel à projets a été lancé sur l'accessibilité à "
            "tous des solutions numériques."
        ),
        source="sante_numerique",
    ),
    dict(
        slug="dge",
        name="Ministère de l'Économie, des Finances et de la Souveraineté industrielle et numérique — Direction "
             "générale des entreprises",
        acronym="DGE", kind="state", seat=FRANCE, website="", siren="",
        description=(
            "Louis Culot y est chargé de mission projets « Santé numérique » ; la DGE mène des actions de la "
            "stratégie à destination des entreprises de la santé numérique."
        ),
        source="sante_numerique",
    ),
    dict(
        slug="dgesip",
        name="Ministère de l'Enseignement supérieur et de la Recherche — Direction générale de l'enseignement "
             "supérieur et de l'insertion professionnelle",
        acronym="DGESIP", kind="state", seat=FRANCE, website="", siren="",
        description=(
            "François Couraud y est conseiller scientifique ; il rend compte de l'étape du 1er février 2022 à "
            "PariSanté Campus et de l'AMI « Compétences et métiers d'avenir »."
        ),
        source="sante_numerique",
    ),
    dict(
        slug="ars-paca", name="ARS Provence-Alpes-Côte d'Azur", acronym="ARS PACA", kind="agency",
        seat=_region("93"), website="", siren="",
        description=(
            "Géraldine Cornet Gicquel en est directrice des services numériques. L'étape PACA du tour de France "
            "2022 de la stratégie « Santé numérique » a permis à l'ARS de réunir les acteurs de l'innovation de la "
            "région et de développer, avec la DREETS et la DRARI, son soutien à l'innovation."
        ),
        source="sante_numerique",
    ),
    dict(
        slug="dreets-paca", name="DREETS Provence-Alpes-Côte d'Azur", acronym="DREETS PACA", kind="state",
        seat=_region("93"), website="", siren="",
        description="Citée par l'ARS PACA comme partenaire du soutien à l'innovation en santé numérique dans la région.",
        source="sante_numerique",
    ),
    dict(
        slug="drari-paca", name="DRARI Provence-Alpes-Côte d'Azur", acronym="DRARI PACA", kind="state",
        seat=_region("93"), website="", siren="",
        description="Citée par l'ARS PACA comme partenaire du soutien à l'innovation en santé numérique dans la région.",
        source="sante_numerique",
    ),
    dict(
        slug="drari-auvergne-rhone-alpes", name="DRARI Auvergne-Rhône-Alpes", acronym="DRARI", kind="state",
        seat=_region("84"), website="", siren="",
        description=(
            "Astrid Astier y est chargée de mission. Témoigne de l'étape grenobloise du tour de France 2022 "
            "(16 mars) ; des rencontres régulières sont prévues pour renforcer les synergies des acteurs du "
            "numérique en santé du bassin grenoblois."
        ),
        source="sante_numerique",
    ),
    dict(
        slug="dreets-nouvelle-aquitaine", name="DREETS Nouvelle-Aquitaine", acronym="DREETS", kind="state",
        seat=_region("75"), website="", siren="",
        description=(
            "Marina Galicki y est chargée de mission Innovation et filières chimie-pharma-santé ; avec l'appui du "
            "SEER, la DREETS a organisé les rencontres de l'étape bordelaise du tour de France 2022 (24 mars 2022)."
        ),
        source="sante_numerique",
    ),
    dict(
        slug="seer-nouvelle-aquitaine", name="Service économique de l'État en région (Nouvelle-Aquitaine)",
        acronym="SEER", kind="state", seat=_region("75"), website="", siren="",
        description=(
            "A appuyé l'organisation de l'étape bordelaise du tour de France 2022 de la stratégie « Santé "
            "numérique ». Le SEER veille à ce que les écosystèmes territoriaux répondent aux besoins des "
            "entreprises, source les projets structurants pour les filières stratégiques comme la santé numérique "
            "et conseille les porteurs de projets d'investissements."
        ),
        source="sante_numerique",
    ),
    dict(
        slug="grades-tesis", name="GRADeS TESIS", acronym="", kind="agency", seat=_dept("974"), website="",
        siren="",
        description=(
            "GRADeS de l'Océan Indien, dirigé par Antoine Lerat, visité lors de l'étape de La Réunion du tour de "
            "France 2022 (7–9 juin) ; il entend accélérer l'émergence de projets e-santé innovants à La Réunion."
        ),
        source="sante_numerique",
    ),
    dict(
        slug="technopole-de-la-reunion", name="Technopole de La Réunion", acronym="", kind="cluster",
        seat=_dept("974"), website="", siren="",
        description=(
            "« La Technopole » dont la délégation interministérielle a visité les locaux lors de l'étape de "
            "La Réunion du tour de France 2022 (7–9 juin)."
        ),
        source="sante_numerique",
    ),
    dict(
        slug="allis-na", name="ALLIS-NA", acronym="ALLIS-NA", kind="cluster", seat=_region("75"), website="",
        siren="",
        description="Cluster régional de Nouvelle-Aquitaine cité parmi les soutiens de l'écosystème de la tech en santé.",
        source="sante_numerique",
    ),
    dict(
        slug="french-tech-bordeaux", name="French Tech Bordeaux", acronym="", kind="cluster", seat=_dept("33"),
        website="", siren="",
        description=(
            "Citée parmi les soutiens de l'écosystème de la tech en santé en Nouvelle-Aquitaine ; l'étape "
            "bordelaise du tour de France 2022 s'est tenue à la Cité Numérique, dans les locaux de la French Tech."
        ),
        source="sante_numerique",
    ),
    dict(
        slug="simforhealth", name="SimforHealth", acronym="", kind="company", seat=_dept("33"), website="",
        siren="",
        description=(
            "Entreprise qui a accueilli dans ses locaux, lors de l'étape bordelaise du tour de France 2022 "
            "(24 mars), un mini-salon d'entreprises de la e-santé : l'espace d'exposition de 8 startups Healthtech "
            "de Nouvelle-Aquitaine."
        ),
        source="sante_numerique",
    ),
    dict(
        slug="cea", name="CEA", acronym="CEA", kind="research", seat=FRANCE, website="", siren="",
        description="Visité lors de l'étape Paris-Saclay du tour de France 2022 de la stratégie « Santé numérique ».",
        source="sante_numerique",
    ),
    dict(
        slug="satt-paris-saclay", name="SATT Paris-Saclay", acronym="", kind="company", seat=_dept("91"),
        website="", siren="",
        description=(
            "Lieu d'échanges avec des porteurs de projets de recherche et des start-up lors de l'étape Paris-Saclay "
            "du tour de France 2022 de la stratégie « Santé numérique »."
        ),
        source="sante_numerique",
    ),
    dict(
        slug="parisante-campus", name="PariSanté Campus", acronym="", kind="other", seat=_dept("75"), website="",
        siren="",
        description=(
            "Lieu de la 1ère étape du tour de France 2022 de la stratégie « Santé numérique » (1er février 2022), "
            "une journée consacrée à la formation, aux compétences et aux métiers d'avenir."
        ),
        source="sante_numerique",
    ),
    dict(
        slug="centre-inria-universite-cote-d-azur", name="Centre Inria d'Université Côte d'Azur", acronym="",
        kind="research", seat=_dept("06"), website="", siren="",
        description=(
            "Cadre d'un temps d'échange avec les acteurs azuréens de la recherche, de l'innovation et des startups "
            "lors de l'étape Marseille – Sophia Antipolis du tour de France 2022 (7–8 avril)."
        ),
        source="sante_numerique",
    ),
    dict(
        slug="eurasante", name="Eurasanté", acronym="", kind="cluster", seat=_dept("59"), website="", siren="",
        description=(
            "Bio-incubateur de Lille, site de référence de la santé et de l'innovation ; il a accueilli l'étape "
            "lilloise du tour de France 2022 (10 mai)."
        ),
        source="sante_numerique",
    ),
    dict(
        slug="ehesp", name="EHESP", acronym="EHESP", kind="university", seat=_dept("35"), website="", siren="",
        description=(
            "Site incontournable de la formation des professionnels de soins ; deux tables rondes sur les données "
            "de santé s'y sont tenues lors de l'étape rennaise du tour de France 2022 (15 juin)."
        ),
        source="sante_numerique",
    ),
    dict(
        slug="chu-de-rennes", name="CHU de Rennes", acronym="", kind="hospital", seat=_dept("35"), website="",
        siren="",
        description=(
            "Lors de l'étape rennaise du tour de France 2022 (15 juin), ses équipes de soins et de recherche et des "
            "entreprises locales y ont présenté leurs dispositifs numériques et innovations."
        ),
        source="sante_numerique",
    ),
    dict(
        slug="universite-de-nimes", name="Université de Nîmes", acronym="", kind="university", seat=_dept("30"),
        website="", siren="",
        description="Visitée lors de l'étape Nîmes – Montpellier du tour de France 2022 (24–25 février).",
        source="sante_numerique",
    ),
    dict(
        slug="universite-de-montpellier", name="Université de Montpellier", acronym="", kind="university",
        seat=_dept("34"), website="", siren="",
        description="Visitée lors de l'étape Nîmes – Montpellier du tour de France 2022 (24–25 février).",
        source="sante_numerique",
    ),
]

# ---------------------------------------------------------------------------
# Programmes
# ---------------------------------------------------------------------------
SANTE_NUMERIQUE_REGIONS = [_region(code) for code in ("11", "76", "84", "75", "93", "32", "04", "53", "44")]

PROGRAMMES = [
    # --- 000 Rennes -----------------------------------------------------------
    dict(
        slug="feuille-de-route-sante-rennes-metropole",
        title="Feuille de route santé de Rennes Métropole",
        kind="strategy",
        summary=(
            "Feuille de route à long terme élaborée par Rennes Métropole avec les acteurs de la santé du territoire "
            "pour booster sa filière santé, autour du traitement sécurisé des données de santé et d'environnement."
        ),
        description=(
            "Rennes Métropole a réuni les acteurs du secteur (entreprises, laboratoires de recherche, "
            "établissements de soin, acteurs du numérique et de la cybersécurité), dont Biotech Santé Bretagne, "
            "pour établir une feuille de route de développement de sa filière santé (article publié le "
            "19/12/2022). Le territoire compte une centaine d'entreprises de santé, en majorité en e-santé et en "
            "technologies médicales.\n\n"
            "L'accent est mis sur le traitement sécurisé des données de santé, mais aussi d'environnement, pour "
            "développer des solutions innovantes et répondre aux enjeux de santé publique. Cette communauté "
            "participe à la construction d'un « système apprenant » en santé, qui met à profit la participation "
            "citoyenne et la valorisation des données pour soutenir la recherche et l'amélioration des soins, avec "
            "des expertises sur les volets nutrition, sport et environnement.\n\n"
            "Les mois suivants doivent consolider un plan d'action visant à renforcer la capacité des entreprises "
            "et des acteurs du soin et de la recherche à inventer les outils de demain."
        ),
        themes=["e-sante", "donnees-ia", "medtech", "prevention", "innovation"],
        audiences=["startups-pme", "laboratoires", "etablissements-sante"],
        territories=[RENNES_METROPOLE],
        roles=[("rennes-metropole", "runs"), ("biotech-sante-bretagne", "partner")],
        opens_on=None, deadline=None, recurrence="one_off",
        total_budget=None, amount_min=None, amount_max=None,
        website="",
        contact_name="Céline Quéron, chargée de la filière Santé, Rennes Métropole",
        contact_email="c.queron@rennesmetropole.fr",
        source="rennes",
    ),
    # --- 001 Dijon --------------------------------------------------------------
    dict(
        slug="technopole-sante-dijon",
        title="Technopôle santé de Dijon",
        kind="technopole",
        summary=(
            "Tiers-lieu fédérant la filière santé dijonnaise (formations, plateformes technologiques, animation, "
            "incubateur de projets et de start-ups), fondé par une convention signée le 26 septembre 2019."
        ),
        description=(
            "Le jeudi 26 septembre 2019, Dijon Métropole, le CHU Dijon Bourgogne, le Centre Georges-François "
            "Leclerc, l'Université de Bourgogne et le Pôle BFCare ont signé la convention fondatrice du Technopôle "
            "santé. « L'idée est d'incarner et de fédérer les acteurs de la filière santé autour du projet de "
            "Technopôle santé comme un tiers lieu qui regroupe des nouvelles formations de santé, des plateformes "
            "technologiques, un espace d'animation de la filière et incubateur de projets d'innovation et de "
            "start-ups » (François Rebsamen, président de Dijon Métropole). Objectif : développer et promouvoir la "
            "filière santé pour renforcer sa visibilité et son attractivité.\n\n"
            "La convention définit les domaines de coopération entre les signataires, autour de quatre axes :\n"
            "- infrastructure pour accueillir les porteurs de projets et décloisonner la filière ;\n"
            "- interface et accompagnement des porteurs de projets ;\n"
            "- animation de l'écosystème santé ;\n"
            "- promotion de l'écosystème santé.\n\n"
            "La zone du campus universitaire rassemble les composantes d'un technopôle (CHRU, CGFL, facultés de "
            "médecine et de pharmacie, laboratoires académiques). La filière santé de la métropole, premier pôle "
            "industriel régional, compte plus de 4 000 emplois directs et une centaine d'entreprises (1,2 milliard "
            "d'euros de chiffre d'affaires consolidé). Une des premières initiatives : le Health & Digital Meeting "
            "(mars 2020)."
        ),
        themes=["innovation", "formation-competences"],
        audiences=["startups-pme", "etablissements-sante", "universites", "laboratoires"],
        territories=[DIJON_METROPOLE],
        roles=[
            ("dijon-metropole", "runs"),
            ("chu-dijon-bourgogne", "partner"),
            ("centre-georges-francois-leclerc", "partner"),
            ("universite-de-bourgogne", "partner"),
            ("pole-bfcare", "partner"),
        ],
        opens_on=date(2019, 9, 26), deadline=None, recurrence="permanent",
        total_budget=None, amount_min=None, amount_max=None,
        website="", contact_name="", contact_email="",
        source="dijon",
    ),
    dict(
        slug="health-digital-meeting-dijon-2020",
        title="Health & Digital Meeting — 1er hackathon de santé de Dijon",
        kind="event",
        summary=(
            "Deux jours de salon puis trois jours de hackathon à Dijon, du 25 au 29 mars 2020, sur le lien "
            "ville/hôpital ; l'une des premières initiatives du Technopôle santé."
        ),
        description=(
            "Événement porté par CPage, entreprise spécialisée dans les produits et services numériques pour les "
            "établissements de santé, avec pour co-organisateurs Dijon Métropole, BFCare, Sanofi, le CHU Dijon "
            "Bourgogne, le Centre Georges-François Leclerc et l'UFR Sciences de santé de l'Université de "
            "Bourgogne. Il se tient dans la cité des Ducs du 25 au 29 mars 2020.\n\n"
            "Au programme : deux jours de salon (conférences, tables rondes, ateliers, démonstrations) dans la "
            "nouvelle tribune du DFCO, puis trois jours de hackathon sur le campus universitaire. Des équipes "
            "pluridisciplinaires (étudiants en médecine et en informatique, soignants, professionnels du marketing "
            "et du commercial…) relèvent une demi-douzaine de « défis » axés sur le lien ville/hôpital. Les "
            "solutions sont présentées le dernier jour à un jury qui remet des trophées ; les meilleures idées "
            "doivent être concrètement mises en œuvre."
        ),
        themes=["e-sante", "innovation"],
        audiences=["etudiants", "professionnels-sante"],
        territories=[DIJON_METROPOLE],
        roles=[
            ("cpage", "runs"),
            ("dijon-metropole", "partner"),
            ("pole-bfcare", "partner"),
            ("sanofi", "partner"),
            ("chu-dijon-bourgogne", "partner"),
            ("centre-georges-francois-leclerc", "partner"),
            ("universite-de-bourgogne", "partner"),
        ],
        opens_on=date(2020, 3, 25), deadline=date(2020, 3, 29), recurrence="one_off",
        total_budget=None, amount_min=None, amount_max=None,
        website="", contact_name="", contact_email="",
        source="dijon",
    ),
    # --- 002 Rouen --------------------------------------------------------------
    dict(
        slug="plateformes-technologiques-sante-rouen",
        title="Dispositif de soutien à la création de plateformes technologiques (santé)",
        kind="equipment",
        summary=(
            "Dispositif de la Métropole Rouen Normandie, doté d'une enveloppe dédiée, pour équiper le territoire "
            "d'équipements innovants au sein de plateformes technologiques de santé (soin, recherche médicale, "
            "formation)."
        ),
        description=(
            "La Métropole se dote d'un dispositif de soutien à la création de plateformes technologiques à "
            "destination des acteurs de la santé, accompagné d'une enveloppe dédiée (montant non communiqué). Il "
            "vise à doter le territoire métropolitain d'équipements innovants, différenciants à l'échelle "
            "nationale et européenne, pour constituer, consolider ou renforcer l'excellence en matière de soin, de "
            "recherche médicale et de formation, renforcer l'attractivité du territoire et les partenariats entre "
            "ses acteurs au bénéfice de la santé des habitants.\n\n"
            "Sont accompagnés prioritairement les projets permettant à la structure demandeuse :\n"
            "- d'atteindre ou de renforcer l'excellence en matière de soins, recherche et formation ;\n"
            "- de développer une nouvelle offre de soins, de recherche, de formation ;\n"
            "- d'améliorer ou d'accélérer la prise en charge des patients ;\n"
            "- de mettre en place des actions de dépistage et/ou de prévention ;\n"
            "- de développer des partenariats avec l'écosystème santé du territoire au bénéfice de la santé des "
            "habitants, tout au long de leur vie ;\n"
            "- de contribuer à la visibilité nationale du territoire métropolitain, notamment en termes "
            "d'expérimentations ;\n"
            "- de s'inscrire dans les plans nationaux comme France 2030 ou le Numérique en Santé.\n\n"
            "Six projets soutenus en 2023 et 2024 (voir les projets financés)."
        ),
        themes=["innovation", "recherche-clinique", "formation-competences", "prevention"],
        audiences=["etablissements-sante", "laboratoires", "universites"],
        territories=[ROUEN_METROPOLE],
        roles=[("metropole-rouen-normandie", "runs"), ("metropole-rouen-normandie", "funds")],
        opens_on=None, deadline=None, recurrence="recurring",
        total_budget=None, amount_min=None, amount_max=None,
        website="", contact_name="", contact_email="",
        source="rouen",
    ),
    # --- 003 Auvergne-Rhône-Alpes ------------------------------------------------
    dict(
        slug="assises-regionales-sante-2023-auvergne-rhone-alpes",
        title="Assises régionales de la santé 2023 : Proximité, souveraineté, innovation",
        kind="event",
        summary=(
            "Rencontre régionale des 13 et 14 septembre 2023 à l'Hôtel de Région (plus de 600 acteurs de la "
            "santé), autour de la souveraineté, de la proximité des soins, de l'innovation, des compétences et de "
            "la décarbonation."
        ),
        description=(
            "Auvergne-Rhône-Alpes Entreprises et la Région Auvergne-Rhône-Alpes ont organisé, en partenariat avec "
            "Lyonbiopôle et i-Care LAB, l'édition 2023 des Assises régionales de la santé, les 13 et 14 septembre "
            "2023 à l'Hôtel de Région. Plus de 600 acteurs y ont participé : industriels de la santé, "
            "professionnels et praticiens, laboratoires et chercheurs, startups et ETI, élus et représentants du "
            "secteur public.\n\n"
            "Cinq thèmes :\n"
            "- Souveraineté & relocalisation : production régionale, relocalisation industrielle (plan de "
            "relocalisation de la Région : plus de 36 projets accompagnés ; quatre des huit grands projets "
            "pharmaceutiques annoncés par l'État en juin 2023 sont dans la région) ;\n"
            "- Proximité : accès aux soins pour tous, notamment en zone rurale (maisons de santé, médecins "
            "salariés, e-santé, consultations mobiles en bus aménagés, campagnes de prévention financés par la "
            "Région ; témoignages de la CPTS des Coteaux du lyonnais et de la communauté de communes du pays "
            "mornantais) ;\n"
            "- Innovation (exemple : Smartox Biotechnology, aidée par le « Pack relocalisation ») ;\n"
            "- RH – formation : la région représente 22,7 % des effectifs nationaux de l'industrie de la santé, "
            "30 000 étudiants en santé, 790 formations de santé, 4 CHU ;\n"
            "- Décarbonation : performance énergétique des industries, éco-conception des dispositifs médicaux, "
            "nouveaux biomatériaux (exemple : Nemera)."
        ),
        themes=["production-relocalisation", "acces-aux-soins", "innovation", "formation-competences", "decarbonation"],
        audiences=["startups-pme", "eti", "laboratoires", "professionnels-sante", "collectivites"],
        territories=[_region("84")],
        roles=[
            ("auvergne-rhone-alpes-entreprises", "runs"),
            ("region-auvergne-rhone-alpes", "runs"),
            ("lyonbiopole", "partner"),
            ("i-care-lab", "partner"),
        ],
        opens_on=date(2023, 9, 13), deadline=date(2023, 9, 14), recurrence="one_off",
        total_budget=None, amount_min=None, amount_max=None,
        website="https://www.assisesregionales-sante.fr", contact_name="", contact_email="",
        source="aura",
    ),
    dict(
        slug="plan-relocalisation-auvergne-rhone-alpes",
        title="Plan de relocalisation de la Région Auvergne-Rhône-Alpes (santé)",
        kind="strategy",
        summary=(
            "Plan régional qui a identifié et accompagné plus de 36 projets de relocalisation industrielle en "
            "matière de santé, devant créer plus de 1 000 emplois."
        ),
        description=(
            "Grâce à son plan de relocalisation, la Région Auvergne-Rhône-Alpes a déjà identifié et accompagné plus "
            "de 36 projets régionaux de relocalisation industrielle en matière de santé, qui vont permettre de "
            "créer plus de 1 000 emplois (bilan présenté aux Assises régionales de la santé, septembre 2023). "
            "Objectifs mis en avant : garantir la souveraineté en matière de production et d'approvisionnement de "
            "matériels et de médicaments, lutter contre la pénurie de médicaments."
        ),
        themes=["production-relocalisation"],
        audiences=["startups-pme", "eti"],
        territories=[_region("84")],
        roles=[("region-auvergne-rhone-alpes", "runs")],
        opens_on=None, deadline=None, recurrence="one_off",
        total_budget=None, amount_min=None, amount_max=None,
        website="", contact_name="", contact_email="",
        source="aura",
    ),
    dict(
        slug="pack-relocalisation-auvergne-rhone-alpes",
        title="Pack relocalisation (Région Auvergne-Rhône-Alpes)",
        kind="grant",
        summary="Aide régionale de la Région Auvergne-Rhône-Alpes, dont a bénéficié la PME iséroise Smartox Biotechnology.",
        description=(
            "Aide régionale « Pack relocalisation » de la Région Auvergne-Rhône-Alpes, citée aux Assises régionales "
            "de la santé 2023 avec l'exemple de Smartox Biotechnology (38), PME spécialisée dans la recherche et "
            "l'ingénierie des peptides. Le texte ne précise ni les conditions ni les montants de l'aide."
        ),
        themes=["production-relocalisation"],
        audiences=["startups-pme"],
        territories=[_region("84")],
        roles=[("region-auvergne-rhone-alpes", "runs"), ("region-auvergne-rhone-alpes", "funds")],
        opens_on=None, deadline=None, recurrence="one_off",
        total_budget=None, amount_min=None, amount_max=None,
        website="", contact_name="", contact_email="",
        source="aura",
    ),
    dict(
        slug="grands-projets-relocalisation-pharmaceutique-etat-2023",
        title="Grands projets de relocalisation pharmaceutique annoncés par l'État (juin 2023)",
        kind="strategy",
        summary=(
            "Huit grands projets de relocalisation en matière pharmaceutique annoncés par l'État en juin 2023, "
            "dont quatre en Auvergne-Rhône-Alpes."
        ),
        description=(
            "Sur les huit grands projets de relocalisation en matière pharmaceutique annoncés par l'État en juin "
            "2023 (« juin dernier » dans un article du 20/09/2023), quatre se trouvent en Auvergne-Rhône-Alpes : "
            "Seqens (38), Skyepharma (38), Benta Lyon (69) et Euroapi (63). Les quatre autres ne sont pas nommés "
            "dans le texte source."
        ),
        themes=["production-relocalisation"],
        audiences=[],
        territories=[FRANCE],
        roles=[("etat", "runs")],
        opens_on=None, deadline=None, recurrence="one_off",
        total_budget=None, amount_min=None, amount_max=None,
        website="", contact_name="", contact_email="",
        source="aura",
    ),
    # --- 004 France 2030 / Santé numérique ------------------------------------------
    dict(
        slug="france-2030",
        title="France 2030",
        kind="strategy",
        summary=(
            "Plan national dans le cadre duquel sont lancés de nombreux appels à projets et appels à manifestation "
            "d'intérêt, dont la stratégie d'accélération « Santé numérique »."
        ),
        description=(
            "Plan national dans le cadre duquel s'inscrit la stratégie d'accélération « Santé numérique » "
            "(670 M€). De nombreux appels à projets et appels à manifestation d'intérêt y ont été lancés, qu'il "
            "s'agisse de guichets récurrents comme le concours i-Nov ou d'appels dédiés comme celui des tiers-lieux "
            "(Jean-Christophe Dantonel, directeur de programme Santé Biotechnologie au SGPI)."
        ),
        themes=["innovation"],
        audiences=[],
        territories=[FRANCE],
        roles=[("sgpi", "runs")],
        opens_on=None, deadline=None, recurrence="one_off",
        total_budget=None, amount_min=None, amount_max=None,
        website="", contact_name="", contact_email="",
        source="sante_numerique",
    ),
    dict(
        slug="strategie-acceleration-sante-numerique",
        title="Stratégie d'accélération « Santé numérique » (France 2030)",
        kind="strategy",
        summary=(
            "Stratégie nationale de France 2030 dotée de 670 M€, lancée le 18 octobre 2021, qui compte 35 actions "
            "pour le numérique en santé."
        ),
        description=(
            "La stratégie d'accélération « Santé numérique » (SASN), dotée de 670 M€ dans le cadre du plan France "
            "2030, a été lancée officiellement le 18 octobre 2021. Ses 35 actions visent notamment à améliorer "
            "l'espérance de vie en bonne santé des citoyens et à rendre l'accès aux soins et à la prévention plus "
            "équitable. Elle est coordonnée par David Sainati, coordinateur interministériel.\n\n"
            "De nombreux appels à projets et appels à manifestation d'intérêt ont été ouverts, et des lauréats "
            "annoncés. Réponses aux besoins remontés lors du tour de France 2022 :\n"
            "- expertises requises en e-santé : AMI « Compétences et métiers d'avenir », avec un volet santé "
            "numérique ;\n"
            "- freins à l'accès au marché : augmentation et promotion de profils spécialisés, guichet de diagnostic "
            "réglementaire, accompagnement des entreprises dans leurs démarches réglementaires d'accès au marché ;\n"
            "- difficultés à disposer de données structurées, accessibles à un coût proportionné : appel à projets "
            "entrepôts de données de santé hospitaliers, valorisation de l'utilisation des données dans le cadre "
            "de data challenges."
        ),
        themes=["e-sante", "telesante", "donnees-ia", "formation-competences", "acces-aux-soins", "prevention",
                "innovation"],
        audiences=["startups-pme", "laboratoires", "etablissements-sante", "universites", "professionnels-sante"],
        territories=[FRANCE],
        roles=[
            ("delegation-interministerielle-sante-numerique", "runs"),
            ("sgpi", "partner"),
            ("dgos", "partner"),
            ("dge", "partner"),
            ("dgesip", "partner"),
        ],
        opens_on=date(2021, 10, 18), deadline=None, recurrence="one_off",
        total_budget=Decimal("670000000"), amount_min=None, amount_max=None,
        website="", contact_name="", contact_email="",
        source="sante_numerique",
    ),
    dict(
        slug="ami-competences-metiers-avenir-sante-numerique",
        title="AMI « Compétences et métiers d'avenir » — volet santé numérique",
        kind="ami",
        summary=(
            "Appel à manifestation d'intérêt avec un volet santé numérique, pour répondre aux besoins d'expertises "
            "en e-santé ; 9 consortiums ont répondu dès la 1ère levée (28 février 2022)."
        ),
        description=(
            "Lancé peu avant la 1ère étape du tour de France de la stratégie « Santé numérique » (1er février 2022 "
            "à PariSanté Campus, journée consacrée à la formation des compétences et aux métiers d'avenir), l'AMI "
            "a bénéficié d'une publicité auprès de nombreuses universités et instituts formant les professionnels "
            "de soins médicaux et paramédicaux. 9 consortiums ont répondu dès la 1ère levée, en date du 28 février "
            "2022.\n\n"
            "Son volet santé numérique comprend des actions ciblant spécifiquement les juristes, ingénieurs, "
            "directeurs d'établissement et experts en réglementation des dispositifs médicaux."
        ),
        themes=["formation-competences", "e-sante"],
        audiences=["universites"],
        territories=[FRANCE],
        roles=[("dgesip", "partner")],
        opens_on=None, deadline=None, recurrence="recurring",
        total_budget=None, amount_min=None, amount_max=None,
        website="", contact_name="", contact_email="",
        source="sante_numerique",
    ),
    dict(
        slug="aap-tiers-lieux-sante-numerique",
        title="Appel à projets « Tiers-lieux » (stratégie « Santé numérique »)",
        kind="funding_call",
        summary=(
            "Appel à projets dédié aux tiers-lieux, lancé en février 2022 lors de l'étape Nîmes – Montpellier du "
            "tour de France de la stratégie « Santé numérique »."
        ),
        description=(
            "Appel à projets dédié de France 2030 sur les tiers-lieux, lancé concomitamment à l'étape des 24 et "
            "25 février 2022 à Nîmes et Montpellier, où deux tables rondes se sont tenues sur ce thème. Cité par le "
            "SGPI comme exemple d'appel dédié, par opposition aux guichets récurrents."
        ),
        themes=["e-sante", "innovation"],
        audiences=[],
        territories=[FRANCE],
        roles=[("sgpi", "partner")],
        opens_on=None, deadline=None, recurrence="one_off",
        total_budget=None, amount_min=None, amount_max=None,
        website="", contact_name="", contact_email="",
        source="sante_numerique",
    ),
    dict(
        slug="aap-entrepots-donnees-sante-hospitaliers",
        title="Appel à projets « Entrepôts de données de santé hospitaliers »",
        kind="funding_call",
        summary=(
            "Appel à projets annoncé en juin 2022 pour répondre aux difficultés à disposer de données de santé "
            "structurées, accessibles à un coût proportionné."
        ),
        description=(
            "Son lancement prochain a été l'occasion de deux tables rondes à l'EHESP, lors de l'étape rennaise du "
            "tour de France de la stratégie « Santé numérique » (15 juin 2022), sur la production de données de "
            "santé de qualité et en nombre et sur leur exploitation. Il répond aux difficultés, remontées par les "
            "porteurs de projets, à disposer de données structurées, accessibles à un coût proportionné."
        ),
        themes=["donnees-ia", "e-sante"],
        audiences=["etablissements-sante"],
        territories=[FRANCE],
        roles=[],
        opens_on=None, deadline=None, recurrence="one_off",
        total_budget=None, amount_min=None, amount_max=None,
        website="", contact_name="", contact_email="",
        source="sante_numerique",
    ),
    dict(
        slug="concours-i-nov",
        title="Concours i-Nov",
        kind="competition",
        summary="Guichet récurrent de France 2030, présenté lors du tour de France 2022 de la stratégie « Santé numérique ».",
        description=(
            "Cité par Jean-Christophe Dantonel (SGPI) comme exemple de guichet récurrent parmi les appels lancés "
            "dans le cadre de France 2030 et présentés aux porteurs de projets lors du tour de France 2022 de la "
            "stratégie d'accélération « Santé numérique »."
        ),
        themes=["innovation", "e-sante"],
        audiences=[],
        territories=[FRANCE],
        roles=[("sgpi", "partner")],
        opens_on=None, deadline=None, recurrence="recurring",
        total_budget=None, amount_min=None, amount_max=None,
        website="", contact_name="", contact_email="",
        source="sante_numerique",
    ),
    dict(
        slug="ami-sante-numerique",
        title="AMI santé numérique",
        kind="ami",
        summary=(
            "Appel à manifestation d'intérêt de France 2030 dont les lauréats, déjà annoncés en 2022, bénéficient "
            "d'une aide significative pour accélérer leur croissance."
        ),
        description=(
            "Selon Jean-Christophe Dantonel (SGPI), des lauréats de l'AMI santé numérique ont déjà été annoncés ; "
            "ils bénéficient d'une aide significative de la part des pouvoirs publics pour accélérer leur "
            "croissance et faire grandir l'innovation."
        ),
        themes=["e-sante", "innovation"],
        audiences=[],
        territories=[FRANCE],
        roles=[("sgpi", "partner")],
        opens_on=None, deadline=None, recurrence="one_off",
        total_budget=None, amount_min=None, amount_max=None,
        website="", contact_name="", contact_email="",
        source="sante_numerique",
    ),
    dict(
        slug="aap-accessibilite-solutions-numeriques-telesante",
        title="Appel à projets sur l'accessibilité à tous des solutions numériques (télésanté)",
        kind="funding_call",
        summary=(
            "Appel à projets lancé sur l'enjeu de l'accessibilité à tous des solutions numériques, priorité "
            "présentée par la DGOS en matière de télésanté."
        ),
        description=(
            "Louise Pihouée, chargée de mission Télésanté à la Direction générale de l'offre de soins, indique que "
            "le tour de France 2022 a permis de communiquer sur les priorités en télémédecine et sur « l'enjeu "
            "majeur de l'accessibilité à tous des solutions numériques sur lequel un appel à projet a été lancé »."
        ),
        themes=["telesante", "e-sante", "acces-aux-soins"],
        audiences=[],
        territories=[FRANCE],
        roles=[("dgos", "partner")],
        opens_on=None, deadline=None, recurrence="one_off",
        total_budget=None, amount_min=None, amount_max=None,
        website="", contact_name="", contact_email="",
        source="sante_numerique",
    ),
    dict(
        slug="guichet-diagnostic-reglementaire-sante-numerique",
        title="Guichet de diagnostic réglementaire (santé numérique)",
        kind="support",
        summary=(
            "Guichet mis en place dans le cadre de la stratégie « Santé numérique » pour lever les freins "
            "réglementaires à l'accès au marché."
        ),
        description=(
            "Face aux nombreux freins qui limitent l'accès au marché, la stratégie d'accélération « Santé "
            "numérique » prévoit l'augmentation et la promotion de profils spécialisés, la mise en place d'un "
            "guichet de diagnostic réglementaire et l'accompagnement des entreprises dans leurs démarches "
            "réglementaires d'accès au marché."
        ),
        themes=["reglementation-acces-marche", "e-sante"],
        audiences=[],
        territories=[FRANCE],
        roles=[],
        opens_on=None, deadline=None, recurrence="recurring",
        total_budget=None, amount_min=None, amount_max=None,
        website="", contact_name="", contact_email="",
        source="sante_numerique",
    ),
    dict(
        slug="tour-de-france-2022-sante-numerique",
        title="Tour de France 2022 de la stratégie d'accélération « Santé numérique »",
        kind="event",
        summary=(
            "Neuf étapes du 1er février au 29 juin 2022 pour rencontrer les acteurs du numérique en santé dans les "
            "territoires et faire connaître les financements : plus de 1 700 participants et 600 acteurs "
            "rencontrés."
        ),
        description=(
            "1ère édition du tour de France de la stratégie d'accélération « Santé numérique » : aller à la "
            "rencontre de celles et ceux qui font le numérique en santé sur les territoires, faire connaître les "
            "plans de financement accessibles aux porteurs de projets et comprendre leurs difficultés. Bilan : "
            "9 étapes, plus de 1 700 participants, 27 tables rondes et ateliers, 14 visites, plus de 600 acteurs "
            "de l'écosystème rencontrés.\n\n"
            "Étapes :\n"
            "- 1er et 3 février, Paris et Saclay : journée consacrée à la formation des compétences et aux métiers "
            "d'avenir à PariSanté Campus (plus de 500 auditeurs), visite du CEA, échanges à la SATT Paris-Saclay ;\n"
            "- 24 et 25 février, Nîmes et Montpellier : universités, un EHPAD et un living lab ; deux tables rondes "
            "sur les tiers-lieux ;\n"
            "- 16 mars, Grenoble : table ronde sur l'imagerie médicale ;\n"
            "- 24 mars, Bordeaux : Cité Numérique (locaux de la French Tech), mini-salon e-santé chez SimforHealth, "
            "après-midi sur le numérique en santé mentale ;\n"
            "- 7 et 8 avril, Marseille et Sophia Antipolis : échanges à Marseille, à la maison de l'intelligence "
            "artificielle (fractures et inclusion numériques) et au Centre Inria d'Université Côte d'Azur ;\n"
            "- 10 mai, Lille : bio-incubateur Eurasanté, deux tables rondes animées par la DGOS sur la télésanté "
            "et la télésurveillance ;\n"
            "- 7, 8 et 9 juin, La Réunion : visite de la Technopole, du centre de diagnostic autisme et du GRADeS ; "
            "tables rondes sur la télésanté et la formation ;\n"
            "- 15 juin, Rennes : EHESP (données de santé, appel à projets entrepôts de données de santé "
            "hospitaliers) et CHU de Rennes ;\n"
            "- 29 juin, Strasbourg : coopérations transfrontalières (trois tables rondes, six ateliers), l'un des "
            "derniers événements de la PFUE."
        ),
        themes=["e-sante", "telesante", "donnees-ia", "formation-competences", "innovation"],
        audiences=["startups-pme", "laboratoires", "etablissements-sante", "universites", "professionnels-sante"],
        territories=[FRANCE] + SANTE_NUMERIQUE_REGIONS,
        roles=[
            ("delegation-interministerielle-sante-numerique", "runs"),
            ("sgpi", "partner"),
            ("dgos", "partner"),
            ("dge", "partner"),
            ("dgesip", "partner"),
            ("ars-paca", "partner"),
            ("dreets-nouvelle-aquitaine", "partner"),
            ("seer-nouvelle-aquitaine", "partner"),
            ("simforhealth", "partner"),
            ("french-tech-bordeaux", "partner"),
            ("parisante-campus", "partner"),
            ("satt-paris-saclay", "partner"),
            ("centre-inria-universite-cote-d-azur", "partner"),
            ("eurasante", "partner"),
            ("ehesp", "partner"),
            ("chu-de-rennes", "partner"),
        ],
        opens_on=date(2022, 2, 1), deadline=date(2022, 6, 29), recurrence="one_off",
        total_budget=None, amount_min=None, amount_max=None,
        website="", contact_name="", contact_email="",
        source="sante_numerique",
    ),
]

# ---------------------------------------------------------------------------
# Funded projects
# ---------------------------------------------------------------------------
_ROUEN = "plateformes-technologiques-sante-rouen"
_RELOC_ETAT = "grands-projets-relocalisation-pharmaceutique-etat-2023"

PROJECTS = [
    # --- 002 Rouen, 2023 -----------------------------------------------------------
    dict(
        slug="rouen-2023-ugecam-les-herbiers-laboratoire-grail",
        title="Laboratoire d'analyse de la marche et du mouvement GRAIL",
        programme=_ROUEN, beneficiary="ugecam-les-herbiers", partners=[], year=2023, awarded_on=None, amount=None,
        territory=ROUEN_METROPOLE,
        description=(
            "Acquisition et installation d'un dispositif technique complexe constituant un laboratoire d'analyse "
            "de la marche et du mouvement à caractère innovant de type GRAIL (Gait Real time Analysis Interactive "
            "Lab)."
        ),
        source="rouen", website="",
    ),
    dict(
        slug="rouen-2023-centre-henri-becquerel-bio-informatique",
        title="Renforcement de la Plateforme Fédérative de Bio-informatique",
        programme=_ROUEN, beneficiary="centre-henri-becquerel", partners=[], year=2023, awarded_on=None,
        amount=None, territory=ROUEN_METROPOLE,
        description="Renforcement de la Plateforme Fédérative de Bio-informatique du Centre Henri Becquerel.",
        source="rouen", website="",
    ),
    dict(
        slug="rouen-2023-chu-rouen-pathologie-numerique",
        title="Plateforme Pathologie 100 % numérique",
        programme=_ROUEN, beneficiary="chu-rouen-normandie", partners=[], year=2023, awarded_on=None, amount=None,
        territory=ROUEN_METROPOLE,
        description="Plateforme Pathologie 100 % numérique du CHU Rouen Normandie.",
        source="rouen", website="",
    ),
    # --- 002 Rouen, 2024 -----------------------------------------------------------
    dict(
        slug="rouen-2024-ch-rouvray-ect-rtms",
        title="Électroconvulsivothérapie (ECT) et stimulation magnétique transcrânienne répétitive (rTMS)",
        programme=_ROUEN, beneficiary="centre-hospitalier-du-rouvray", partners=[], year=2024, awarded_on=None,
        amount=None, territory=ROUEN_METROPOLE,
        description=(
            "Amélioration de la prise en charge des patients souffrant de schizophrénie ou présentant des "
            "résistances médicamenteuses via des dispositifs d'électroconvulsivothérapie (ECT) et de stimulation "
            "magnétique transcrânienne répétitive (rTMS)."
        ),
        source="rouen", website="",
    ),
    dict(
        slug="rouen-2024-centre-henri-becquerel-robotisation-pui",
        title="Robotisation de la pharmacie à usage interne (PUI)",
        programme=_ROUEN, beneficiary="centre-henri-becquerel", partners=[], year=2024, awarded_on=None,
        amount=None, territory=ROUEN_METROPOLE,
        description=(
            "Modernisation de la pharmacie à usage interne (PUI) par la robotisation de la dispensation des "
            "médicaments et de la préparation des chimiothérapies."
        ),
        source="rouen", website="",
    ),
    dict(
        slug="rouen-2024-chu-rouen-salle-hybride-coeur-thorax-vaisseaux",
        title="Salle interventionnelle hybride cœur-thorax-vaisseaux",
        programme=_ROUEN, beneficiary="chu-rouen-normandie", partners=[], year=2024, awarded_on=None, amount=None,
        territory=ROUEN_METROPOLE,
        description=(
            "Création d'une salle interventionnelle hybride cœur-thorax-vaisseaux avec deux objectifs : soutenir et "
            "accroître l'activité de chirurgie cardiaque, thoracique et vasculaire, et développer de nouvelles "
            "activités comme la chirurgie pneumologique."
        ),
        source="rouen", website="",
    ),
    # --- 003 Auvergne-Rhône-Alpes ----------------------------------------------------
    dict(
        slug="smartox-biotechnology-pack-relocalisation",
        title="Smartox Biotechnology — aide régionale « Pack relocalisation »",
        programme="pack-relocalisation-auvergne-rhone-alpes", beneficiary="smartox-biotechnology", partners=[],
        year=None, awarded_on=None, amount=None, territory=_dept("38"),
        description=(
            "La PME iséroise, spécialisée dans la recherche et l'ingénierie des peptides, a bénéficié d'une aide "
            "régionale avec le « Pack relocalisation » (montant non communiqué). Elle a récemment investi 4 M€ "
            "(investissement propre de l'entreprise) pour tripler sa capacité de production et pouvoir produire "
            "des principes actifs pharmaceutiques destinés aux essais cliniques."
        ),
        source="aura", website="",
    ),
    dict(
        slug="seqens-unite-paracetamol-roussillon",
        title="Seqens — unité de paracétamol sur la plateforme chimique Osiris (Roussillon)",
        programme=_RELOC_ETAT, beneficiary="seqens", partners=[], year=2023, awarded_on=None, amount=None,
        territory=_dept("38"),
        description=(
            "Seqens, spécialiste des principes actifs pharmaceutiques, construit une unité de paracétamol sur la "
            "plateforme chimique Osiris, à Roussillon (38) ; l'un des grands projets de relocalisation "
            "pharmaceutique annoncés par l'État en juin 2023."
        ),
        source="aura", website="",
    ),
    dict(
        slug="skyepharma-projet-relocalisation",
        title="Skyepharma — projet de relocalisation pharmaceutique",
        programme=_RELOC_ETAT, beneficiary="skyepharma", partners=[], year=2023, awarded_on=None, amount=None,
        territory=_dept("38"),
        description=(
            "L'un des grands projets de relocalisation pharmaceutique annoncés par l'État en juin 2023, porté par "
            "Skyepharma (38), spécialisée dans la fabrication, la préparation et le conditionnement de produits "
            "pharmaceutiques. Le texte source ne détaille pas le projet."
        ),
        source="aura", website="",
    ),
    dict(
        slug="benta-lyon-six-medicaments-comprimes",
        title="Benta Lyon — production de six nouveaux médicaments en comprimés solides (Saint-Genis-Laval)",
        programme=_RELOC_ETAT, beneficiary="benta-lyon", partners=[], year=2023, awarded_on=None, amount=None,
        territory=_dept("69"),
        description=(
            "Benta Lyon, sous-traitant pharmaceutique installé à Saint-Genis-Laval (69), produira six nouveaux "
            "médicaments sous forme de comprimés solides ; l'un des grands projets de relocalisation "
            "pharmaceutique annoncés par l'État en juin 2023."
        ),
        source="aura", website="",
    ),
    dict(
        slug="euroapi-vertolaye-morphine",
        title="Euroapi — hausse des capacités de production du site de Vertolaye (morphine et dérivés)",
        programme=_RELOC_ETAT, beneficiary="euroapi", partners=[], year=2023, awarded_on=None, amount=None,
        territory=_dept("63"),
        description=(
            "Euroapi augmentera les capacités de production de son site de Vertolaye (63), notamment pour la "
            "morphine et ses dérivés ; l'un des grands projets de relocalisation pharmaceutique annoncés par "
            "l'État en juin 2023."
        ),
        source="aura", website="",
    ),
]
