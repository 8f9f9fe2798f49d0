"""Benchmark suite for cantho-analysis: extraction, ``run``, import time and the jsonschema cost.

One command (from the repository root; any Python works for the driver, the measurements use
the Python of the environment that has the package installed)::

    .venv/bin/python benchmarks/run_benchmarks.py [--sizes 100 1000 10000] [--jobs 1 2] [--skip-run]

Every measured thing runs in a fresh child process of that Python.  Results are merged into
``benchmarks/results.json`` (one entry per section, so a section can be re-measured alone with
the ``--skip-*`` options) and rendered as Markdown into ``benchmarks/RESULTS.md`` and stdout.
See ``benchmarks/README.md`` for what each column means.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SEEDS = REPO / "seeds"
RESULTS_JSON = HERE / "results.json"
RESULTS_MD = HERE / "RESULTS.md"
CHILD_TIMEOUT = 900  # seconds; no single measured command should come near this

sys.path.insert(0, str(HERE))
import make_corpus  # noqa: E402  (stdlib only)

# Targets from the performance issue.
TARGET_EXTRACT_10K_S = 10.0
TARGET_EXTRACT_MEM_MB = 1536.0
TARGET_EXTRACT_FLOOR_RATIO = 10.0
TARGET_RUN_FLOOR_RATIO = 1.5
TARGET_RUN_10K_S = 180.0


# --------------------------------------------------------------------------------------------
# Child-process programs.  Each prints one JSON object on its last line of stdout.
# --------------------------------------------------------------------------------------------

EXTRACT_CHILD = r"""
import json, os, resource, sys, threading, time
corpus, jobs = sys.argv[1], int(sys.argv[2])
t0 = time.perf_counter()
from cantho_analysis import pipeline as tables_module
from cantho_analysis.pipeline import build_tables
t1 = time.perf_counter()
# Phase split: wrap the module-level helpers build_tables calls (skipped if they are renamed).
phases = {"load_s": 0.0, "frames_s": 0.0}
def timed(name, func):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            phases[name] += time.perf_counter() - start
    return wrapper
for attr, name in (("load_corpus", "load_s"), ("_frame", "frames_s")):
    if callable(getattr(tables_module, attr, None)):
        setattr(tables_module, attr, timed(name, getattr(tables_module, attr)))
    else:
        phases[name] = None
peak_total = [0]
stop = threading.Event()
try:
    import psutil
except ImportError:
    psutil = None
def sample():
    me = psutil.Process()
    while not stop.is_set():
        try:
            procs = [me] + me.children(recursive=True)
            total = 0
            for p in procs:
                try:
                    total += p.memory_info().rss
                except psutil.Error:
                    pass
            peak_total[0] = max(peak_total[0], total)
        except psutil.Error:
            pass
        stop.wait(0.05)
if psutil is not None:
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
tables = build_tables(corpus, jobs=jobs)
t2 = time.perf_counter()
stop.set()
me = resource.getrusage(resource.RUSAGE_SELF)
kids = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({
    "import_s": t1 - t0, "build_s": t2 - t1, **phases,
    "maxrss_self_kb": me.ru_maxrss, "maxrss_children_kb": kids.ru_maxrss,
    "cpu_s": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime,
    "peak_total_rss_kb": (peak_total[0] // 1024) if psutil is not None else None,
    "rows": {name: len(frame) for name, frame in tables.items()},
}))
"""

FLOOR_CHILD = r"""
import json, re, sys, time, unicodedata
from pathlib import Path
corpus, repeat = Path(sys.argv[1]), int(sys.argv[2])
digits = re.compile(r"\d+")
walls = []
for _ in range(repeat):
    t0 = time.perf_counter()
    files = nbytes = found = 0
    for path in sorted(corpus.glob("*.txt")):
        raw = path.read_bytes()
        text = unicodedata.normalize("NFC", raw.decode("utf-8"))
        found += len(digits.findall(text))
        files += 1
        nbytes += len(raw)
    walls.append(time.perf_counter() - t0)
print(json.dumps({"walls": walls, "files": files, "bytes": nbytes, "digit_runs": found}))
"""

# Executes K trivial notebooks that import the stack, sequentially or with a spawn pool (as
# ``cantho-analysis run --jobs N`` does).  The wall time of the whole process is the measure.
NOTEBOOK_FLOOR_CHILD = r"""
import json, sys, time
from pathlib import Path
t0 = time.perf_counter()
import nbformat
import papermill as pm
t1 = time.perf_counter()
folder, count, jobs, source = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
folder.mkdir(parents=True, exist_ok=True)
nb = nbformat.v4.new_notebook()
nb.cells.append(nbformat.v4.new_code_cell(source))
nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
inputs = []
for i in range(count):
    path = folder / f"trivial_{i}.ipynb"
    nbformat.write(nb, path)
    inputs.append(path)
