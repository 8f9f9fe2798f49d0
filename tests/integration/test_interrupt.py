"""Killing a run part-way leaves the previous complete output in place and no temporary folders."""

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cantho_analysis import config
from cantho_analysis.runner import MARKER, run

pytestmark = pytest.mark.slow


def _digest(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def previous(tmp_path_factory):
    out = tmp_path_factory.mktemp("kill") / "out"
    run(config.SEEDS_DIR, out, log=lambda m: None)
    return out


def _default_sigint() -> None:
    # A suite started as a background job of a non-interactive shell (or under nohup) ignores
    # SIGINT, and a child inherits that; the product rightly keeps an inherited ignore, so the
    # test gives its child the default disposition a terminal user would have.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.fixture(scope="module")
def slow_corpus(tmp_path_factory):
    """600 synthetic articles: extracting them takes seconds, so a signal sent half a second
    after "[1/7]" lands during extraction however fast the machine is (the seeds take less)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_corpus", config.REPO_DIR / "benchmarks" / "make_corpus.py")
    make_corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_corpus)
    return make_corpus.make_corpus(600, tmp_path_factory.mktemp("slow") / "corpus", 0)


def _start(out: Path, corpus: Path = config.SEEDS_DIR) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "cantho_analysis", "run", "--corpus", str(corpus), "--out", str(out)],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
                            preexec_fn=_default_sigint)


def _wait_for(process: subprocess.Popen, marker: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    seen = ""
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        seen += line
        if marker in line:
            return
        if not line and process.poll() is not None:
            break
    raise AssertionError(f"never saw {marker!r}; stderr so far:\n{seen[-2000:]}")


@pytest.mark.parametrize("sig, moment", [
    (signal.SIGTERM, "[1/7]"),  # while extracting the tables (of the slow corpus)
    (signal.SIGTERM, "[2/7]"),  # while the first kernel starts
    (signal.SIGINT, "[3/7]"),  # while a notebook runs
    (signal.SIGTERM, "[5/7]"),
])
def test_interrupted_run_keeps_the_previous_output(previous, slow_corpus, sig, moment):
    before = _digest(previous)
    process = _start(previous, slow_corpus if moment == "[1/7]" else config.SEEDS_DIR)
    _wait_for(process, moment)
    time.sleep(0.5)
    process.send_signal(sig)
    process.communicate(timeout=120)
    assert process.returncode != 0
    assert _digest(previous) == before
    assert (previous / MARKER).exists()
    assert sorted(p.name for p in previous.parent.iterdir() if p.name.startswith(".")) == []


def test_a_run_killed_outright_is_cleaned_up_by_the_next(previous):
    process = _start(previous)
    _wait_for(process, "[2/7]")
    process.kill()  # SIGKILL: no handler runs, the temporary folder stays behind
    process.wait(timeout=30)
    assert [p for p in previous.parent.iterdir() if p.name.startswith(f".{previous.name}.tmp-")]
    run(config.SEEDS_DIR, previous, log=lambda m: None)
    assert [p.name for p in previous.parent.iterdir() if p.name.startswith(".")] == []
    assert os.listdir(previous)
