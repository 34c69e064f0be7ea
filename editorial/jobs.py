"""CSV imports as background jobs: an `Upload` is queued, run, then done or failed.

The confirm request only queues the job and starts it (setting `IMPORT_JOBS`):
- "thread" (default): a daemon thread of the web process runs it once the queuing commits;
- "inline": the request runs it before answering (tests, small sites);
- "queue": it waits for `manage.py run_imports` (a cron job or a worker of your own).
`run_imports` also runs jobs a dead process left queued, and fails those it left running.

An import is one transaction, so the rows it has written are invisible to the progress page
until the end. Progress is therefore reported outside that transaction: to Django's cache
(shared by every process with Redis, per process with the local-memory cache, which is then
the process running the thread), and on PostgreSQL also to the job's row, through a second
connection that commits at once (SQLite allows one writer at a time: not there).
"""
import datetime
import logging
import os
import socket
import threading

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection, connections, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.imports import IMPORTERS, ImportConflict

from .models import JobState, Upload

logger = logging.getLogger(__name__)
THREAD, INLINE, QUEUE = "thread", "inline", "queue"
PROGRESS_SECONDS = 24 * 3600
HEARTBEAT_SECONDS = 5


def worker():
    """This process, as "host:pid" (read when needed: gunicorn may fork after importing us)."""
    return f"{socket.gethostname()}:{os.getpid()}"


def progress_key(job_id):
    return f"import-job:{job_id}:rows-done"


def rows_done(job):
    """Rows written so far: the row's own count, or the fresher one reported to the cache."""
    if job.state != JobState.RUNNING:
        return job.rows_done
    return max(job.rows_done, cache.get(progress_key(job.pk)) or 0)


def queue(upload, *, publish, language=""):
    """Queue a previewed upload and start it as `IMPORT_JOBS` says; False if it was already confirmed."""
    queued = Upload.objects.filter(pk=upload.pk, state=JobState.PREVIEW).update(
        state=JobState.QUEUED, publish=publish, language=language, updated_at=timezone.now())
    if queued:
        start(upload.pk)
    return bool(queued)


def start(job_id):
    mode = getattr(settings, "IMPORT_JOBS", THREAD)
    if mode == INLINE:
        run(job_id)
    elif mode == THREAD:
        # Once the queuing is committed: the thread's own connection must see the job.
        transaction.on_commit(lambda: threading.Thread(target=run_in_thread, args=(job_id,), name=f"import-job-{job_id}", daemon=True).start())


def run_in_thread(job_id):
    try:
        run(job_id)
    finally:
        connections.close_all()  # this thread's connections only


def run(job_id):
    """Run a queued job to its end here; False when it was not queued (another process took it)."""
    now = timezone.now()
    claimed = Upload.objects.filter(pk=job_id, state=JobState.QUEUED).update(
        state=JobState.RUNNING, worker=worker(), started_at=now, updated_at=now, rows_done=0)
    if not claimed:
        return False
    job = Upload.objects.select_related("uploaded_by").get(pk=job_id)
    with translation.override(job.language or settings.LANGUAGE_CODE), Heartbeat(job_id):
        try:
            execute(job)
        except ImportConflict as exc:
            finish(job, JobState.FAILED, message=f"{exc}\n" + _("L'import a échoué : rien n'a été enregistré."))
        except Exception:
            logger.exception("CSV import job %s failed", job.pk)
            finish(job, JobState.FAILED, message=_("L'import a échoué : rien n'a été enregistré."))
    return True


def execute(job):
    importer = IMPORTERS.get(job.kind)
    if importer is None:
        finish(job, JobState.FAILED, message=_("Type d'import inconnu : rien n'a été enregistré."))
        return
    plan = importer.plan(bytes(job.data), user=job.uploaded_by)  # checked again: the directory may have changed
    if not plan.ok:
        lines = [_("Le fichier contient des erreurs : rien n'a été importé."), *map(str, plan.shown_problems)]
        if plan.more_problems:
            lines.append(_("… et %(count)s autres problèmes.") % {"count": plan.more_problems})
        finish(job, JobState.FAILED, message="\n".join(lines))
        return
    Upload.objects.filter(pk=job.pk).update(rows_total=len(plan.rows), updated_at=timezone.now())
    progress = Progress(job.pk)
    try:
        created, updated = importer.apply(plan, user=job.uploaded_by, publish=job.publish, progress=progress)
    finally:
        progress.close()
    finish(job, JobState.DONE, rows_done=len(plan.rows), created_count=created, updated_count=updated)


