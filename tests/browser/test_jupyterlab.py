"""The notebooks as a researcher uses them: opened from their ``.py`` source in JupyterLab and run.

A JupyterLab server is started on 127.0.0.1 with throwaway config, data and runtime folders
(the ``python3`` kernel still comes from ``sys.prefix``), serving the repository root.  Its
settings make jupytext's "Jupytext Notebook" the default viewer of ``.py`` files (what
``jupytext-config set-default-viewer python`` writes), turn autosave off, and stop the news and
update checks.  Each notebook is opened at ``/lab/tree/notebooks/NN_name.py``, its stored
outputs are cleared (Edit menu), then it is run with Run → Run All Cells; the rendered cells
are then checked and a screenshot saved to ``test-artifacts/jupyterlab_NN_name.png``.  Nothing is
saved: the last test stops the server and checks that no file under ``notebooks/`` changed.

``CANTHO_LAB_ROOT`` serves another checkout instead of this one (it needs ``notebooks/``,
``seeds/``, ``tests/fixtures/`` and ``pyproject.toml``).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import hashlib
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from cantho_analysis import config

pytestmark = pytest.mark.browser

LAB_ROOT = Path(os.environ.get("CANTHO_LAB_ROOT") or config.REPO_DIR).resolve()
SOURCES = sorted((LAB_ROOT / "notebooks").glob("[0-9][0-9]_*.py"))
FIGURE_CALL = re.compile(r"\bfigures\.(save|share_barplot)\(")
ERROR_TEXT = re.compile(r"Traceback \(most recent call last\)|^\w*(Error|Exception)\b|\bError: ", re.M)

LAB_SETTINGS = {
    # What `jupytext-config set-default-viewer python` writes, plus no autosave: the notebooks are
    # run here but must never be written back.
    "@jupyterlab/docmanager-extension:plugin": {"defaultViewers": {"python": "Jupytext Notebook"}, "autosave": False},
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
    # Every cell in the DOM (the default lets the browser skip rendering off-screen cells).
    "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"},
}

START_TIMEOUT = 120
OPEN_TIMEOUT = 120
RUN_TIMEOUT = 400

_STATE_JS = """() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  const dialogs = [...document.querySelectorAll('.jp-Dialog')].map(d => d.innerText.slice(0, 2000));
  const editor = document.querySelector('#jp-main-dock-panel .jp-FileEditor:not(.lm-mod-hidden)');
  if (!panel) return {panel: false, dialogs, editor: !!editor};
  const q = (sel) => [...panel.querySelectorAll(sel)];
  return {
    panel: true, dialogs, editor: !!editor,
    cells: q('.jp-Notebook .jp-Cell').length,
    code: q('.jp-Notebook .jp-CodeCell').length,
    prompts: q('.jp-CodeCell .jp-InputArea-prompt').map(e => e.textContent.trim()),
    outputs: q('.jp-OutputArea-output').length,
    indicator: q('.jp-Notebook-ExecutionIndicator').map(e => e.getAttribute('data-status')),
    kernel: q('.jp-Toolbar-kernelName').map(e => e.textContent.trim()),
    statusbar: (document.querySelector('#jp-main-statusbar') || {}).textContent || '',
  };
}"""

_RESULTS_JS = """() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  const q = (sel) => [...panel.querySelectorAll(sel)];
  return {
    errors: q('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]').map(e => e.textContent.slice(0, 500)),
    stderr: q('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').map(e => e.textContent.slice(0, 2000)),
    stdout: q('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stdout"]').map(e => e.textContent.slice(0, 200)),
    tables: q('.jp-OutputArea-output.jp-RenderedHTMLCommon table, .jp-OutputArea-output .jp-RenderedHTMLCommon table').length,
    images: q('.jp-RenderedImage img').map(i => ({complete: i.complete, width: i.naturalWidth})),
  };
}"""


# ---------------------------------------------------------------------------- the server


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _tree_state(folder: Path) -> dict:
    """Every file and folder under *folder*: size, mtime and content hash."""
    state = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_dir():
            state[rel + "/"] = "dir"
        else:
            stat = path.stat()
            state[rel] = (stat.st_size, stat.st_mtime_ns, hashlib.sha256(path.read_bytes()).hexdigest())
    return state


class LabServer:
    def __init__(self, home: Path):
        self.home = home
        self.port = _free_port()
        self.token = secrets.token_hex(24)
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = home / "jupyterlab.log"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        dirs = {name: self.home / name for name in ("config", "data", "runtime", "ipython", "mpl", "checkpoints")}
        for folder in dirs.values():
            folder.mkdir(parents=True, exist_ok=True)
        # Read by jupyterlab_server from every config dir: the file jupytext-config writes.
        labconfig = dirs["config"] / "labconfig"
        labconfig.mkdir(exist_ok=True)
        (labconfig / "default_setting_overrides.json").write_text(json.dumps(LAB_SETTINGS, indent=1))
        env = {key: value for key, value in os.environ.items()
               if not key.startswith(("JUPYTER", "JPY_", "JUPYTERLAB_"))}
        env.update(
            JUPYTER_CONFIG_DIR=str(dirs["config"]),
            JUPYTER_DATA_DIR=str(dirs["data"]),
            JUPYTER_RUNTIME_DIR=str(dirs["runtime"]),
            JUPYTERLAB_SETTINGS_DIR=str(dirs["config"] / "lab" / "user-settings"),
            JUPYTERLAB_WORKSPACES_DIR=str(dirs["config"] / "lab" / "workspaces"),
            IPYTHONDIR=str(dirs["ipython"]),
            MPLCONFIGDIR=str(dirs["mpl"]),
            PYTHONUNBUFFERED="1",
        )
        command = [
            sys.executable, "-m", "jupyter", "lab",
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={self.port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={LAB_ROOT}",
            "--LabApp.news_url=None",
            "--LabApp.check_for_updates_class=jupyterlab.handlers.announcements.NeverCheckForUpdate",
            "--LabApp.extension_manager=readonly",
            # Lab makes a checkpoint of every file it opens: keep them out of the repository.
            f"--FileCheckpoints.checkpoint_dir={dirs['checkpoints']}",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.append("--allow-root")
        self.log_file = open(self.log_path, "wb")
        self.process = subprocess.Popen(command, cwd=self.home, env=env, stdin=subprocess.DEVNULL,
                                        stdout=self.log_file, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"jupyter lab exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                self.api("GET", "/api/status")
                self.api("GET", "/lab/api/settings/@jupyterlab/docmanager-extension:plugin")
                return
            except (OSError, urllib.error.URLError):
                time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"jupyter lab did not answer within {START_TIMEOUT} s:\n{self.log_tail()}")

    def api(self, method: str, path: str):
        request = urllib.request.Request(self.base + path, method=method,
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shutdown_sessions(self, path: str) -> None:
        for session in self.api("GET", "/api/sessions") or []:
            if session.get("path") == path:
                self.api("DELETE", f"/api/sessions/{session['id']}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            # Kernels first, through the API, so that even a killed server leaves none behind.
            try:
                for kernel in self.api("GET", "/api/kernels") or []:
                    self.api("DELETE", f"/api/kernels/{kernel['id']}")
            except (OSError, urllib.error.URLError, ValueError):
                pass
            self.process.terminate()
            try:
                # Usually under a second; now and then the server lingers after "Shutting down
                # 5 extensions", so do not wait long before killing it.
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        if getattr(self, "log_file", None) and not self.log_file.closed:
            self.log_file.close()

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


@pytest.fixture(scope="module")
def notebooks_before() -> dict:
    return _tree_state(LAB_ROOT / "notebooks")


@pytest.fixture(scope="module")
def lab(tmp_path_factory, notebooks_before, artifacts_dir):
    server = LabServer(tmp_path_factory.mktemp("jupyterlab"))
    try:
        server.start()
        yield server
    finally:
        server.stop()
        if server.log_path.exists():
            shutil.copy(server.log_path, artifacts_dir / "jupyterlab_server.log")


# ---------------------------------------------------------------------------- helpers


def _expected_cells(source: Path) -> tuple[int, int]:
    import jupytext

    notebook = jupytext.read(source)
    return len(notebook.cells), sum(cell.cell_type == "code" for cell in notebook.cells)


def _wait(page, predicate, timeout: float, what: str, poll_ms: int = 500):
    deadline = time.monotonic() + timeout
    state = None
    while time.monotonic() < deadline:
        state = page.evaluate(_STATE_JS)
        verdict = predicate(state)
        if verdict:
            return state
        page.wait_for_timeout(poll_ms)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}; last state: {state}")


def _menu(page, menu: str, command: str) -> None:
    page.locator(".lm-MenuBar-item", has_text=re.compile(f"^{menu}$")).click()
    item = page.locator(f".lm-Menu-item[data-command='{command}']")
    item.wait_for(state="visible", timeout=10_000)
    item.click()


def _kernel_idle(state) -> bool:
    return (state["indicator"] == ["idle"] and state["kernel"] and "No Kernel" not in state["kernel"]
            and "Idle" in state["statusbar"])


# ---------------------------------------------------------------------------- the tests


@pytest.mark.parametrize("source", SOURCES, ids=[s.stem for s in SOURCES])
def test_notebook_runs_in_jupyterlab(chromium, lab, source, artifacts_dir, page_watcher):
    n_cells, n_code = _expected_cells(source)
    rel = f"notebooks/{source.name}"
    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    log = page_watcher(page, allowed_prefixes=(lab.base + "/", "data:", "blob:", "about:"))
    shot = artifacts_dir / f"jupyterlab_{source.stem}.png"
    try:
        # ?reset: a fresh workspace, so no tab of another test is restored beside this one.
        page.goto(f"{lab.base}/lab/tree/{rel}?reset&token={lab.token}", wait_until="domcontentloaded")

        def opened(state):
            if state["dialogs"]:
                raise AssertionError(f"JupyterLab showed a dialog while opening {rel}:\n" + "\n---\n".join(state["dialogs"]))
            if state["editor"] and not state["panel"]:
                raise AssertionError(f"{rel} opened in the text editor, not as a notebook (default viewer not applied)")
            return state["panel"] and state["cells"] == n_cells and state["code"] == n_code and _kernel_idle(state)

        try:
            _wait(page, opened, OPEN_TIMEOUT, f"{rel} to open as a notebook with an idle kernel")
        except AssertionError:
            page.screenshot(path=str(shot))
            raise

        # The paired .ipynb supplies stored outputs: clear them so every output checked below
        # comes from this run.
        _menu(page, "Edit", "editmenu:clear-all")
        _wait(page, lambda s: s["outputs"] == 0, 30, "the stored outputs to be cleared")

        _menu(page, "Run", "runmenu:run-all")
        _wait(page, lambda s: any(p == "[*]:" or re.fullmatch(r"\[\d+\]:", p) for p in s["prompts"]), 60,
              "the cells to be queued", poll_ms=100)
        state = _wait(page, lambda s: "[*]:" not in s["prompts"] and _kernel_idle(s), RUN_TIMEOUT,
                      "Run All Cells to finish", poll_ms=1000)
        results = page.evaluate(_RESULTS_JS)

        images = page.locator(".jp-RenderedImage img")
        (images.first if images.count() else page.locator(".jp-CodeCell").last).scroll_into_view_if_needed()
        page.wait_for_timeout(300)
        page.screenshot(path=str(shot))

        failures = [text for text in results["stderr"] if ERROR_TEXT.search(text)] + results["errors"]
        assert not failures, f"{rel}: error output in the notebook:\n" + "\n---\n".join(failures)
        assert state["prompts"] == [f"[{i}]:" for i in range(1, n_code + 1)], \
            f"{rel}: not every code cell ran, in order, in a fresh kernel: {state['prompts']}"
        assert results["tables"] or results["stdout"], f"{rel}: no table and no printed result"
        if FIGURE_CALL.search(source.read_text(encoding="utf-8")):
            assert results["images"], f"{rel}: draws a figure but none is displayed"
            assert all(i["complete"] and i["width"] > 0 for i in results["images"]), results["images"]
        assert not log.page_errors, f"uncaught exceptions in JupyterLab: {log.page_errors}"
        assert not log.dialogs, log.dialogs
        assert not log.blocked_requests, f"JupyterLab tried to reach the network: {sorted(set(log.blocked_requests))}"
    finally:
        try:
            lab.shutdown_sessions(rel)
        except (OSError, urllib.error.URLError):
            pass
        context.close()


def test_paired_notebooks_open_whatever_their_mtimes(tmp_path):
    """``scripts/sync_notebooks.py`` writes each ``.ipynb`` after its ``.py``, so the ``.ipynb`` is
    the newer file.  jupytext then refuses to open the pair unless both sides give the same text:
    this runs the server's own jupytext contents manager on a copy with the ``.ipynb`` newer."""
    from jupyter_server.services.contents.largefilemanager import AsyncLargeFileManager
    from jupytext.async_contentsmanager import build_async_jupytext_contents_manager_class

    (tmp_path / "notebooks").mkdir()
    shutil.copy(LAB_ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    for source in SOURCES:
        for path in (source, source.with_suffix(".ipynb")):
            shutil.copy(path, tmp_path / "notebooks" / path.name)
        stamp = source.stat().st_mtime
        os.utime(tmp_path / "notebooks" / source.name, (stamp, stamp))
        os.utime(tmp_path / "notebooks" / (source.stem + ".ipynb"), (stamp + 60, stamp + 60))
    manager = build_async_jupytext_contents_manager_class(AsyncLargeFileManager)(root_dir=str(tmp_path))

    async def open_all():
        refused = {}
        for source in SOURCES:
            for name in (source.name, source.stem + ".ipynb"):
                try:
                    await manager.get(f"notebooks/{name}", type="notebook")
                except Exception as exc:  # tornado.web.HTTPError(400) with jupytext's explanation
                    refused[name] = str(exc).split("Differences")[0].strip()[:300]
        return refused

    # Playwright's sync API keeps an event loop running in this thread: use another one.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        refused = pool.submit(asyncio.run, open_all()).result()
    assert not refused, ("JupyterLab (jupytext) refuses to open these paired notebooks once the .ipynb is newer "
                         f"than the .py, because their text representations differ: {refused}")


def test_running_the_notebooks_changed_no_file(lab, notebooks_before):
    """Last in this module: stop the server, then compare notebooks/ with its state before it started."""
    lab.stop()
    after = _tree_state(LAB_ROOT / "notebooks")
    changed = sorted(name for name in set(notebooks_before) | set(after) if notebooks_before.get(name) != after.get(name))
    assert not changed, f"files under {LAB_ROOT / 'notebooks'} changed while JupyterLab ran the notebooks: {changed}"
