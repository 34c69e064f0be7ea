"""gunicorn serving the product as production does (see .ci/smoke), and HTTP answers counted per worker.

gunicorn's access log names the worker (pid) of every answer: a check asks until each of the
three workers has answered it at least once, so "30 of 30" is never 30 answers of one warm worker."""
import csv
import io
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .database import BASE_DIR, PYTHON, manage, production_environment, shell

WORKERS = 3
REDIS = "redis://127.0.0.1:6379/11"  # a database number of the live tests' own: flushed at start
ACCESS = re.compile(r'^<(\d+)> (\d+) "\S+ (\S+) ')


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url, data=None, timeout=60):
    """(status, body as text) of one request on a new connection (gunicorn gives it to any worker)."""
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data), timeout=timeout) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


class LiveServer:
    """`gunicorn -c gunicorn.conf.py` with 3 workers, DEBUG off and the page cache on, on a free port."""

    def __init__(self, database, directory, redis_url=None):
        self.database, self.directory = database, directory
        self.mode = "redis" if redis_url else "local-memory"
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        extra = {"REDIS_URL": redis_url} if redis_url else {}
        self.environment = production_environment(
            database.url, CSRF_TRUSTED_ORIGINS=self.base, SITE_URL=self.base, PAGE_CACHE_SECONDS="600",
            API_RATE_LIMIT="0",  # hundreds of API answers from one address: what is tested here is not the limit
            GUNICORN_BIND=f"127.0.0.1:{self.port}", GUNICORN_WORKERS=str(WORKERS), GUNICORN_THREADS="4", **extra)
        self.access = directory / "access.log"
        self.errors = directory / "gunicorn.log"
        self.process = None

    def start(self):
        # No control socket: it would take the one of a gunicorn already running on this machine.
        command = [str(Path(PYTHON).with_name("gunicorn")), "health_registry.wsgi", "-c", "gunicorn.conf.py",
                   "--no-control-socket", "--access-logfile", str(self.access), "--access-logformat", '%(p)s %(s)s "%(r)s"']
        with open(self.errors, "w") as log:
            self.process = subprocess.Popen(command, cwd=BASE_DIR, env=self.environment, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"gunicorn exited:\n{self.log()}"
            if len(self.workers()) == WORKERS and self.log().count("Booting worker") >= WORKERS:
                try:
                    if fetch(self.base + "/robots.txt", timeout=5)[0] == 200:
                        return self
                except OSError:
                    pass
            time.sleep(0.5)
        raise AssertionError(f"gunicorn did not answer in 120 s:\n{self.log()}")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)  # graceful: workers finish their requests, then exit
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def log(self):
        return self.errors.read_text(errors="replace") if self.errors.exists() else ""

    def workers(self):
        """The worker pids: the master's children."""
        pid = self.process.pid
        try:
            with open(f"/proc/{pid}/task/{pid}/children") as children:
                return [int(child) for child in children.read().split()]
        except FileNotFoundError:
            return []

    def rss_kb(self):
        """{worker pid: resident memory in kB} (VmRSS of /proc/<pid>/status)."""
        sizes = {}
        for pid in self.workers():
            with open(f"/proc/{pid}/status") as status:
                sizes[pid] = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
        return sizes

    def programme(self):
        """A programme of the default listing (its export) that no earlier test wrote to."""
        export = csv.DictReader(io.StringIO(self.get("/programmes/export.csv")[1]))
        return self.database.take([row["slug"] for row in export])

    def manage(self, *args):
        """`manage.py <args>` in another process, with the server's environment (as cron would run it)."""
        return manage(self.environment, *args)

    def shell(self, code):
        return shell(self.environment, code)

    def writer(self, slug):
        return Writer(self.environment, slug)

    def get(self, path):
        return fetch(self.base + path)

    def _served(self, offset, path):
        with open(self.access) as log:
            log.seek(offset)
            lines = [ACCESS.match(line) for line in log]
        return Counter(int(m[1]) for m in lines if m and m[3] == path)

    def answers(self, path, count=30):
        """At least `count` answers to GET `path`, asked 6 at a time, until every worker gave some."""
        offset = self.access.stat().st_size if self.access.exists() else 0
        replies, served = [], Counter()
        for _ in range(10):
            with ThreadPoolExecutor(6) as pool:
                replies += pool.map(self.get, [path] * count)
            for _ in range(10):  # a worker writes its access line just after its answer
                served = self._served(offset, path)
                if sum(served.values()) >= len(replies):
                    break
                time.sleep(0.1)
            if all(served[pid] for pid in self.workers()):
                return replies
        raise AssertionError(f"not every worker answered {path}: {dict(served)} of {self.workers()}")


WRITER = """
import sys
from programmes.models import Programme
from programmes.services import save_programme
programme = Programme.objects.get(slug={slug!r})
print("ready", flush=True)
for line in sys.stdin:
    programme.title = line.strip()
    save_programme(programme=programme)
    print("saved", flush=True)
"""


class Writer:
    """One `manage.py shell` process renaming a programme through its service at each `write`:
    many writes from another process without starting one per write."""

    def __init__(self, environment, slug):
        self.process = subprocess.Popen([PYTHON, "manage.py", "shell", "--no-imports", "-c", WRITER.format(slug=slug)],
                                        cwd=BASE_DIR, env=environment, text=True,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        assert self.process.stdout.readline().strip() == "ready"

    def write(self, title):
        self.process.stdin.write(title + "\n")
        self.process.stdin.flush()
        assert self.process.stdout.readline().strip() == "saved"

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=60)
