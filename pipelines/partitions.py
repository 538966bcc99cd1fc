"""One dynamic partition per source file, so adding a file processes only that file."""

import dagster as dg

SOURCE_PARTITIONS = "source_files"
source_files = dg.DynamicPartitionsDefinition(name=SOURCE_PARTITIONS)


def sync_partitions(
    instance: dg.DagsterInstance, file_names: list[str]
) -> tuple[list[str], list[str]]:
    """Make the partitions match the input folder: (added, deleted)."""
    current = set(instance.get_dynamic_partitions(SOURCE_PARTITIONS))
    wanted = set(file_names)
    added = sorted(wanted - current)
    deleted = sorted(current - wanted)
    if added:
        instance.add_dynamic_partitions(SOURCE_PARTITIONS, added)
    for key in deleted:
        instance.delete_dynamic_partition(SOURCE_PARTITIONS, key)
    return added, deleted
