"""The COG form of a territory code, as the national schemas write it (`REG-53`, `DEP-35`,
`EPCI-243500139`; countries and continents keep their code: `FR`, `EU`)."""
from territories.models import Territory

COG_PREFIXES = {
    Territory.Kind.REGION: "REG-",
    Territory.Kind.DEPARTMENT: "DEP-",
    Territory.Kind.EPCI: "EPCI-",
}


def cog_code(territory):
    return COG_PREFIXES.get(territory.kind, "") + territory.insee_code