kw = dict(kernel_name="python3", progress_bar=False, log_output=False, cwd=str(folder))
if jobs <= 1:
    for path in inputs:
        pm.execute_notebook(str(path), str(path.with_suffix(".out.ipynb")), **kw)
else:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = [pool.submit(pm.execute_notebook, str(p), str(p.with_suffix(".out.ipynb")), **kw) for p in inputs]
        for f in futures:
            f.result()
print(json.dumps({"import_s": t1 - t0, "execute_s": time.perf_counter() - t1}))
"""

IMPORTTIME_CHILD = "import cantho_analysis"

PROFILE_CHILD = r"""
import cProfile, io, json, pstats, sys
from cantho_analysis.pipeline import build_tables
corpus, top = sys.argv[1], int(sys.argv[2])
profiler = cProfile.Profile()
profiler.enable()
build_tables(corpus, jobs=1)
profiler.disable()
stats = pstats.Stats(profiler)
rows = []
for (filename, line, func), (cc, nc, tt, ct, _) in stats.stats.items():
    rows.append({"function": f"{filename}:{line}({func})", "ncalls": nc, "tottime": tt, "cumtime": ct})
rows.sort(key=lambda r: -r["tottime"])
print(json.dumps({"total_s": stats.total_tt, "top": rows[:top]}))
"""

# What the jsonschema section checks in each environment variant: which IRI backend jsonschema
# picked, and whether "iri" format checking still works.
IRI_CHECK_CHILD = r"""
import json, sys
import jsonschema
checker = jsonschema.FormatChecker()
good = checker.conforms("https://ví-dụ.vn/đường?q=1", "iri")
bad = checker.conforms("not an iri", "iri")
print(json.dumps({
    "iri_checked": "iri" in checker.checkers and good and not bad,
    "backend": "rfc3987" if "rfc3987" in sys.modules else
               ("rfc3987_syntax" if "rfc3987_syntax.syntax_helpers" in sys.modules else "none"),
}))
"""

# The workarounds, as sitecustomize.py files put on PYTHONPATH (nothing in site-packages changes).
BLOCK_SITECUSTOMIZE = '''\
# Benchmark workaround "block": jsonschema then skips its optional rfc3987_syntax import.
import sys
sys.modules.setdefault("rfc3987_syntax", None)
'''

LAZY_SITECUSTOMIZE = '''\
# Benchmark workaround "lazy": a stand-in for rfc3987_syntax that imports the real module (and
# builds its Lark parsers) only when jsonschema first checks an "iri"/"iri-reference" format.
import importlib
import importlib.util
import sys
import types


def _defer_rfc3987_syntax():
    if "rfc3987_syntax" in sys.modules or importlib.util.find_spec("rfc3987_syntax") is None:
        return
    shim = types.ModuleType("rfc3987_syntax", "deferred stand-in for rfc3987_syntax")

    def _real():
        if sys.modules.get("rfc3987_syntax") is shim:
            del sys.modules["rfc3987_syntax"]
            try:
                importlib.import_module("rfc3987_syntax")
            except BaseException:
                sys.modules["rfc3987_syntax"] = shim
                raise
        return sys.modules["rfc3987_syntax"]

    def is_valid_syntax(term, value):
        return _real().is_valid_syntax(term, value)

    def __getattr__(name):
        if name.startswith("__"):  # import machinery probes (__path__, ...) must not load it
            raise AttributeError(name)
        return getattr(_real(), name)

    shim.is_valid_syntax = is_valid_syntax
    shim.__getattr__ = __getattr__
    sys.modules["rfc3987_syntax"] = shim


_defer_rfc3987_syntax()
'''


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------

def _script_python(name: str) -> str | None:
    """The interpreter named in the ``#!`` line of console script *name* on PATH, if any."""
    path = shutil.which(name)
    if not path:
        return None
    try:
        first = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()[0]
    except (OSError, IndexError):
        return None
    return first[2:].strip().split()[0] if first.startswith("#!") and first[2:].strip() else None


def find_python(explicit: str | None) -> str:
    """The Python that can import cantho_analysis: --python, this one, $VIRTUAL_ENV, .venv, or the one
    running the ``cantho-analysis`` command on PATH."""
    candidates = [explicit] if explicit else [
        sys.executable,
        os.path.join(os.environ["VIRTUAL_ENV"], "bin", "python") if os.environ.get("VIRTUAL_ENV") else None,
        str(REPO / ".venv" / "bin" / "python"),
        _script_python("cantho-analysis"),
    ]
    for candidate in filter(None, candidates):
        if Path(candidate).exists() and subprocess.run(
                [candidate, "-c", "import cantho_analysis, papermill"], capture_output=True).returncode == 0:
            return candidate
    raise SystemExit("run_benchmarks: no Python with cantho_analysis and papermill installed; run it with "
                     "the venv's python (e.g. .venv/bin/python benchmarks/run_benchmarks.py) or pass --python")


