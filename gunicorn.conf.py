"""Production gunicorn settings: `gunicorn health_registry.wsgi -c gunicorn.conf.py`.

gthread workers: a CSV export streams for as long as its client reads, holding a thread,
not a process. Two workers per core with eight threads each (4 × 8 on two cores): 32
threads keep the pages served while slow clients download (eight 50 kB/s downloads would
take every thread of 2 workers × 4), and each process runs few requests at once. Measured
on two cores with 100,000 programmes, the filtered listing served 163–186 req/s at 16
connections with 4 × 8 and 103–145 with 2 × 16: threads of one process take turns on its
lock (the GIL), processes do not. Each worker keeps its own facet index and caches (about
110 MB of memory per worker at 100,000 programmes); a waiting thread costs a little memory
and no CPU. Behind a reverse proxy that buffers responses
(nginx does by default), slow clients never reach gunicorn at all: see docs/deploying.md.
Each value can be overridden from the environment (GUNICORN_WORKERS, …).
"""
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# At most 8 by default: each worker holds its own index and caches.
workers = int(os.environ.get("GUNICORN_WORKERS", min(2 * (os.cpu_count() or 1), 8)))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
# gthread workers heartbeat from their main loop, so a long export is never killed by this:
# it only restarts a worker whose main loop hangs.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "120"))
keepalive = 5