def finish(job, state, **fields):
    """The end of a job, written outside its transaction; the file is no longer needed."""
    now = timezone.now()
    Upload.objects.filter(pk=job.pk).update(state=state, finished_at=now, updated_at=now, data=b"", **fields)
    cache.delete(progress_key(job.pk))


class Progress:
    """Reports (rows done, total) where other connections see it while the import's transaction is open."""

    def __init__(self, job_id):
        self.job_id = job_id
        # Inside an outer transaction (tests, benchmarks) the job's row would not be visible to a
        # second connection, and locking it could wait for that transaction: the cache only, then.
        usable = connection.vendor == "postgresql" and not connection.in_atomic_block
        self.side = connections.create_connection(connection.alias) if usable else None

    def __call__(self, done, total):
        cache.set(progress_key(self.job_id), done, PROGRESS_SECONDS)
        if self.side is not None:
            self.write(done)

    def write(self, done):
        table = self.side.ops.quote_name(Upload._meta.db_table)
        try:
            with self.side.cursor() as cursor:
                cursor.execute("SET lock_timeout = '2s'")
                cursor.execute(f"UPDATE {table} SET rows_done = %s, updated_at = %s WHERE id = %s", [done, timezone.now(), self.job_id])
        except DatabaseError:
            logger.warning("Import job %s: progress not written to the database", self.job_id, exc_info=True)
            self.close()

    def close(self):
        if self.side is not None:
            self.side.close()
            self.side = None


def is_dead(process):
    """True when `process` ("host:pid") was a process of this host that no longer exists."""
    host, _sep, pid = process.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit() or process == worker():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # exists, owned by someone else
    return False


def recover(*, stale_after):
    """Fail the running jobs whose process died (or that gave no sign for `stale_after`); returns how many."""
    return sum(fail_if_dead(job, stale_after=stale_after)
               for job in Upload.objects.filter(state=JobState.RUNNING).only("id", "state", "worker", "updated_at"))


def heartbeat_key(job_id):
    return f"import-job:{job_id}:heartbeat"


class Heartbeat:
    """While a job runs, a thread of its process says so every `HEARTBEAT_SECONDS` (to the cache,
    as progress is): a job whose process was killed, or whose host is gone, falls silent, and its
    page sees it (`fail_if_dead`) without waiting for `run_imports`."""

    def __init__(self, job_id):
        self.key, self.stop = heartbeat_key(job_id), threading.Event()
        self.thread = threading.Thread(target=self.beat, name=f"import-job-{job_id}-heartbeat", daemon=True)

    def beat(self):
        while True:
            cache.set(self.key, timezone.now().timestamp(), PROGRESS_SECONDS)
            if self.stop.wait(HEARTBEAT_SECONDS):
                return

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()
        cache.delete(self.key)


def last_sign(job):
    """When the running `job` last gave a sign of life: its row's, or its heartbeat's."""
    beat = cache.get(heartbeat_key(job.pk))
    beat = datetime.datetime.fromtimestamp(beat, tz=datetime.UTC) if beat else None
    return max(job.updated_at, beat) if beat else job.updated_at


def fail_if_dead(job, *, stale_after=None):
    """Fail the running `job` when its process died (this host) or it gave no sign for
    `stale_after` (default: `IMPORT_JOB_SILENT_SECONDS`, 120); True if it was failed here."""
    stale_after = stale_after or datetime.timedelta(seconds=getattr(settings, "IMPORT_JOB_SILENT_SECONDS", 120))
    now = timezone.now()
    if job.state != JobState.RUNNING or not (is_dead(job.worker) or last_sign(job) < now - stale_after):
        return False
    return bool(Upload.objects.filter(pk=job.pk, state=JobState.RUNNING).update(
        state=JobState.FAILED, finished_at=now, updated_at=now, data=b"",
        message=_("L'import a été interrompu (processus arrêté) : rien n'a été enregistré. Déposez à nouveau le fichier.")))


def run_queued():
    """Run every queued job, oldest first, in this process; returns how many ran here."""
    ran = 0
    for job_id in Upload.objects.filter(state=JobState.QUEUED).order_by("uploaded_at", "id").values_list("id", flat=True):
        ran += run(job_id)
    return ran
