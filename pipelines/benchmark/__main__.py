"""`python -m pipelines.benchmark` (`make bench`): full builds of generated corpora, timed.

For each corpus size (default `1,30,small,300`: the seeds, 30 and 300 varied copies, and the
seeds' bytes in 1,000 small files) a full build runs in a child process with a fresh output
folder and Dagster home:

    python -m pipelines.build --input DIR --output OUT --workers N --stats STATS.json

and its wall time, peak RSS and per-stage seconds (from STATS.json) are recorded next to the
throughput of plain `jieba.lcut` over the same text in the same run (over the first 10 MB
when the corpus is larger: `--jieba-sample-mb`). The largest size that ran is built again
with each other worker count (`--workers 1,2`) for the speed-up. A time budget (`--budget-s`,
default 20 minutes) bounds the run: a size projected to overrun what is left is skipped, a
build still running when the budget is spent is killed; both are reported. The table is
printed and everything is written to `.cache/bench/bench.json`.
"""

import argparse
import json
import os
import platform
import shlex
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from pipelines.paths import CACHE_DIR, REPO_ROOT, SEEDS_DIR

from .corpus import SMALL, write_corpus
from .measure import jieba_reference, run_child

DEFAULT_SIZES = "1,30,small,300"
DEFAULT_WORKERS = "1,2"
BUDGET_S = 20 * 60
OUT_PATH = CACHE_DIR / "bench" / "bench.json"


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="python -m pipelines.benchmark", description=__doc__)
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help="e.g. 1,30,300,small")
    parser.add_argument("--workers", default=DEFAULT_WORKERS, help="worker counts, e.g. 1,2")
    parser.add_argument("--budget-s", type=float, default=BUDGET_S)
    parser.add_argument("--seed", type=int, default=0, help="seed of the corpus generator")
    parser.add_argument("--jieba-sample-mb", type=float, default=10.0)
    parser.add_argument("--out", type=Path, default=OUT_PATH)
    parser.add_argument(
        "--build-cmd",
        default=f"{shlex.quote(sys.executable)} -m pipelines.build",
        help="the build command; --input/--output/--workers/--stats are appended",
    )
    args = parser.parse_args(argv)
    report = run_benchmark(
        sizes=[s.strip() for s in args.sizes.split(",") if s.strip()],
        workers=[int(w) for w in args.workers.split(",") if w.strip()],
        build_cmd=shlex.split(args.build_cmd),
        budget_s=args.budget_s,
        seed=args.seed,
        jieba_sample_bytes=int(args.jieba_sample_mb * 1e6),
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(format_report(report))
    print(f"written: {args.out}")
    return report


def run_benchmark(
    *,
    sizes: list[str],
    workers: list[int],
    build_cmd: list[str],
    budget_s: float,
    seed: int = 0,
    jieba_sample_bytes: int | None = None,
    seeds_dir: Path = SEEDS_DIR,
    log: Any = print,
) -> dict[str, Any]:
    """Generate each corpus, build it, measure; then the speed-up on the largest built."""
    deadline = time.monotonic() + budget_s
    runs: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="policy-corpus-bench-") as tmp:
        corpora: dict[str, tuple[Path, list[Path], int]] = {}
        seed_bytes = sum(p.stat().st_size for p in seeds_dir.glob("*.txt"))
        for size in sizes:
            expected = seed_bytes * (1 if size == SMALL else int(size))
            reason = _skip_reason(expected, runs, deadline)
            if reason:  # not even generated: the budget is the point
                runs.append({"size": size, "bytes": expected, "workers": workers[0]})
                runs[-1].update(files=None, status="skipped", reason=reason)
                log(_row(runs[-1]))
                continue
            folder = Path(tmp) / f"corpus-{size}"
            files, size_bytes = write_corpus(size, seeds_dir, folder, seed)
            corpora[size] = (folder, files, size_bytes)
            log(f"corpus {size}: {len(files)} files, {size_bytes / 1e6:.1f} MB")
            jieba = jieba_reference(files, jieba_sample_bytes)
            run = _measured_build(
                size, corpora[size], workers[0], build_cmd, Path(tmp), deadline, runs
            )
            run["jieba_lcut"] = {**vars(jieba), "mb_per_s": round(jieba.mb_per_s, 3)}
            if run.get("mb_per_s") and jieba.mb_per_s:
                run["ratio"] = round(run["mb_per_s"] / jieba.mb_per_s, 4)
                core = _core_mb_per_s(run)
                if core:
                    run["core_ratio"] = round(core / jieba.mb_per_s, 4)
            runs.append(run)
            log(_row(run))
        speedup = _speedup(runs, workers, corpora, build_cmd, Path(tmp), deadline, log)
    return {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "budget_s": budget_s,
        "build_cmd": build_cmd,
        "runs": runs,
        "speedup": speedup,
    }


