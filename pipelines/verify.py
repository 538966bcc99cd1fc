"""`python -m pipelines.verify` (`make verify`): check a published dataset after the fact.

Every file against `checksums.sha256` and `datapackage.json`, then every expectation again on
the published tables (with `--input`, character conservation against the input files too).
Names every file and expectation that does not match; exits non-zero if any.
"""

import argparse
import sys
from pathlib import Path

from .contract.verify import verify_dataset


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--output", type=Path, default=Path("outputs"), help="the dataset folder")
    parser.add_argument("--input", type=Path, default=None, help="its input folder (optional)")
    args = parser.parse_args(argv)
    result = verify_dataset(args.output, args.input)
    for rel, problem in result.files:
        print(f"FILE {rel}: {problem}")
    for table, failure in result.failures:
        print(f"EXPECTATION {table}: {failure}")
    evaluated = sum(len(r.outcomes) for r in result.reports)
    if result.ok:
        print(f"{args.output}: every file matches its checksum; {evaluated} expectations met")
        return 0
    print(
        f"{args.output}: {len(result.files)} file problem(s), {len(result.failures)} failed expectation(s)"
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