def child_env(extra_path: Path | None = None) -> dict:
    env = dict(os.environ)
    for name in ("COVERAGE_PROCESS_START", "COVERAGE_PROCESS_CONFIG"):
        env.pop(name, None)  # never measure coverage tracing
    if extra_path is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(extra_path), env.get("PYTHONPATH", "")]))
    env.setdefault("MPLBACKEND", "Agg")
    return env


def run_child(cmd: list[str], env: dict | None = None, cwd: Path | None = None) -> tuple[float, str]:
    """Run *cmd*; return (wall seconds, stdout).  Raise with stderr's tail on failure."""
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env or child_env(), cwd=cwd, capture_output=True, text=True, timeout=CHILD_TIMEOUT)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        tail = "\n".join(proc.stderr.strip().splitlines()[-15:])
        raise RuntimeError(f"command failed ({proc.returncode}): {' '.join(cmd)[:200]}\n{tail}")
    return wall, proc.stdout


def last_json(stdout: str) -> dict:
    return json.loads(stdout.strip().splitlines()[-1])


def median_wall(cmd: list[str], repeat: int, env: dict | None = None) -> float:
    return statistics.median(run_child(cmd, env)[0] for _ in range(repeat))


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def loadavg() -> str:
    try:
        return " / ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def section_meta() -> dict:
    return {"measured": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "load_before": loadavg()}


# --------------------------------------------------------------------------------------------
# Machine
# --------------------------------------------------------------------------------------------

def machine_info(python: str) -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or "unknown"
    mem = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    probe = textwrap.dedent("""
        import json, platform, sys
        from importlib import metadata
        names = ["cantho-analysis", "pandas", "papermill", "jsonschema", "rfc3987-syntax", "rfc3987", "nbformat",
                 "nbclient", "jupytext", "pandera", "pyarrow", "lark", "psutil"]
        versions = {}
        for name in names:
            try:
                versions[name] = metadata.version(name)
            except metadata.PackageNotFoundError:
                versions[name] = "not installed"
        print(json.dumps({"python": platform.python_version(), "implementation": platform.python_implementation(),
                          "prefix": sys.prefix, "versions": versions}))
    """)
    info = last_json(run_child([python, "-c", probe])[1])
    try:
        affinity = len(os.sched_getaffinity(0))
    except AttributeError:
        affinity = os.cpu_count()
    info.update({
        "cpu": cpu, "cores": os.cpu_count(), "usable_cores": affinity, "memory": mem,
        "os": f"{platform.system()} {platform.release()}",
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "load_at_start": loadavg(),
        "pythondontwritebytecode": bool(os.environ.get("PYTHONDONTWRITEBYTECODE")),
    })
    return info


# --------------------------------------------------------------------------------------------
# Sections
# --------------------------------------------------------------------------------------------

