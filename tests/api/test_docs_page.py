"""The documentation page: Swagger UI from the site's own static files, working under the site's
Content-Security-Policy (no inline script or style, nothing from elsewhere)."""
import re


def test_the_page_loads_only_local_assets(client, db):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "script-src 'self'" in response["Content-Security-Policy"]
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources and all(s.startswith("/") or s.startswith("data:") for s in sources), sources
    assert "<style" not in html and " style=" not in html and not re.search(r"<script(?![^>]*\bsrc=)", html)
    for asset in ("/static/vendor/swagger-ui/swagger-ui-bundle.js", "/static/vendor/swagger-ui/swagger-ui.css", "/static/api/docs.js"):
        assert asset in html
