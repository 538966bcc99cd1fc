"""`make eval`: run every stage's evaluation against its hand-written fixtures."""

import importlib

from pipelines.paths import CORPUS_DIR

#: the fact fixtures' annotation conventions are checked last (no extractor runs there)
STAGES = ("layout", "documents", "facts", "conventions")


def main() -> None:
    if CORPUS_DIR.is_dir():
        print(f"external corpus: {len(list(CORPUS_DIR.glob('*.txt')))} files")
    else:
        print(
            "external corpus not found (set POLICY_CORPUS_CORPUS_DIR): "
            "its fixtures are skipped, the figures cover the seeds only"
        )
    for stage in STAGES:
        print(f"\n=== {stage} ===")
        module = importlib.import_module(f"pipelines.evaluation.{stage}")
        module.main()


if __name__ == "__main__":
    main()
