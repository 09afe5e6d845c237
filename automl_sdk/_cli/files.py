"""Files the CLI writes: atomically, and never over one of its inputs.

:func:`write_atomically` writes a temporary file in the target's folder, flushes and fsyncs it,
then renames it over the target, so a full disk or a crash leaves the old file as it was and no
partial output. :func:`refuse_overwrites` compares files by identity (device and inode when the
file exists, resolved path when it does not), so another spelling of a path, a symlink or a hard
link to an input is caught as well as the same name.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Sequence

from automl_sdk._cli import common

FileIdentity = tuple[object, ...]


def identity(path: str) -> FileIdentity:
    """What makes ``path`` the file it is: its device and inode, or its resolved path."""
    try:
        status = os.stat(path)
    except OSError:
        return ("path", os.path.normcase(os.path.realpath(path)))
    return ("inode", status.st_dev, status.st_ino)


def refuse_overwrites(
    inputs: Sequence[str], outputs: Sequence[tuple[str, str]], option: str
) -> None:
    """Raise before anything is written if an output is an input or two outputs are one file.

    Args:
        inputs: the input file paths (stdin excluded).
        outputs: ``(input, output)``: each input's name and the path its result goes to.
        option: the option that chose the outputs, for the message (``-o out.json``).

    Raises:
        CLIUsageError: naming the input and output concerned.
    """
    input_by_identity = {identity(path): path for path in inputs}
    written: dict[FileIdentity, str] = {}
    for source, target in outputs:
        key = identity(target)
        if key in input_by_identity:
            raise common.CLIUsageError(
                f"{option}: {target} is the input {input_by_identity[key]}; the CLI never "
                "writes over its input, so choose another output"
            )
        if key in written:
            raise common.CLIUsageError(
                f"{option}: {written[key]} and {source} would both be written to {target}; "
                "rename one of them or translate them separately"
            )
        written[key] = source


def write_atomically(target: str, data: bytes) -> None:
    """Replace ``target`` with ``data`` all at once, keeping its permissions.

    A symlink is followed, so the file it names is replaced and the link stays.

    Raises:
        CLIUsageError: the file cannot be written (``cannot write OUT: No space left on
            device``); ``target`` is then unchanged and no temporary file is left.
    """
    path = os.path.realpath(target)
    try:
        _replace(path, data)
    except OSError as exc:
        raise common.CLIUsageError(f"cannot write {target}: {exc.strerror or exc}") from None


def _replace(path: str, data: bytes) -> None:
    folder, name = os.path.split(path)
    mode = _mode_for(path)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(descriptor, view) :]
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(folder)


def _mode_for(path: str) -> int:
    """The existing file's permissions, or what a new file gets under the umask."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_folder(folder: str) -> None:
    """Make the rename itself durable where the platform allows it (best effort)."""
    with contextlib.suppress(OSError, AttributeError):
        descriptor = os.open(folder or ".", os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
