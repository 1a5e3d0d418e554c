"""Side-by-side start-up timing: stock CPython vs the same command with an archive, interleaved, warm caches."""
import os
import statistics
import subprocess
import sys
import tempfile
import time

from pyrite.startup import hook, install, launch


class Side:
    """One way of launching the command (stock or archived) and the wall times it took."""

    def __init__(self, label, env):
        self.label = label
        self.env = env
        self.times = []
        self.cpu = []

    def run_once(self, command):
        start = time.perf_counter()
        proc = subprocess.Popen(command, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(proc.pid, 0)
        self.times.append(time.perf_counter() - start)
        self.cpu.append(usage.ru_utime + usage.ru_stime)
        proc.returncode = 0

    def median_ms(self):
        return statistics.median(self.times) * 1000

    def cpu_ms(self):
        """Median user+system CPU time of the child: less sensitive to a busy machine than wall time."""
        return statistics.median(self.cpu) * 1000

    def spread_ms(self):
        """Interquartile range in ms (robust spread)."""
        if len(self.times) < 4:
            return 0.0
        q = statistics.quantiles(self.times, n=4)
        return (q[2] - q[0]) * 1000


def user_site_env(base, user_base):
    """Environment whose user site-packages is a private directory (holding only pyrite's .pth hook)."""
    env = launch.clean_env(base)
    env["PYTHONUSERBASE"] = user_base
    return env


def user_site_dir(python, env):
    """Where `python` puts the user site-packages under `env`."""
    out = subprocess.run([python, "-c", "import site; print(site.getusersitepackages())"],
                         env=env, capture_output=True, text=True, check=True)
    return out.stdout.strip()


def user_site_enabled(python, env):
    """Whether `python` reads user site-packages (a virtual environment, -s or PYTHONNOUSERSITE: no)."""
    out = subprocess.run([python, "-c", "import site; print(bool(site.ENABLE_USER_SITE))"],
                         env=env, capture_output=True, text=True)
    return out.stdout.strip() == "True"


def warm_caches(command, env):
    """Run once allowing .pyc writes, so both sides start from warm bytecode caches."""
    env = dict(env)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def archive_was_used(command, env):
    """Run once more with a stats file and report how many modules the archive served (None: not active)."""
    with tempfile.TemporaryDirectory(prefix="pyrite-stats-") as tmp:
        stats = os.path.join(tmp, "stats")
        env = dict(env)
        env[launch.ENV_STATS] = stats
        subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            with open(stats) as f:
                served, fallbacks = f.read().split()[:2]
        except (OSError, ValueError):
            return None
        return int(served), int(fallbacks)


def interleave(command, sides, runs):
    """Alternate the sides run by run (and which goes first), so drift hits both equally."""
    for i in range(runs):
        order = sides if i % 2 == 0 else sides[::-1]
        for side in order:
            side.run_once(command)


class Setup:
    """A temporary user site with the hook installed, plus stock and archived environments."""

    def __init__(self, tmp, python=sys.executable, via="pth", base=None, site_dir=None):
        base = os.environ if base is None else base
        self.via = via
        self.installed = None
        if site_dir is not None:
            self.stock_env = launch.clean_env(base)
            if via == "pth":
                self.installed = install.install(site_dir)
            return
        self.stock_env = user_site_env(base, os.path.join(tmp, "userbase"))
        if via == "pth" and not user_site_enabled(python, self.stock_env):
            self.via = via = "shim"   # a virtual environment ignores user site-packages: use the shim
        if via == "pth":
            install.install(user_site_dir(python, self.stock_env))

    def close(self):
        """Remove a hook this setup put into a real site directory."""
        if self.installed:
            os.unlink(self.installed)
            self.installed = None

    def archived_env(self, archive, check=None):
        return launch.archive_env(self.stock_env, archive, check, shim=self.via == "shim")


def compare(command, archive, runs, setup, check=None, verify_command=None):
    """Warm, verify, then time both sides; return (stock Side, archived Side, served/fallback counts).

    verify_command: what to run for the served/fallback counts, when `command` skips the normal exit.
    """
    stock = Side("stock CPython", setup.stock_env)
    archived = Side("pyrite archive", setup.archived_env(archive, check))
    warm_caches(command, stock.env)
    warm_caches(command, archived.env)
    counts = archive_was_used(verify_command or command, archived.env)
    interleave(command, [stock, archived], runs)
    return stock, archived, counts


def paired_change(stock, archived):
    """Median over rounds of archived/stock wall time - 1: each round runs both sides back to back,
    so this cancels slow drifts of a shared machine better than comparing the two medians."""
    ratios = [a / s for s, a in zip(stock.times, archived.times)]
    return (statistics.median(ratios) - 1) * 100 if ratios else 0.0


def format_row(name, stock, archived, counts):
    """One table row: wall-time medians with spreads and change, the paired change, then CPU-time medians."""
    s, a = stock.median_ms(), archived.median_ms()
    cs, ca = stock.cpu_ms(), archived.cpu_ms()
    served = "-" if counts is None else "%d/%d" % (counts[0], counts[0] + counts[1])
    return "%-30s %7.1f ±%-5.1f %7.1f ±%-5.1f %+6.1f%% %+6.1f%% | %7.1f %7.1f %+6.1f%% | %s" % (
        name[:30], s, stock.spread_ms(), a, archived.spread_ms(), (a - s) / s * 100,
        paired_change(stock, archived), cs, ca, (ca - cs) / cs * 100, served)


TABLE_HEAD = "%-30s %14s %14s %7s %7s | %7s %7s %7s | %s" % (
    "case", "stock wall ms", "archive wall", "change", "paired", "stk cpu", "arc cpu", "change", "served")


def bench_command(command, runs, archive=None, check=None, via="pth"):
    """`pyrite startup bench`: record if needed, then print the side-by-side table."""
    with tempfile.TemporaryDirectory(prefix="pyrite-bench-") as tmp:
        setup = Setup(tmp, via=via)
        if archive is None:
            archive = os.path.join(tmp, "app.pyra")
            if launch.record(command, archive, check or "stat", env=setup.stock_env, quiet=True):
                return 1
        stock, archived, counts = compare(command, archive, runs, setup, check)
        print("%d interleaved runs each; medians (± interquartile range) of wall time from process start "
              "to exit, and of the child's user+system CPU time" % runs)
        print(TABLE_HEAD)
        print(format_row(" ".join(command), stock, archived, counts))
        if counts is None:
            print("warning: the archive was not active in the archived runs")
    return 0
