"""The local executor with one worker: files processed in the build's own process."""

import gc
from pathlib import Path

from pipelines.executor.local import LocalExecutor
from pipelines.executor.tasks import FileTask


def test_one_worker_freezes_what_is_loaded_while_it_maps_then_thaws_it(tmp_path: Path):
    path = tmp_path / "notice.txt"
    path.write_text("关于做好2020年春节期间工作的通知\n各单位：\n请认真做好各项工作。\n", "utf-8")
    assert gc.get_freeze_count() == 0
    executor = LocalExecutor(1)
    seen = []
    for result in executor.map([FileTask(name=path.name, path=str(path))]):
        seen.append((result.status, gc.get_freeze_count()))
    [(status, frozen)] = seen
    assert status == "ok"
    assert frozen > 100_000  # the segmenter's dictionary, the lexicons: out of the collector's way
    assert gc.get_freeze_count() == 0  # thawed once the files are done