def bench_extraction(python: str, work: Path, sizes: list[int], jobs_list: list[int], seed: int,
                     repeat_small: int) -> dict:
    result = {**section_meta(), "seed": seed, "rows": []}
    for n in sizes:
        corpus = work / f"corpus_{n}"
        if not corpus.exists():
            log(f"making corpus of {n} articles")
            make_corpus.make_corpus(n, corpus, seed)
        nbytes = sum(p.stat().st_size for p in corpus.glob("*.txt"))
        repeat = repeat_small if n <= 1000 else 1
        floor = last_json(run_child([python, "-c", FLOOR_CHILD, str(corpus), "3"])[1])
        floor_s = statistics.median(floor["walls"])
        log(f"N={n}: floor {floor_s:.3f} s")
        for jobs in jobs_list:
            runs = []
            for _ in range(repeat):
                wall, out = run_child([python, "-c", EXTRACT_CHILD, str(corpus), str(jobs)])
                data = last_json(out)
                data["process_s"] = wall
                runs.append(data)
            best = sorted(runs, key=lambda r: r["build_s"])[len(runs) // 2]  # the median run
            build_s = best["build_s"]
            parent_mb = best["maxrss_self_kb"] / 1024
            worker_mb = best["maxrss_children_kb"] / 1024
            workers = jobs if (jobs > 1 and n >= 2 * jobs) else 0
            row = {
                "n": n, "mb": nbytes / 1e6, "jobs": jobs, "repeat": repeat,
                "build_s": build_s, "build_s_all": [r["build_s"] for r in runs],
                "process_s": best["process_s"], "import_s": best["import_s"], "cpu_s": best["cpu_s"],
                "mb_per_s": nbytes / 1e6 / build_s, "articles_per_s": n / build_s,
                "peak_parent_mb": parent_mb, "peak_worker_mb": worker_mb,
                "peak_bound_mb": parent_mb + workers * worker_mb,
                "peak_sampled_mb": best["peak_total_rss_kb"] / 1024 if best["peak_total_rss_kb"] else None,
                "floor_s": floor_s, "ratio": build_s / floor_s,
                "tables_rows": best["rows"],
                "load_s": best.get("load_s"), "frames_s": best.get("frames_s"),
                "extract_s": (build_s - best["load_s"] - best["frames_s"])
                if best.get("load_s") is not None and best.get("frames_s") is not None else None,
            }
            result["rows"].append(row)
            log(f"N={n} jobs={jobs}: build_tables {build_s:.2f} s ({row['articles_per_s']:.0f} art/s), "
                f"peak parent {parent_mb:.0f} MB, worker {worker_mb:.0f} MB, ratio {row['ratio']:.1f}x")
    return result


def bench_run(python: str, work: Path, jobs_list: list[int], repeat: int, run_sizes: list[int], seed: int) -> dict:
    """`run` on the seeds (5 articles) with each --jobs value, and on synthetic corpora of the
    other sizes with the largest --jobs value.  Floor of a size: 5 trivial notebooks plus the
    extraction floor (read, normalise and scan the corpus)."""
    result = {**section_meta(), "corpus": "seeds/ (5 articles) and synthetic corpora", "rows": []}
    stack = "import pandas, seaborn, matplotlib, cantho_analysis"
    floor_walls = []
    for i in range(repeat):
        wall, _ = run_child([python, "-c", NOTEBOOK_FLOOR_CHILD, str(work / f"floor_nb_{i}"), "5", "1", stack])
        floor_walls.append(wall)
    floor_s = statistics.median(floor_walls)
    log(f"run floor (5 trivial notebooks, sequential): {floor_s:.1f} s")
    result["floor_s"] = floor_s
    result["floor_s_all"] = floor_walls
    for n in run_sizes:
        corpus, scan_s = SEEDS, 0.0
        if n != 5:
            corpus = work / f"corpus_{n}"
            if not corpus.exists():
                log(f"making corpus of {n} articles")
                make_corpus.make_corpus(n, corpus, seed)
            scan_s = statistics.median(last_json(run_child([python, "-c", FLOOR_CHILD, str(corpus), "3"])[1])["walls"])
        for jobs in jobs_list if n == 5 else [max(jobs_list)]:
            walls = []
            for i in range(repeat):
                out = work / f"run_{n}_j{jobs}_{i}"
                wall, _ = run_child([python, "-m", "cantho_analysis", "run", "--corpus", str(corpus), "--out", str(out),
                                     "--jobs", str(jobs)])
                walls.append(wall)
                shutil.rmtree(out, ignore_errors=True)
            wall = statistics.median(walls)
            floor = floor_s + scan_s
            result["rows"].append({"n": n, "jobs": jobs, "wall_s": wall, "wall_s_all": walls, "floor_s": floor,
                                   "ratio": wall / floor})
            log(f"run N={n} --jobs {jobs}: {wall:.1f} s, {wall / floor:.2f}x floor")
    return result


def bench_import(python: str, repeat: int) -> dict:
    result = section_meta()
    cumulative = []
    for _ in range(repeat):
        proc = subprocess.run([python, "-X", "importtime", "-c", IMPORTTIME_CHILD], capture_output=True,
                              text=True, env=child_env(), timeout=CHILD_TIMEOUT)
        for line in proc.stderr.splitlines():
            parts = [p.strip() for p in line.split("|")]
            if len(parts) == 3 and parts[2] == "cantho_analysis":
                cumulative.append(int(parts[1]) / 1e6)
    result["importtime_s"] = statistics.median(cumulative) if cumulative else None
    result["pass_s"] = median_wall([python, "-c", "pass"], repeat)
    result["import_s"] = median_wall([python, "-c", "import cantho_analysis"], repeat)
    result["delta_s"] = result["import_s"] - result["pass_s"]
    result["repeat"] = repeat
    log(f"import cantho_analysis: {result['delta_s']:.2f} s wall over bare python, importtime {result['importtime_s']}")
    return result


def _install_rfc3987(python: str, target: Path) -> str | None:
    """pip-install the GPL ``rfc3987`` package into a throwaway folder; return an error or None."""
    proc = subprocess.run([python, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), "rfc3987"],
                          capture_output=True, text=True, timeout=CHILD_TIMEOUT)
    if proc.returncode != 0:
        return (proc.stderr.strip().splitlines() or ["pip failed"])[-1]
    return None


