"""Sections other apps add to an actor's page, such as its programmes and funded projects.

`actors` sits below the apps whose entries name actors, so it cannot ask them what an actor
does: each registers a section from its `AppConfig.ready`, and the page shows them in order.
"""
_sections = []


def register_section(render):
    """`render(actor)` returns the HTML of one section of the actor's page."""
    _sections.append(render)


def activity_sections(actor):
    """The registered sections of `actor`'s page, in the order they were registered."""
    return [render(actor) for render in _sections]
