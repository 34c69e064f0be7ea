from rest_framework.negotiation import BaseContentNegotiation


class JsonOnly(BaseContentNegotiation):
    """JSON whatever the Accept header says: the API has one format, and a 406 for a browser's
    `Accept: text/html` would help nobody."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type