def _measured_build(
    size: str,
    corpus: tuple[Path, list[Path], int],
    workers: int,
    build_cmd: list[str],
    tmp: Path,
    deadline: float,
    done: list[dict[str, Any]],
) -> dict[str, Any]:
    folder, files, size_bytes = corpus
    run: dict[str, Any] = {"size": size, "files": len(files), "bytes": size_bytes}
    run["workers"] = workers
    left = deadline - time.monotonic()
    projected = _projected_s(size_bytes, done)
    if projected is not None and projected > left:
        return {
            **run,
            "status": "skipped",
            "reason": f"projected {projected:.0f} s > {left:.0f} s left",
        }
    if left <= 0:
        return {**run, "status": "skipped", "reason": "no time left in the budget"}
    label = f"{size}-w{workers}"
    stats_path = tmp / f"stats-{label}.json"
    home = tmp / f"dagster-home-{label}"
    home.mkdir()
    command = [*build_cmd, "--input", str(folder), "--output", str(tmp / f"out-{label}")]
    command += ["--workers", str(workers), "--stats", str(stats_path)]
    env = dict(os.environ, DAGSTER_HOME=str(home), DAGSTER_DISABLE_TELEMETRY="1")
    child = run_child(
        command, env=env, cwd=REPO_ROOT, timeout_s=left, log_path=tmp / f"log-{label}.txt"
    )
    _remove_tree(tmp / f"out-{label}")
    run.update(
        wall_s=round(child.wall_s, 2),
        # killed: its descendants were never reaped by it, so wait4 cannot see them
        peak_rss_mb=None if child.returncode is None else round(child.peak_rss_mb, 1),
        peak_tree_rss_mb=None
        if child.peak_tree_rss_mb is None
        else round(child.peak_tree_rss_mb, 1),
    )
    if child.returncode != 0:
        status = "timeout" if child.returncode is None else "failed"
        return {
            **run,
            "status": status,
            "returncode": child.returncode,
            "output_tail": child.output_tail,
        }
    stats = json.loads(stats_path.read_text(encoding="utf-8")) if stats_path.is_file() else {}
    run.update(
        status="ok",
        mb_per_s=round(size_bytes / 1e6 / child.wall_s, 4),
        stages={k: round(float(v), 3) for k, v in (stats.get("stages") or {}).items()},
        build_stats=stats,
    )
    return run


def _skip_reason(size_bytes: int, done: list[dict[str, Any]], deadline: float) -> str | None:
    """Why a build of this size cannot fit in what is left of the budget, if it cannot."""
    left = deadline - time.monotonic()
    if left <= 1:
        return "no time left in the budget"
    projected = _projected_s(size_bytes, done)
    if projected is not None and projected > left:
        return f"projected {projected:.0f} s > {left:.0f} s left"
    return None


