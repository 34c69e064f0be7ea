"""One worker process for tests/core/test_counters.py: counts requests against a shared database.

Usage: python -m tests.core.counter_worker <calls> <clock>, with DATABASE_URL naming the database
both workers share. Prints "ready", waits for a line on stdin (so that the workers run at the
same time), then prints how many of its API requests and of its alert requests were let through."""
import os
import sys


def setup(clock):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.db import DatabaseError, connection

    import core.counters
    from core.models import WindowCounter

    settings.ALLOWED_HOSTS = ["*"]
    core.counters.clock = lambda: clock  # one window for the whole test
    try:
        with connection.schema_editor() as editor:
            editor.create_model(WindowCounter)
    except DatabaseError:
        pass  # the other worker created it


def api_calls(calls):
    from django.http import HttpResponse
    from django.test import RequestFactory

    from api.middleware import ApiMiddleware

    middleware = ApiMiddleware(lambda request: HttpResponse("ok"))
    answers = [middleware(RequestFactory().get("/api/v1/themes/", REMOTE_ADDR="198.51.100.7")) for _ in range(calls)]
    return sum(answer.status_code == 200 for answer in answers)


def alert_calls(calls):
    from django.test import RequestFactory

    from alerts.throttle import subscription_allowed

    emails = ["victim@example.org", "Victim@Example.org", "victim+{}@example.org"]
    allowed = 0
    for index in range(calls):
        request = RequestFactory().post("/alertes/", REMOTE_ADDR=f"203.0.113.{index % 250}")
        allowed += subscription_allowed(request, emails[index % 3].format(os.getpid() + index))
    return allowed


if __name__ == "__main__":
    calls, clock = int(sys.argv[1]), float(sys.argv[2])
    setup(clock)
    print("ready", flush=True)
    sys.stdin.readline()
    print(api_calls(calls), alert_calls(calls), flush=True)