def bench_jsonschema(python: str, work: Path, repeat: int, with_run: bool) -> dict:
    result = {**section_meta(), "repeat": repeat, "variants": {}}
    block_dir, lazy_dir, gpl_dir = work / "ws_block", work / "ws_lazy", work / "ws_rfc3987"
    block_dir.mkdir(exist_ok=True)
    lazy_dir.mkdir(exist_ok=True)
    (block_dir / "sitecustomize.py").write_text(BLOCK_SITECUSTOMIZE)
    (lazy_dir / "sitecustomize.py").write_text(LAZY_SITECUSTOMIZE)
    variants = {"as installed": None, "lazy stand-in": lazy_dir, "block rfc3987_syntax": block_dir}
    gpl_error = _install_rfc3987(python, gpl_dir)
    if gpl_error is None:
        variants["rfc3987 (GPL-3.0) on PYTHONPATH"] = gpl_dir
    else:
        result["rfc3987_error"] = gpl_error
    nb = work / "trivial.ipynb"
    run_child([python, "-c", textwrap.dedent(f"""
        import nbformat
        nb = nbformat.v4.new_notebook()
        nb.cells.append(nbformat.v4.new_code_cell("1 + 1"))
        nb.metadata["kernelspec"] = {{"name": "python3", "display_name": "Python 3", "language": "python"}}
        nbformat.write(nb, {str(nb)!r})
    """)])
    commands = {
        "python -c pass": [python, "-c", "pass"],
        "import jsonschema": [python, "-c", "import jsonschema"],
        "import papermill": [python, "-c", "import papermill"],
        "import nbformat; get_validator()": [python, "-c", "import nbformat, nbformat.validator; nbformat.validator.get_validator()"],
        "import jupytext": [python, "-c", "import jupytext"],
        "papermill CLI, trivial notebook": [python, "-m", "papermill", "--no-progress-bar", "-k", "python3",
                                            str(nb), str(work / "trivial.out.ipynb")],
    }
    # Rounds interleave the variants, so that a burst of load elsewhere hits them all alike.
    walls = {name: {label: [] for label in commands} for name in variants}
    for _ in range(repeat):
        for name, extra in variants.items():
            env = child_env(extra)
            for label, cmd in commands.items():
                walls[name][label].append(run_child(cmd, env)[0])
    for name, extra in variants.items():
        row = {"dir": str(extra) if extra else None, "walls": walls[name]}
        for label in commands:
            row[label] = statistics.median(walls[name][label])
        row.update(last_json(run_child([python, "-c", IRI_CHECK_CHILD], child_env(extra))[1]))
        result["variants"][name] = row
        log(f"jsonschema variant {name!r}: papermill import {row['import papermill']:.2f} s, trivial notebook "
            f"{row['papermill CLI, trivial notebook']:.2f} s, backend {row['backend']}, iri checked {row['iri_checked']}")
    # The same floor as the run section, as installed vs lazy stand-in, sequential vs 2 at a time.
    stack = "import pandas, seaborn, matplotlib, cantho_analysis"
    floor_walls = {}
    for round_ in range(3):
        for name in ("as installed", "lazy stand-in"):
            env = child_env(variants[name])
            for jobs in (1, 2):
                folder = work / f"wsfloor_{round_}_{jobs}_{name.split()[0]}"
                floor_walls.setdefault(f"{name}, jobs {jobs}", []).append(run_child(
                    [python, "-c", NOTEBOOK_FLOOR_CHILD, str(folder), "5", str(jobs), stack], env)[0])
    floors = {k: statistics.median(v) for k, v in floor_walls.items()}
    result["floors"] = floors
    result["floor_walls"] = floor_walls
    log(f"5 trivial notebooks: {floors}")
    if with_run:
        runs = {}
        for jobs in (1, 2):
            out = work / f"ws_run_{jobs}"
            runs[f"lazy stand-in, jobs {jobs}"] = run_child(
                [python, "-m", "cantho_analysis", "run", "--corpus", str(SEEDS), "--out", str(out), "--jobs", str(jobs)],
                child_env(lazy_dir))[0]
            shutil.rmtree(out, ignore_errors=True)
        result["runs"] = runs
        log(f"run with lazy stand-in: {runs}")
    return result


def bench_profile(python: str, work: Path, n: int, seed: int, top: int = 10) -> dict:
    corpus = work / f"corpus_{n}"
    if not corpus.exists():
        make_corpus.make_corpus(n, corpus, seed)
    data = last_json(run_child([python, "-c", PROFILE_CHILD, str(corpus), str(top)])[1])
    repo = str(REPO) + os.sep
    for row in data["top"]:
        row["function"] = row["function"].replace(repo, "").replace(sys.prefix, "<venv>")
    return {**section_meta(), "n": n, **data}


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------

