"""The Dagster UI as a user opens it: `dagster dev` on this code location, in headless
Chromium (Playwright driving the system's browser), showing the asset graph and a table's
checks, and "Materialize all" on a fresh instance publishing the dataset; and Dagster's state
kept per output folder."""

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from pipelines.paths import REPO_ROOT, SEEDS_DIR, dagster_home_for

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
STARTUP_SECONDS = 240
PUBLISH_SECONDS = 420


def test_each_output_folder_has_its_own_dagster_home(tmp_path):
    a, b = tmp_path / "a" / "dataset", tmp_path / "b" / "dataset"
    assert dagster_home_for(a) != dagster_home_for(b)
    assert dagster_home_for(a) == dagster_home_for(str(a) + "/")
    assert dagster_home_for("outputs") == dagster_home_for(REPO_ROOT / "outputs")
    config = (dagster_home_for(a) / "dagster.yaml").read_text(encoding="utf-8")
    assert "enabled: false" in config
    for home in (dagster_home_for(a), dagster_home_for(b)):
        shutil.rmtree(home)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_server(url: str, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"dagster dev exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/server_info", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(1)
    pytest.fail(f"dagster dev did not answer in {STARTUP_SECONDS}s:\n{log.read_text()[-3000:]}")


def _stop(proc: subprocess.Popen) -> None:
    """Stop dagster dev and everything it started (its own process group)."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=30)
    with contextlib.suppress(ProcessLookupError):  # the code servers it started, if any linger
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


@pytest.mark.slow
@pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="no Chromium at /usr/bin/chromium (apt-get install chromium; .ci/run does)",
)
def test_the_ui_shows_the_asset_graph_and_a_tables_checks(tmp_path):
    from playwright.sync_api import sync_playwright

    inputs, outputs, home = tmp_path / "input", tmp_path / "output", tmp_path / "dagster_home"
    inputs.mkdir()
    home.mkdir()
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
    seed = min(SEEDS_DIR.glob("*.txt"), key=lambda p: p.stat().st_size)
    shutil.copy(seed, inputs / seed.name)
    port, log = _free_port(), tmp_path / "dagster_dev.log"
    env = dict(
        os.environ,
        DAGSTER_HOME=str(home),
        DAGSTER_DISABLE_TELEMETRY="1",
        POLICY_CORPUS_INPUT=str(inputs),
        POLICY_CORPUS_OUTPUT=str(outputs),
    )
    dagster = Path(sys.executable).with_name("dagster")
    command = [str(dagster), "dev", "-m", "pipelines.definitions", "-h", "127.0.0.1"]
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [*command, "-p", str(port)],
            cwd=REPO_ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_for_server(url, proc, log)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS, headless=True
            )
            try:
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                page.goto(f"{url}/locations/pipelines.definitions/asset-groups/dataset")
                _dismiss_welcome(page)
                for asset in ("duckdb_database", "dataset_card", "published_dataset"):
                    page.get_by_text(asset, exact=True).first.wait_for(timeout=60_000)
                page.screenshot(path=str(tmp_path / "asset_graph.png"))
                page.goto(f"{url}/assets/documents?view=checks")
                _dismiss_welcome(page)
                for check in ("documents_expectations", "documents_integrity"):
                    page.get_by_text(check, exact=True).first.wait_for(timeout=60_000)
                page.screenshot(path=str(tmp_path / "documents_checks.png"))
                _materialize_all(page, url, outputs, tmp_path)
            finally:
                browser.close()
    finally:
        _stop(proc)
    assert (tmp_path / "asset_graph.png").stat().st_size > 10_000
    assert (tmp_path / "documents_checks.png").stat().st_size > 10_000
    assert (outputs / "README.md").exists() and (outputs / "parquet" / "documents.parquet").exists()


def _materialize_all(page, url: str, outputs: Path, tmp_path: Path) -> None:
    """On the fresh instance: Lineage, "Materialize all…", every partition, launch; the
    shard partitions are known when the code location loads, so this builds the dataset."""
    page.goto(f"{url}/asset-groups")
    _dismiss_welcome(page)
    page.get_by_role("button", name="Materialize all").first.click()
    page.get_by_role("button", name="All", exact=True).click()
    page.screenshot(path=str(tmp_path / "materialize_all.png"))
    page.get_by_role("button", name=re.compile(r"^Launch (backfill|\d+ runs?)$")).click()
    deadline = time.monotonic() + PUBLISH_SECONDS
    while not (outputs / "README.md").exists():
        assert time.monotonic() < deadline, "Materialize all did not publish the dataset"
        time.sleep(2)
    page.goto(f"{url}/runs")
    page.get_by_text("Success").first.wait_for(timeout=60_000)
    page.screenshot(path=str(tmp_path / "runs.png"))


def _dismiss_welcome(page) -> None:
    """Dagster greets a new browser with a newsletter dialog; skip it when it shows."""
    skip = page.get_by_role("button", name="Skip")
    try:
        skip.wait_for(timeout=5_000)
    except Exception:
        return
    skip.click()
