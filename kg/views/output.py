"""Writing output files (pages, pictures) whole or not at all, with errors a user can act on.

A regular file is written to a temporary file beside it and renamed over
the target only once complete, so a full disk or an interrupted run never
leaves a half-written page and never destroys the previous one. Special
files (``/dev/stdout``, a named pipe) are written directly.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from kg.errors import OutputError


def _reason(exc: OSError, path: Path) -> str:
    """Return what went wrong and how to fix it, in words."""
    code = exc.errno
    if code == errno.ENOSPC or code == errno.EDQUOT:
        return f"the disk holding {path.parent} is full: free some space or pass --out on another disk"
    if code in (errno.EACCES, errno.EPERM):
        return f"no permission to write in {path.parent}: pass --out to a folder you can write to"
    if code == errno.EROFS:
        return f"{path.parent} is on a read-only file system: pass --out to a writable folder"
    if code == errno.ENOTDIR or code == errno.EEXIST and not path.parent.is_dir():  # EEXIST: making the folders
        blocker = next((p for p in [path.parent, *path.parent.parents] if p.exists() and not p.is_dir()), None)
        where = f"{blocker} is a file, not a folder" if blocker else "a part of the path is a file, not a folder"
        return f"{where}: pass --out to a path inside a folder"
    if code == errno.EISDIR:
        return f"{path} is a folder: pass --out a file name such as {path / 'graph.html'}"
    if code == errno.ENAMETOOLONG:
        return "the file name is too long: pass a shorter --out"
    return f"{exc.strerror or exc}: pass --out to a writable place"


def cannot_write(path: str | os.PathLike[str], exc: OSError) -> OutputError:
    """Return the error for a failed write to ``path``: what went wrong and the fix, on one line."""
    return OutputError(f"cannot write {path}: {_reason(exc, Path(path))}")


def _mode(out: Path) -> int:
    """Return the permissions the file should get: those of the file it replaces, else the umask's."""
    try:
        return stat.S_IMODE(out.stat().st_mode)
    except OSError:
        mask = os.umask(0o022)
        os.umask(mask)
        return 0o666 & ~mask


def write_output(path: str | os.PathLike[str], data: bytes | str) -> Path:
    """Write ``data`` to ``path`` (creating its folders) whole or not at all; return the path.

    Raises :class:`~kg.errors.OutputError` naming the cause and the fix.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with output_file(path) as fh:
        fh.write(payload)
    return Path(path)


@contextlib.contextmanager
def output_file(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """Give a binary file to write ``path`` through, whole or not at all (see :func:`write_output`): what is
    written goes to a temporary file beside it, renamed over ``path`` only when the block ends without an error;
    any error leaves no partial file and the previous one intact.

    Raises :class:`~kg.errors.OutputError` naming the cause and the fix (a folder, a path under a file, a
    read-only folder, a full disk) for the output's own errors; the block's other errors pass through.
    """
    out = Path(path)
    try:
        if out.is_dir():
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(out))
        if out.exists() and not stat.S_ISREG(out.stat().st_mode):
            with out.open("wb") as direct:  # a device or a pipe: nothing to rename over
                yield direct  # type: ignore[misc]
            return
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
    except OSError as exc:
        raise cannot_write(out, exc) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh  # type: ignore[misc]
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode(out))
        os.replace(tmp, out)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise cannot_write(out, exc) from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