def _f(value, digits=2, suffix=""):
    return "n/a" if value is None else f"{value:.{digits}f}{suffix}"


def _met(ok: bool | None) -> str:
    return "n/a" if ok is None else ("**met**" if ok else "**not met**")


def render(results: dict) -> str:
    m = results["machine"]
    lines = ["# Benchmark results", "",
             "Generated by `benchmarks/run_benchmarks.py` (see `benchmarks/README.md` for the columns). "
             "Each section lists when it was measured and the 1/5/15-minute load average just before: "
             "on a 2-core machine anything else running inflates the numbers.", "",
             "## Machine", "", "| | |", "|---|---|",
             f"| CPU | {m['cpu']} |",
             f"| cores | {m['cores']} ({m['usable_cores']} usable) |",
             f"| memory | {m['memory']} |",
             f"| OS | {m['os']} |",
             f"| Python | {m['implementation']} {m['python']} ({m['prefix']}) |",
             "| packages | " + ", ".join(f"{k} {v}" for k, v in m["versions"].items()) + " |",
             f"| date | {m['date']} |",
             f"| load average at start | {m['load_at_start']} |",
             "| PYTHONDONTWRITEBYTECODE | "
             + ("set: no .pyc is written, so the package is compiled on every import" if m["pythondontwritebytecode"] else "not set") + " |",
             ""]
    targets, shortfall = [], None
    ex = results.get("extraction")
    if ex:
        lines += ["## Extraction: `build_tables(corpus, jobs=J)`", "",
                  f"Measured {ex['measured']}, load before {ex['load_before']}. Synthetic corpus from "
                  f"`make_corpus.py --seed {ex['seed']}`. Time is the median of the `build_tables` call "
                  "(runs given in `repeat`); *process* adds interpreter start-up and imports. The floor reads, "
                  "NFC-normalises and regex-scans the same files in one process.", "",
                  "| N | MB | jobs | repeat | build_tables s | load s | extract s | frames s | process s | MB/s | articles/s | "
                  "CPU s | peak parent MB | peak worker MB | peak total MB (sampled) | parent + jobs x worker MB | floor s | "
                  "extraction / floor |",
                  "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for r in ex["rows"]:
            lines.append(f"| {r['n']} | {r['mb']:.1f} | {r['jobs']} | {r['repeat']} | {r['build_s']:.2f} | "
                         f"{_f(r.get('load_s'))} | {_f(r.get('extract_s'))} | {_f(r.get('frames_s'))} | "
                         f"{r['process_s']:.2f} | {r['mb_per_s']:.2f} | {r['articles_per_s']:.0f} | {r['cpu_s']:.1f} | "
                         f"{r['peak_parent_mb']:.0f} | {r['peak_worker_mb']:.0f} | {_f(r['peak_sampled_mb'], 0)} | "
                         f"{r['peak_bound_mb']:.0f} | {r['floor_s']:.3f} | {r['ratio']:.0f}x |")
        lines.append("")
        big = [r for r in ex["rows"] if r["n"] >= 10000]
        if big:
            best = min(big, key=lambda r: r["build_s"])
            mem = best["peak_sampled_mb"] or best["peak_bound_mb"]
            targets.append(("extraction of 10,000 articles < 10 s wall, both cores",
                            f"{best['build_s']:.1f} s (jobs {best['jobs']}; {best['process_s']:.1f} s with start-up)",
                            _met(best["jobs"] >= 2 and best["build_s"] < TARGET_EXTRACT_10K_S)))
            targets.append(("extraction peak memory < 1.5 GB (10,000 articles)", f"{mem:.0f} MB (jobs {best['jobs']})",
                            _met(mem < TARGET_EXTRACT_MEM_MB)))
        largest = max(r["n"] for r in ex["rows"])
        best = min((r for r in ex["rows"] if r["n"] == largest), key=lambda r: r["ratio"])
        targets.append((f"extraction within 10x of its floor (N={largest})",
                        f"{best['ratio']:.0f}x (jobs {best['jobs']}: {best['build_s']:.2f} s vs floor {best['floor_s']:.3f} s)",
                        _met(best["ratio"] <= TARGET_EXTRACT_FLOOR_RATIO)))
        shortfall = best["ratio"] / TARGET_EXTRACT_FLOOR_RATIO
    rn = results.get("run")
    if rn:
        lines += ["## `cantho-analysis run` (5 notebooks)", "",
                  f"Measured {rn['measured']}, load before {rn['load_before']}. Corpus {rn['corpus']}. Wall time of "
                  "the whole `python -m cantho_analysis run --corpus CORPUS --out TMP --jobs J` process (median of "
                  f"{len(rn['floor_s_all'])}). Floor: one process importing papermill and executing 5 trivial "
                  "notebooks (`import pandas, seaborn, matplotlib, cantho_analysis`) sequentially, "
                  f"median {rn['floor_s']:.1f} s (runs: {', '.join(f'{w:.1f}' for w in rn['floor_s_all'])}), plus, "
                  "for a synthetic corpus, the extraction floor of that corpus.", "",
                  "| N | jobs | run wall s | runs | floor s | run / floor |", "|---:|---:|---:|---|---:|---:|"]
        for r in rn["rows"]:
            n = r.get("n", 5)
            lines.append(f"| {n} | {r['jobs']} | {r['wall_s']:.1f} | {', '.join(f'{w:.1f}' for w in r['wall_s_all'])} | "
                         f"{r.get('floor_s', rn['floor_s']):.1f} | {r['ratio']:.2f}x |")
            if n == 5:
                targets.append((f"`run --jobs {r['jobs']}` on the seeds within 1.5x of its floor", f"{r['ratio']:.2f}x",
                                _met(r["ratio"] <= TARGET_RUN_FLOOR_RATIO)))
            if n >= 10000 and r["jobs"] >= 2:
                targets.append((f"`run --jobs {r['jobs']}` on {n:,} articles within 3 minutes", f"{r['wall_s']:.0f} s",
                                _met(r["wall_s"] <= TARGET_RUN_10K_S)))
        lines.append("")
    im = results.get("import")
    if im:
        lines += ["## Import time of `cantho_analysis`", "",
                  f"Measured {im['measured']}, load before {im['load_before']}; medians of {im['repeat']}.", "",
                  "| measure | seconds |", "|---|---:|",
                  f"| `python -X importtime -c 'import cantho_analysis'` (cumulative of the package) | {_f(im['importtime_s'])} |",
                  f"| wall `python -c 'import cantho_analysis'` | {im['import_s']:.2f} |",
                  f"| wall `python -c 'pass'` | {im['pass_s']:.2f} |",
                  f"| difference | {im['delta_s']:.2f} |", ""]
    js = results.get("jsonschema")
    if js:
        names = list(js["variants"])
        lines += ["## jsonschema format-checker cost (rfc3987_syntax)", "",
                  f"Measured {js['measured']}, load before {js['load_before']}; wall-clock median (and minimum) of "
                  f"{js['repeat']} fresh processes, in seconds, the variants interleaved round by round. "
                  "`jsonschema/_format.py` imports `rfc3987` if it can; otherwise it "
                  "imports `rfc3987_syntax`, whose module body builds Lark Earley parsers (one combined and about 25 "
                  "per-rule ones) at import time. Any `import jsonschema` pays it (papermill, nbformat, jupytext, "
                  "nbconvert, nbval), whether or not a format is ever checked. Variants (none changes site-packages): "
                  "*lazy stand-in* = a `sitecustomize.py` on PYTHONPATH puts a stand-in `rfc3987_syntax` in "
                  "`sys.modules` that imports the real one on the first IRI check; *block* = `sys.modules['rfc3987_syntax'] = None` "
                  "(jsonschema then does not check the `iri`/`iri-reference` formats); *rfc3987* = the GPL-3.0 "
                  "`rfc3987` package pip-installed into a throwaway folder on PYTHONPATH.", "",
                  "| command | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
        labels = [k for k in js["variants"][names[0]] if k not in ("dir", "iri_checked", "backend", "walls")]

        def cell(variant, label):
            text = f"{variant[label]:.2f}"
            if variant.get("walls"):
                text += f" ({min(variant['walls'][label]):.2f})"
            return text

        for label in labels:
            lines.append(f"| `{label}` | " + " | ".join(cell(js["variants"][n], label) for n in names) + " |")
        lines.append("| IRI backend jsonschema loaded | " + " | ".join(js["variants"][n]["backend"] for n in names) + " |")
        lines.append("| `iri` format still checked | " + " | ".join("yes" if js["variants"][n]["iri_checked"] else "no" for n in names) + " |")
        if js.get("rfc3987_error"):
            lines.append(f"\nThe `rfc3987` variant could not be measured: {js['rfc3987_error']}")
        lines += ["", "5 trivial notebooks (`import pandas, seaborn, matplotlib, cantho_analysis`), whole process, "
                  "sequential (jobs 1) or in a 2-process spawn pool (jobs 2, as `run --jobs 2`); median of 3 "
                  "interleaved rounds:", "",
                  "| variant | wall s | runs |", "|---|---:|---|"]
        lines += [f"| {k} | {v:.1f} | {', '.join(f'{w:.1f}' for w in js.get('floor_walls', {}).get(k, []))} |"
                  for k, v in js["floors"].items()]
        if js.get("runs"):
            lines += ["", "`cantho-analysis run` on seeds/ with the lazy stand-in (compare with the run section):", "",
                      "| variant | wall s |", "|---|---:|"]
            lines += [f"| {k} | {v:.1f} |" for k, v in js["runs"].items()]
        lines.append("")
    pr = results.get("profile")
    if pr:
        lines += [f"## Profile: `build_tables` on {pr['n']} articles, jobs 1 (cProfile, top {len(pr['top'])} by tottime)", "",
                  f"Measured {pr['measured']}, load before {pr['load_before']}; total profiled time {pr['total_s']:.1f} s "
                  "(cProfile roughly doubles the run time).", "",
                  "| function | ncalls | tottime s | cumtime s |", "|---|---:|---:|---:|"]
        lines += [f"| `{r['function']}` | {r['ncalls']} | {r['tottime']:.2f} | {r['cumtime']:.2f} |" for r in pr["top"]]
        lines.append("")
    if targets:
        lines += ["## Targets", "", "| target | measured | status |", "|---|---|---|"]
        lines += [f"| {a} | {b} | {c} |" for a, b, c in targets]
        lines.append("")
        if pr and shortfall and shortfall > 1:
            lines += [_why_not(pr, shortfall), ""]
    return "\n".join(lines)


def _why_not(profile: dict, shortfall: float) -> str:
    """Why the extraction targets are not met, in the profile's own numbers; *shortfall* is the
    extraction's ratio to its floor over the target ratio."""
    shares = [r["tottime"] / profile["total_s"] for r in profile["top"]]
    return (f"**Why the extraction targets are not met.** The time is spread over many small rules: in the profile above the "
            f"largest single function takes {shares[0]:.0%} of the profiled time and the top {len(shares)} together "
            f"{sum(shares):.0%}, so no one hot spot is left whose removal would give the missing factor of {shortfall:.1f}. "
            "What was done, what was tried and what is left is in `docs/quality.md` (Speed).")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000], help="corpus sizes (articles)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="--jobs values to measure (default: 1 2)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="repetitions for small measurements (extraction N<=1000, imports, notebooks); default 3")
    parser.add_argument("--run-sizes", type=int, nargs="+", default=[5, 1000, 10000],
                        help="corpus sizes for `run` (5 = the seeds; others synthetic, run with the largest --jobs)")
    parser.add_argument("--run-repeat", type=int, default=1, help="repetitions of each `run` and its floor (default 1)")
    parser.add_argument("--skip-extract", action="store_true", help="skip the extraction section")
    parser.add_argument("--skip-run", action="store_true", help="skip the `run` section")
    parser.add_argument("--skip-import", action="store_true", help="skip the import-time section")
    parser.add_argument("--skip-jsonschema", action="store_true", help="skip the jsonschema section")
    parser.add_argument("--profile", type=int, default=0, metavar="N",
                        help="also cProfile build_tables on N articles (e.g. 1000); default off")
    parser.add_argument("--python", help="Python with the package installed (default: this one, $VIRTUAL_ENV, .venv)")
    parser.add_argument("--workdir", type=Path, help="scratch folder (default: a temporary one, removed at the end)")
    parser.add_argument("--fresh", action="store_true", help="drop earlier results.json sections instead of merging")
    args = parser.parse_args(argv)

    python = find_python(args.python)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="cantho-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results = {}
    if RESULTS_JSON.exists() and not args.fresh:
        results = json.loads(RESULTS_JSON.read_text(encoding="utf-8"))

    def save():
        RESULTS_JSON.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        RESULTS_MD.write_text(render(results), encoding="utf-8")

    log(f"python {python}; scratch {work}")
    try:
        results["machine"] = machine_info(python)
        if not args.skip_import:
            results["import"] = bench_import(python, max(5, args.repeat))
            save()
        if not args.skip_extract:
            results["extraction"] = bench_extraction(python, work, sorted(args.sizes), args.jobs, args.seed, args.repeat)
            save()
        if not args.skip_run:
            results["run"] = bench_run(python, work, args.jobs, args.run_repeat, args.run_sizes, args.seed)
            save()
        if not args.skip_jsonschema:
            results["jsonschema"] = bench_jsonschema(python, work, max(5, args.repeat), with_run=not args.skip_run)
            save()
        if args.profile:
            results["profile"] = bench_profile(python, work, args.profile, args.seed)
            save()
        save()
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    print(RESULTS_MD.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