def _projected_s(size_bytes: int, done: list[dict[str, Any]]) -> float | None:
    """Seconds a build of this many bytes should take, scaled from the largest build so far
    (pessimistic: fixed costs are scaled too); None before any build."""
    ok = [r for r in done if r.get("status") == "ok" and r["bytes"] > 0]
    if not ok:
        return None
    largest = max(ok, key=lambda r: r["bytes"])
    return largest["wall_s"] * max(size_bytes / largest["bytes"], 1.0)


def _speedup(
    runs: list[dict[str, Any]],
    workers: list[int],
    corpora: dict[str, tuple[Path, list[Path], int]],
    build_cmd: list[str],
    tmp: Path,
    deadline: float,
    log: Any,
) -> dict[str, Any] | None:
    """The largest size built with the first worker count, built with the others too."""
    ok = [r for r in runs if r.get("status") == "ok"]
    if not ok or len(workers) < 2:
        return None
    base = max(ok, key=lambda r: r["bytes"])
    walls = {str(base["workers"]): base["wall_s"]}
    for count in workers[1:]:
        run = _measured_build(
            base["size"], corpora[base["size"]], count, build_cmd, tmp, deadline, [base]
        )
        runs.append(run)
        log(_row(run))
        if run["status"] == "ok":
            walls[str(count)] = run["wall_s"]
    first = walls[str(workers[0])]
    return {
        "size": base["size"],
        "wall_s": walls,
        "x": {w: round(first / s, 3) for w, s in walls.items() if s},
    }


def _remove_tree(path: Path) -> None:
    import shutil

    shutil.rmtree(path, ignore_errors=True)


_COLUMNS = (
    "size",
    "files",
    "MB",
    "workers",
    "wall s",
    "MB/s",
    "peak RSS MB",
    "peak tree RSS MB",
    "jieba MB/s",
    "ratio",
    "text-core ratio",
    "status",
)


def _core_mb_per_s(run: dict[str, Any]) -> float | None:
    """MB/s of the per-file work alone (stage `files`: every file read, cut, tagged, its facts
    and rows made, summed over workers), without the orchestration, validation and
    publication around it: what the text core would give if everything else cost nothing."""
    seconds = (run.get("stages") or {}).get("files")
    return run["bytes"] / 1e6 / seconds if seconds else None


def _row(run: dict[str, Any]) -> str:
    jieba = run.get("jieba_lcut") or {}
    cells = (
        run["size"],
        run["files"] if run["files"] is not None else "-",
        f"{run['bytes'] / 1e6:.2f}",
        run["workers"],
        run.get("wall_s", "-"),
        run.get("mb_per_s", "-"),
        run.get("peak_rss_mb", "-"),
        run.get("peak_tree_rss_mb", "-"),
        jieba.get("mb_per_s", "-"),
        run.get("ratio", "-"),
        run.get("core_ratio", "-"),
        run["status"] + (f" ({run['reason']})" if run.get("reason") else ""),
    )
    return " | ".join(str(c) for c in cells)


def format_report(report: dict[str, Any]) -> str:
    """The runs as a Markdown table, then the stages of each run and the speed-up."""
    lines = ["| " + " | ".join(_COLUMNS) + " |", "|" + "---|" * len(_COLUMNS)]
    lines += [f"| {_row(run)} |" for run in report["runs"]]
    for run in report["runs"]:
        if run.get("stages"):
            total = sum(run["stages"].values()) or 1.0
            parts = ", ".join(
                f"{k} {v:.1f} s ({100 * v / total:.0f} %)"
                for k, v in sorted(run["stages"].items(), key=lambda kv: -kv[1])
            )
            lines.append(f"stages {run['size']} x{run['workers']}: {parts}")
        phases = (run.get("build_stats") or {}).get("phases")
        if phases:
            timed = ", ".join(f"{k} {v:.1f} s" for k, v in phases.items())
            lines.append(f"phases {run['size']} x{run['workers']}: {timed}")
    if report.get("speedup"):
        s = report["speedup"]
        lines.append(
            f"speed-up at {s['size']}: " + ", ".join(f"{w} workers x{x}" for w, x in s["x"].items())
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
