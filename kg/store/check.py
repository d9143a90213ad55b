"""Store folder hygiene: which folders may be opened as an embedded store, and what an open failure means.

:func:`check_store_folder` runs before the embedded store opens its folder:
a folder with other files in it is refused (the database would be written
among the user's files), a file is refused, a folder left half-made by a
crash is called damaged. :func:`explain_open_error` turns what RocksDB says
when opening fails into the real cause: permissions, another kg process
holding the lock, a full disk, or a damaged store with the way to rebuild it.
"""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

from kg.errors import StoreError

#: Files every Oxigraph (RocksDB) store folder has once it was opened.
_REQUIRED = ("CURRENT", "IDENTITY")
#: Files only a RocksDB folder has: one of them without the required ones means a damaged store.
_ROCKSDB_PREFIXES = ("MANIFEST-", "OPTIONS-", "LOCK", "LOG")
_ROCKSDB_SUFFIXES = (".sst", ".log", ".blob")


def rebuild_hint(path: Path) -> str:
    """Return the advice for a damaged store: move it aside and ingest again."""
    return (f"rebuild it: move it aside (mv {path} {path}.damaged) and run `kg ingest` again over your articles "
            f"with --store {path}")


def looks_like_store(names: list[str]) -> bool:
    """Return True when the file ``names`` of a folder are those of an Oxigraph store."""
    return all(n in names for n in _REQUIRED) and any(n.startswith("MANIFEST-") for n in names)


def _rocksdb_file(name: str) -> bool:
    return name.startswith(_ROCKSDB_PREFIXES) or name.endswith(_ROCKSDB_SUFFIXES)


def check_store_folder(path: Path, *, read_only: bool = False) -> None:
    """Raise :class:`StoreError` unless ``path`` is a store, an empty folder, or (to write) a folder to create."""
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path} is a file, not a store folder; give --store a new or empty folder, or a kg store")
    if not path.exists():
        if read_only:
            raise StoreError(f"no store at {path}: run `kg ingest` first, or pass --store DIR")
        parent = next((p for p in path.absolute().parents if p.exists()), None)
        if parent is not None and not os.access(parent, os.W_OK | os.X_OK):
            raise StoreError(f"permission denied: cannot create the store folder {path} in {parent}; "
                             "choose a --store you can write to")
        return
    try:
        names = os.listdir(path)
    except PermissionError as exc:
        raise StoreError(f"permission denied: cannot read the store folder {path}; fix its permissions "
                         "or choose another --store") from exc
    if not names:
        if read_only:
            raise StoreError(f"no store at {path} (the folder is empty): run `kg ingest` first, or pass --store DIR")
        return
    if not looks_like_store(names):
        if any(_rocksdb_file(n) for n in names):
            raise StoreError(f"the store at {path} is damaged (files of the database are missing); "
                             f"{rebuild_hint(path)}")
        shown = ", ".join(sorted(names)[:3]) + (", ..." if len(names) > 3 else "")
        raise StoreError(f"{path} is not a kg store: it holds other files ({shown}); give --store a new or "
                         "empty folder, so kg does not write its database among your files")
    need = os.R_OK | os.X_OK | (0 if read_only else os.W_OK)
    if not os.access(path, need):
        raise StoreError(f"permission denied: you cannot {'read' if read_only else 'write to'} the store at {path};"
                         " fix its permissions or choose another --store")


def damaged(path: Path, exc: BaseException) -> StoreError | None:
    """Return the error naming the store at ``path`` damaged when ``exc`` is RocksDB finding a corrupt block (a
    checksum that does not match, read as the block is); None for any other error."""
    msg = " ".join(str(exc).split())
    if "Corruption" not in msg and "checksum mismatch" not in msg:
        return None
    return StoreError(f"the store at {path} is damaged ({msg[:200]}); {rebuild_hint(path)}")


def explain_open_error(path: Path, exc: BaseException) -> StoreError:
    """Return the :class:`StoreError` naming the real cause of a failure to open the store at ``path``."""
    msg = " ".join(str(exc).split())
    code = getattr(exc, "errno", None)
    lowered = msg.lower()
    if isinstance(exc, PermissionError) or code in (errno.EACCES, errno.EPERM) or "permission denied" in lowered:
        return StoreError(f"permission denied opening the store at {path} ({msg}); you need read and write access "
                          "to the folder and its files: fix the permissions or choose another --store")
    if code == errno.ENOSPC or "no space left" in lowered:
        return StoreError(f"the disk holding the store at {path} is full ({msg}); free some space and run again")
    if re.search(r"\block\b|/LOCK\b", msg, re.IGNORECASE):  # "lock hold by ...", "While lock file: .../LOCK"
        return StoreError(f"the store at {path} is in use by another kg process (it holds the store's lock); "
                          "wait for it to finish, or use another --store")
    return StoreError(f"the store at {path} is damaged and cannot be opened ({msg[:300]}); {rebuild_hint(path)}")
