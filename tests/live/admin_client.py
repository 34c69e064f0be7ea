"""An administrator's browser, in urllib: the session and CSRF cookies, the login form, a change form
read field by field (html.parser) and posted back with some values changed."""
import http.cookiejar
import re
import urllib.parse
import urllib.request
from html.parser import HTMLParser


class FormFields(HTMLParser):
    """The values a browser would submit for the form with id `form_id`: inputs (checked boxes only),
    selected options (the first one of a single select with none selected), textareas; not the
    inlines' empty templates (`__prefix__`) nor the submit buttons."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside = form_id, False
        self.fields = []
        self.select = self.textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file", "image"):
            if attrs.get("type") not in ("checkbox", "radio") or "checked" in attrs:
                self.fields.append([name, attrs.get("value") or ("on" if attrs.get("type") == "checkbox" else "")])
        elif tag == "select":
            self.select = {"name": name, "multiple": "multiple" in attrs, "options": [], "chosen": []}
        elif tag == "option" and self.select is not None:
            value = attrs.get("value", "")
            self.select["options"].append(value)
            if "selected" in attrs:
                self.select["chosen"].append(value)
        elif tag == "textarea":
            self.textarea = [name, ""]

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select" and self.select is not None:
            select, self.select = self.select, None
            chosen = select["chosen"] or ([] if select["multiple"] else select["options"][:1])
            self.fields += [[select["name"], value] for value in chosen]
        elif tag == "textarea" and self.textarea is not None:
            name, text = self.textarea
            self.textarea = None
            self.fields.append([name, text[1:] if text.startswith("\n") else text])  # as browsers read it

    def submitted(self, **changes):
        data = [(name, value) for name, value in self.fields if name and "__prefix__" not in name]
        data = [(name, changes.get(name, value)) for name, value in data]
        return data + [("_save", "Enregistrer")]


class AdminClient:
    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def open(self, path, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        with self.opener.open(urllib.request.Request(self.base + path, data=body), timeout=60) as answer:
            return answer.status, answer.geturl(), answer.read().decode()

    @staticmethod
    def token(html):
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]

    def login(self, username, password):
        _, _, page = self.open("/admin/login/")
        status, url, _ = self.open("/admin/login/?next=/admin/", {
            "csrfmiddlewaretoken": self.token(page), "username": username, "password": password, "next": "/admin/"})
        assert url.endswith("/admin/"), f"the admin login failed: {status} {url}"

    def change(self, path, **changes):
        """GET the change form at `path`, POST it back with `changes`; the URL the admin redirected to."""
        _, _, page = self.open(path)
        form = FormFields(re.search(r'<form [^>]*id="([a-z_]+_form)"', page)[1])
        form.feed(page)
        status, url, answer = self.open(path, form.submitted(**changes))
        errors = re.findall(r'<ul class="errorlist[^"]*"[^>]*>.*?</ul>', answer, re.S)
        assert not errors and url != self.base + path, f"the admin refused the change: {status} {url} {errors}"
        return url
