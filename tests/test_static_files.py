"""Production static files: `collectstatic` with the production storage (hashed names, a
manifest) must succeed, or every page answers 500 with DEBUG off (no manifest entry for
site.css). It aborts on any file that names a missing one, such as a vendored file's
`sourceMappingURL` to a map that is not shipped."""
import json
import os
import secrets
import subprocess
import sys

from health_registry.settings import BASE_DIR

# Run as a server would (DEBUG off, so the production storage), into a STATIC_ROOT of the test's own.
COLLECT = (
    "import sys, django; django.setup()\n"
    "from django.core.management import call_command\n"
    "from django.test.utils import override_settings\n"
    "with override_settings(STATIC_ROOT=sys.argv[1]):\n"
    "    call_command('collectstatic', interactive=False, verbosity=0)\n"
)


def collectstatic(static_root):
    unset = {"DEBUG", "DJANGO_SETTINGS_MODULE", "REDIS_URL", "CACHE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in unset} | {
        "DJANGO_SETTINGS_MODULE": "health_registry.settings", "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50), "DATABASE_URL": "sqlite:///unused.sqlite3",
    }
    return subprocess.run(
        [sys.executable, "-c", COLLECT, str(static_root)], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=300,
    )


def test_collectstatic_with_the_production_storage_writes_a_manifest(tmp_path):
    result = collectstatic(tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    manifest = json.loads((tmp_path / "staticfiles.json").read_text(encoding="utf-8"))
    hashed = manifest["paths"]["css/site.css"]
    assert hashed != "css/site.css" and (tmp_path / hashed).is_file()
    assert "vendor/swagger-ui/swagger-ui.css" in manifest["paths"]


def test_no_static_file_names_a_missing_source_map():
    """The cause above, said plainly: every sourceMappingURL points to a file that exists."""
    static_dirs = [BASE_DIR / "static", *BASE_DIR.glob("*/static")]
    files = [path for folder in static_dirs if ".venv" not in folder.parts for path in folder.rglob("*")]
    for path in files:
        if path.suffix not in {".js", ".css"}:
            continue
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()[-5:]:
            if "sourceMappingURL=" in line:
                target = line.split("sourceMappingURL=", 1)[1].strip(" */")
                assert (path.parent / target).is_file(), f"{path} names {target}, not shipped"
