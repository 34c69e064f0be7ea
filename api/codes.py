"""The COG form of a territory code, as the national schemas write it (`REG-53`, `DEP-35`,
`EPCI-243500139`, `COM-35238`, `COM-975`; countries and continents keep their code: `FR`, `EU`)."""
from territories.models import Territory

COG_PREFIXES = {
    Territory.Kind.REGION: "REG-",
    Territory.Kind.DEPARTMENT: "DEP-",
    Territory.Kind.EPCI: "EPCI-",
    Territory.Kind.EPT: "EPCI-",  # an EPCI without its own taxation
    Territory.Kind.COMMUNE: "COM-",
    Territory.Kind.COLLECTIVITY: "COM-",  # the COG writes the overseas collectivities so: COM-975
}


def cog_code(territory):
    return COG_PREFIXES.get(territory.kind, "") + territory.insee_code
