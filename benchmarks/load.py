"""Servers and load: gunicorn as in production, wrk, and waiting for the machine to be idle.

Shared by the product's and the peer's measures, so both are driven the same way."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

PORT = 8765
# At most this many seconds waiting for an idle machine (`--idle-wait`: on a shared machine it never is).
IDLE_WAIT = 300
SCRIPTS = tempfile.mkdtemp(prefix="bench-wrk-")


def ensure_wrk():
    if not shutil.which("wrk"):
        subprocess.run(["apt-get", "-o", "DPkg::Lock::Timeout=600", "install", "-y", "-qq", "wrk"], check=True, stdout=subprocess.DEVNULL)


def wait_for(url, process, what, tries=150):
    for _ in range(tries):
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}")
        try:
            urllib.request.urlopen(url, timeout=1)
            return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"{what} did not start")


def serve(env_overrides):
    """gunicorn with the production configuration (gunicorn.conf.py), on the benchmark's port."""
    env = {**os.environ, **env_overrides, "CONN_MAX_AGE": os.environ.get("CONN_MAX_AGE", "60")}
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "health_registry.wsgi", "-c", "gunicorn.conf.py", "--bind", f"127.0.0.1:{PORT}",
         "--log-level", "warning"], env=env)
    return wait_for(f"http://127.0.0.1:{PORT}/__noop__/", process, "gunicorn")


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def rotation_script(paths, name="rotate"):
    """A wrk script requesting `paths` in turn (run with one wrk thread: each path once, in the
    list's order, which is already random)."""
    script = os.path.join(SCRIPTS, f"{name}-{time.monotonic_ns()}.lua")
    quoted = ",".join('"' + p.replace("\\", "\\\\").replace('"', '\\"') + '"' for p in paths)
    with open(script, "w") as out:
        out.write("paths = {" + quoted + "}\ni = 0\n")
        out.write("request = function()\n  i = i + 1\n  return wrk.format(\"GET\", paths[(i - 1) % #paths + 1])\nend\n")
    return script


class Run(tuple):
    """(req/s, p50 ms, p99 ms) of one wrk run, with `requests` (how many were sent),
    `repeated` (a rotation wrapped round: some path was asked twice) and `errors` (answers
    other than 2xx and 3xx: counted in the rate, shown beside it)."""

    requests = 0
    repeated = False
    errors = 0


def wrk(target, connections, seconds, *, base=f"http://127.0.0.1:{PORT}"):
    """Runs wrk on `target`: a path, or a list of paths requested in turn (never twice unless the
    list runs out, which the result says)."""
    rotate = isinstance(target, list)
    # wrk's own timeout (2 s) would drop slower answers from the figures (0 req/s, no latency).
    command = ["wrk", "-t", "1" if rotate else str(min(connections, 2)), "-c", str(connections), "-d", f"{seconds}s", "--latency",
               "--timeout", "30s"]
    command += ["-s", rotation_script(target), base + "/"] if rotate else [base + target]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout

    def percentile(p):
        value, unit = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)", out).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    run = Run((float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)), percentile(50), percentile(99)))
    run.requests = int(re.search(r"(\d+) requests in", out).group(1))
    run.repeated = rotate and run.requests > len(target)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    run.errors = int(errors.group(1)) if errors else 0
    if run.errors and run.errors == run.requests:
        raise RuntimeError(f"every answer was an error:\n{out}")
    return run


def median_run(path, seconds, runs=3):
    """The median of `runs` measures at 16 connections (by req/s): one run of a few seconds on
    this machine varies by half."""
    return sorted((wrk(path, 16, seconds) for _ in range(runs)), key=lambda run: run[0])[runs // 2]


def busy_seconds():
    """CPU seconds this machine has spent busy (every process: the server, PostgreSQL), from /proc/stat."""
    with open("/proc/stat") as stat:
        fields = [int(value) for value in stat.readline().split()[1:]]
    idle = fields[3] + fields[4]  # idle, iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def wait_until_idle(*, busy=0.6, most=None):
    """Seconds until the machine is busy less than `busy` CPUs over two seconds (idle, its
    services take about 0.2): the server has finished the requests a warm-up left behind, or
    slow exports have run their queries and filled their socket buffers (megabytes each on the
    loopback, written at full speed) and are now fed at the clients' 50 kB/s (about 0.15 CPU
    for the eight)."""
    start, most = time.perf_counter(), IDLE_WAIT if most is None else most
    used = busy_seconds()
    while time.perf_counter() - start < most:
        time.sleep(2)
        now = busy_seconds()
        if now - used < 2 * busy:
            break
        used = now
    return time.perf_counter() - start


def slow_downloads(count=8, rate="50k"):
    """`count` clients downloading the full export at `rate` bytes/s (each holds a server thread)."""
    url = f"http://127.0.0.1:{PORT}/programmes/export.csv"
    return [subprocess.Popen(["curl", "-s", "-o", "/dev/null", "--limit-rate", rate, url]) for _ in range(count)]


def worker_rss_mb(master):
    """Resident memory (MB) of each worker of the gunicorn `master` process, from ps."""
    out = subprocess.run(["ps", "-o", "rss=", "--ppid", str(master.pid)], capture_output=True, text=True).stdout
    return sorted(int(kb) / 1024 for kb in out.split())
