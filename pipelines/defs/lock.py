"""The output lock as a resource: a run that writes the dataset holds the output folder for
its whole duration (the in-process executor opens resources once per run), and refuses to
start while another build holds it, or when the output folder is not a dataset of ours."""

from collections.abc import Iterator
from contextlib import contextmanager

import dagster as dg

from ..store.lock import check_output_folder, mark_output_folder, output_lock
from .resources import CorpusSettings


class OutputLock(dg.ConfigurableResource):
    settings: CorpusSettings

    @contextmanager
    def yield_for_execution(self, context: dg.InitResourceContext) -> Iterator["OutputLock"]:
        output = self.settings.output_path
        check_output_folder(output, self.settings.input_path)
        with output_lock(output, "a Dagster run"):
            mark_output_folder(output)
            yield self
