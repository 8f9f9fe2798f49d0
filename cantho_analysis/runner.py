"""The main job: extract the tables, execute every notebook with papermill, render the report.

The output folder is built in a temporary sibling folder and swapped into place at the end, so
an interrupted or failed run never leaves a half-written output, and a folder this tool did not
create is never overwritten.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import signal
import tempfile
from pathlib import Path

from . import _lazy_rfc3987, config, parameters
from .files import make_temp_dir

_lazy_rfc3987.install()  # before papermill/nbformat/jupytext pull in jsonschema

MARKER = ".cantho-analysis-output"


class RunError(Exception):
    """A run that cannot start or did not finish; the message says why, on one line."""


def notebook_sources(notebooks_dir: Path = config.NOTEBOOKS_DIR) -> list[Path]:
    """The percent-format notebook sources, in run order (by file name).

    >>> [p.name for p in notebook_sources()][0]
    '01_corpus_overview.py'
    """
    return sorted(notebooks_dir.glob("[0-9][0-9]_*.py"))


def to_notebook(source: Path):
    """The jupytext notebook for *source* (papermill cannot execute ``.py`` directly)."""
    import jupytext

    notebook = jupytext.read(source)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return notebook


def notebook_parameters(source: Path) -> dict:
    """Parameters declared in the notebook's ``parameters`` cell, with their defaults.

    >>> list(notebook_parameters(notebook_sources()[0]))[:2]
    ['corpus_dir', 'data_dir']
    """
    return dict(_declared_parameters(source, source.stat().st_mtime_ns))


@functools.lru_cache(maxsize=None)
def _declared_parameters(source: Path, mtime_ns: int) -> tuple:
    # Cached per file version: converting and inspecting a notebook costs about a second.
    import nbformat
    import papermill as pm

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / (source.stem + ".ipynb")
        nbformat.write(to_notebook(source), path)
        return tuple((name, spec["default"]) for name, spec in pm.inspect_notebook(str(path)).items())


def check_parameters(params: dict) -> dict:
    """All run parameters, typed and checked against their one declaration
    (:mod:`cantho_analysis.parameters`); refuses unknown names (papermill itself only warns)."""
    owned = sorted(set(params) & set(parameters.RUNNER_OWNED))
    if owned:
        raise RunError(f"parameter {owned[0]!r} is set by the runner: pass the corpus with --corpus and the output folder with --out")
    try:
        return parameters.validate(params)
    except ValueError as exc:
        raise RunError(str(exc)) from None


def _prepare_out(out: Path) -> None:
    if out.exists() and not (out / MARKER).exists():
        if out.is_dir() and not any(out.iterdir()):
            return
        raise RunError(f"{out}: exists and is not an output of cantho-analysis (no {MARKER} marker); "
                       "choose another --out or remove it yourself")


def run(corpus_dir: Path, out_dir: Path, params: dict | None = None, log=print, jobs: int = 1, live=None) -> Path:
    """Build every output of the project into *out_dir*.

    ``jobs`` > 1 extracts the corpus in that many processes and executes that many notebooks
    at a time, each in its own kernel; the outputs are the same as one at a time, and *live*, if given, is called about once a second with a
    one-line summary of their progress (:func:`progress_line`).

    Writes ``notebooks/*.ipynb``, ``report/index.html`` with one page per notebook,
    ``data/*.csv|parquet`` and ``figures/*.png|svg``.
    """
    from .notebook import extraction_settings, write_run_tables
    from .pipeline import build_tables

    params = dict(params or {})
    sources = notebook_sources()
    values = check_parameters(params)
    params = {name: values[name] for name in params}  # typed; the notebooks default the rest alike
    corpus_dir, out_dir = Path(corpus_dir).resolve(), Path(out_dir).resolve()
    if not corpus_dir.is_dir():
        raise RunError(f"{corpus_dir}: corpus folder not found (it must be a folder of .txt articles)")
    _prepare_out(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    _remove_abandoned(out_dir)
    tmp = make_temp_dir(out_dir.parent, prefix=f".{out_dir.name}.tmp-{os.getpid()}-")  # 0755 under umask 022, as the output will be
    with _cleanup_on_signal(tmp) as signals:
        log = signals.checked(log)  # every stage starts by checking that no signal came
        try:
            log(f"[1/{len(sources) + 2}] extracting tables from {corpus_dir}")
            settings = extraction_settings(values)
            tables = build_tables(corpus_dir, parameters.extraction_values(values), jobs=jobs)
            write_run_tables(tables, tmp / "data", settings)
            from .output.datapackage import write_datapackage

            write_datapackage(tmp / "data")
            executed = _execute_all(sources, tmp, corpus_dir, params, out_dir, log, jobs, live)
            log(f"[{len(sources) + 2}/{len(sources) + 2}] rendering the HTML report")
            from .output.report import render_report

            render_report(executed, tmp / "report", lang=str(params.get("lang", "en")), territory=str(params.get("territory", "")),
                          merger_date=str(params.get("merger_date", config.DEFAULT_MERGER_DATE)))
            (tmp / MARKER).write_text(json.dumps({"corpus_dir": str(corpus_dir), "parameters": params}, sort_keys=True, indent=1) + "\n")
            signals.check()
            _swap_into_place(tmp, out_dir)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
    return out_dir


def _execute_all(sources, tmp, corpus_dir, params, out_dir, log, jobs: int, live=None) -> list[Path]:
    total = len(sources) + 2
    if jobs <= 1:
        executed = []
        for index, source in enumerate(sources, start=2):
            log(f"[{index}/{total}] executing {source.name}")
            executed.append(_execute(source, tmp, corpus_dir, params, out_dir, progress=True))
        return executed
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    log(f"[2-{total - 1}/{total}] executing {len(sources)} notebooks, {jobs} at a time")
    progress_dir = tmp / ".progress"
    progress_dir.mkdir()
    # Processes, not threads: papermill changes the working directory of the whole process while
    # a notebook runs, so two notebooks in one process would start kernels in each other's folder.
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = [pool.submit(_execute, source, tmp, corpus_dir, params, out_dir, progress=False,
                               progress_file=str(progress_dir / source.stem)) for source in sources]
        pending = set(futures)
        while pending:
            finished, pending = wait(pending, timeout=1.0, return_when=FIRST_COMPLETED)
            for future in finished:
                future.result()  # a failed notebook stops the run now, not after the others
            if live:
                live(progress_line(sources, futures, progress_dir))
    shutil.rmtree(progress_dir, ignore_errors=True)
    return [future.result() for future in futures]


def progress_line(sources: list[Path], futures: list, progress_dir: Path) -> str:
    """One line on the notebooks of a parallel run: done, cells executed so far, or waiting."""
    parts = []
    for source, future in zip(sources, futures):
        name = source.stem.split("_")[0]
        if future.done():
            parts.append(f"{name} done")
            continue
        try:
            done, total = (progress_dir / source.stem).read_text().split()
            parts.append(f"{name} {done}/{total} cells")
        except (OSError, ValueError):
            parts.append(f"{name} waiting")
    return "notebooks: " + " · ".join(parts)


@functools.lru_cache(maxsize=None)
def _ipc_kernel_manager():
    """A kernel manager that talks to its kernel over local IPC sockets: no TCP port is opened,
    and the kernel has no reason to warn that it runs over TCP without encryption."""
    import uuid

    from jupyter_client.manager import AsyncKernelManager
    from traitlets import CaselessStrEnum, default

    class IPCKernelManager(AsyncKernelManager):
        transport = CaselessStrEnum(["tcp", "ipc"], default_value="ipc", config=True)

        @default("ip")
        def _unique_socket_prefix(self):
            # One prefix per kernel: two notebooks running at once must never share sockets.
            return os.path.join(tempfile.gettempdir(), f"cantho-kernel-{uuid.uuid4().hex[:12]}")

    return IPCKernelManager


def _progress_engine() -> str:
    """Register (once per process) a papermill engine that reports each finished cell to a file,
    so the parent of a parallel run can show every notebook's progress on one line."""
    from papermill.engines import NBClientEngine, papermill_engines

    class ProgressEngine(NBClientEngine):
        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, progress_file=None, **kwargs):
            if progress_file:
                total, finished, complete = len(nb_man.nb.cells), [0], nb_man.cell_complete

                def cell_complete(cell, cell_index=None, **more):
                    complete(cell, cell_index=cell_index, **more)
                    finished[0] += 1
                    Path(progress_file).write_text(f"{finished[0]} {total}")

                nb_man.cell_complete = cell_complete
            return super().execute_managed_notebook(nb_man, kernel_name, **kwargs)

    papermill_engines.register("cantho-analysis", ProgressEngine)
    return "cantho-analysis"


def _execute(source: Path, tmp: Path, corpus_dir: Path, params: dict, out_dir: Path, progress: bool = True,
             progress_file: str | None = None) -> Path:
    import nbformat
    import papermill as pm

    (tmp / "notebooks").mkdir(exist_ok=True)  # exist_ok: parallel executions share it
    input_path = tmp / "notebooks" / f".{source.stem}.input.ipynb"
    output_path = tmp / "notebooks" / f"{source.stem}.ipynb"
    nbformat.write(to_notebook(source), input_path)
    declared = notebook_parameters(source)
    # The kernel runs in OUT/notebooks, so output_dir is ".." and data_dir "../data" (the tables
    # extracted once above): the executed notebooks name no temporary folder and are the same
    # from run to run.
    values = {"corpus_dir": str(corpus_dir), "data_dir": "../data", "output_dir": "..", "gold_dir": str(config.GOLD_DIR), **params}
    values = {k: v for k, v in values.items() if k in declared}
    try:
        # The kernel is stopped at once when the notebook is done ("immediate"): its outputs are
        # saved by then, and a polite shutdown makes ipykernel log a KeyboardInterrupt.
        pm.execute_notebook(str(input_path), str(output_path), parameters=values, kernel_name="python3",
                            cwd=str(tmp / "notebooks"), progress_bar=progress, log_output=False,
                            request_save_on_cell_execute=False, engine_name=_progress_engine(),
                            kernel_manager_class=_ipc_kernel_manager(), shutdown_kernel="immediate",
                            progress_file=progress_file)
    except pm.PapermillExecutionError as exc:
        kept = out_dir.parent / f"{out_dir.name}.failed"
        kept.mkdir(exist_ok=True)
        shutil.copy(output_path, kept / output_path.name)
        raise RunError(f"{source.name}: cell {exc.exec_count or exc.cell_index} failed with {exc.ename}: {exc.evalue} "
                       f"(partly executed notebook kept in {kept / output_path.name})") from None
    finally:
        input_path.unlink(missing_ok=True)
    _strip_volatile(output_path)
    return output_path


def _strip_volatile(path: Path) -> None:
    """Drop timings and versions that change on every run, and number the cells (papermill gives
    its injected-parameters cell a random id)."""
    import nbformat

    notebook = nbformat.read(path, as_version=4)
    for index, cell in enumerate(notebook.cells):
        cell.id = f"cell-{index:03d}"
    notebook.metadata.pop("papermill", None)
    notebook.metadata.get("jupytext", {}).pop("text_representation", None)
    for cell in notebook.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            cell.outputs = _coalesced(cell.outputs)
    nbformat.write(notebook, path)


def _coalesced(outputs: list) -> list:
    """*outputs* with consecutive prints to one stream joined: how a kernel splits a cell's
    printing into messages depends on timing, and the saved notebook must not."""
    joined = []
    for output in outputs:
        previous = joined[-1] if joined else None
        if (output.get("output_type") == "stream" and previous is not None and previous.get("output_type") == "stream"
                and previous.get("name") == output.get("name")):
            previous["text"] = "".join(previous["text"]) + "".join(output["text"])
        else:
            joined.append(output)
    return joined


def _swap_into_place(tmp: Path, out: Path) -> None:
    """Replace *out* by *tmp*.  SIGINT/SIGTERM are held back between the two renames, so an
    interruption finds either the old output or the new one in place, never neither."""
    old = out.parent / f".{out.name}.old-{os.getpid()}"
    signals = {signal.SIGINT, signal.SIGTERM}
    signal.pthread_sigmask(signal.SIG_BLOCK, signals)
    try:
        if out.exists():
            out.rename(old)
        tmp.rename(out)
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, signals)
    shutil.rmtree(old, ignore_errors=True)


def _remove_abandoned(out: Path) -> None:
    """Remove temporary siblings of *out* left by runs that were killed outright (SIGKILL, power
    loss): their names carry the process id, and that process no longer exists."""
    for stray in out.parent.glob(f".{out.name}.*-*"):
        parts = stray.name[len(out.name) + 2:].split("-")
        if len(parts) >= 2 and parts[0] in ("tmp", "old") and parts[1].isdigit() and not _alive(int(parts[1])):
            shutil.rmtree(stray, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class _cleanup_on_signal:
    """Turn SIGTERM (and SIGINT, unless it is ignored as under ``nohup``) into KeyboardInterrupt
    so the temporary folder is removed on the way out, and remember that it came: a library that
    swallows the KeyboardInterrupt (a kernel starting, say) cannot let the run go on, because
    :meth:`check` raises it again at the next stage and before the output is swapped in."""

    def __init__(self, tmp: Path):
        self.tmp = tmp
        self.received: list[int] = []

    def __enter__(self):
        def interrupt(signum, frame):
            self.received.append(signum)
            raise KeyboardInterrupt(f"signal {signum}")

        self.previous = {}
        for signum in (signal.SIGTERM, signal.SIGINT):
            current = signal.getsignal(signum)
            if signum == signal.SIGINT and current is not signal.default_int_handler:
                continue  # an inherited ignore (nohup, a background job) is the caller's choice
            try:
                signal.signal(signum, interrupt)
                self.previous[signum] = current
            except ValueError:  # not the main thread: leave handlers alone
                pass
        return self

    def check(self) -> None:
        if self.received:
            raise KeyboardInterrupt(f"signal {self.received[0]}")

    def checked(self, log):
        """*log*, checking first that no signal came."""
        def checked_log(message):
            self.check()
            log(message)
        return checked_log

    def __exit__(self, *exc):
        for signum, handler in self.previous.items():
            signal.signal(signum, handler)
        return False
