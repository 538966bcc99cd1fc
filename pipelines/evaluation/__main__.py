"""`make eval`: run every stage's evaluation against its hand-written fixtures."""

import importlib

STAGES = ("layout", "documents", "facts")


def main() -> None:
    for stage in STAGES:
        print(f"\n=== {stage} ===")
        module = importlib.import_module(f"pipelines.evaluation.{stage}")
        module.main()


if __name__ == "__main__":
    main()
