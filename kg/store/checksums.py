"""RocksDB's own block checksums, checked before a store is opened: a damaged data file is named at open.

Oxigraph keeps its indexes in RocksDB table files (``NNNNNN.sst``). Each
block of such a file ends with a checksum RocksDB wrote with it, but RocksDB
checks a block only when a read needs it, so a damaged store used to open
silently and fail somewhere in the middle of a query or an ingest.
:func:`verify_store` reads every block of every table file (the data blocks
through the file's index, the meta blocks through its meta index) and
compares each with its checksum, before the store is opened.

Table files never change once written, so a file is read once: what it was
like when it was found whole (size, modification and change times, inode) is
kept in the store folder (:data:`RECORD`), and later opens read only the
files that are new or were changed since (writing into a file changes its
change time, which no user can set back). Opening a large store costs a
``stat`` per table file; the first open after an ingest reads what the
ingest wrote.

Only the table format Oxigraph writes is read (block-based tables, format
version 2 or later, XXH3 or no checksums); a file in another format, or one
still being written (no footer yet: another process is writing it, or a
crash left it before RocksDB listed it), is left to RocksDB.
"""

from __future__ import annotations

import json
import logging
import os
import struct
from collections.abc import Iterator
from pathlib import Path

log = logging.getLogger(__name__)

#: The file, in the store folder, recording the table files found whole (RocksDB ignores names it did not make).
RECORD = "kg-checked-tables.json"

#: A file changed less than this before the record was written is read again (file times can be as coarse as 2 s).
RACY_NS = 2_000_000_000

_MAGIC = 0x88E241B785F4CFF7   # kBlockBasedTableMagicNumber
_FOOTER = 53                  # checksum type, two block handles padded to 40 bytes, format version, magic
_TRAILER = 5                  # after each block: compression type, checksum
_XXH3, _NO_CHECKSUM = 4, 0
_EXTENDED_MAGIC = b"\x3e\x00\x7a\x00"  # format version 6 on
_LZ4 = 4


class Damage(Exception):
    """A block whose checksum does not match (the message says which)."""


def _varint(buf: bytes | memoryview, pos: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        b = buf[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        if not b & 0x80:
            return result, pos
        shift += 7


def _zigzag(n: int) -> int:
    return (n >> 1) ^ -(n & 1)


def _checksum(data: memoryview, last: int) -> int:
    """Return RocksDB's XXH3 block checksum of ``data`` followed by the byte ``last`` (the compression type)."""
    import xxhash

    return (xxhash.xxh3_64_intdigest(data) & 0xFFFFFFFF) ^ ((last * 0x6B9083D9) & 0xFFFFFFFF)


def _block(data: memoryview, offset: int, size: int, kind: str, table: tuple[int, int]) -> memoryview:
    """Return the block at ``offset`` (its stored bytes, maybe compressed) once its checksum is found right.

    ``table`` is the file's checksum type and, from format version 6 on, the
    base of the checksums that also cover each block's place in the file (0:
    none).
    """
    checksum_type, context = table
    end = offset + size
    if offset < 0 or end + _TRAILER > len(data):
        raise Damage(f"its {kind} block at byte {offset} runs past the end of the file")
    if checksum_type == _XXH3:
        want = struct.unpack_from("<I", data, end + 1)[0]
        got = _checksum(data[offset:end], data[end])
        if context:   # RocksDB's ChecksumModifierForContext, added
            got = (got + (context ^ (((offset & 0xFFFFFFFF) + (offset >> 32)) & 0xFFFFFFFF))) & 0xFFFFFFFF
        if got != want:
            raise Damage(f"its {kind} block at byte {offset} does not match its checksum")
    return data[offset:end]


def _contents(block: memoryview, compression: int, kind: str, offset: int) -> memoryview:
    """Return a block's contents uncompressed (index and meta index blocks are read, so they are uncompressed)."""
    if compression == 0:
        return block
    if compression != _LZ4:
        raise _Unreadable(f"compression type {compression}")
    import lz4.block

    size, pos = _varint(block, 0)
    try:
        return memoryview(lz4.block.decompress(bytes(block[pos:]), uncompressed_size=size))
    except lz4.block.LZ4BlockError as exc:
        raise Damage(f"its {kind} block at byte {offset} cannot be uncompressed ({exc})") from exc


class _Unreadable(Exception):
    """A table in a format this module does not read: left to RocksDB."""


def _entries(block: memoryview, *, delta: bool) -> Iterator[tuple[bytes, tuple[int, int]]]:
    """Yield (key, block handle) for each entry of an index block (``delta``: its handles delta-encoded) or of a meta
    index block (its keys are the names of the meta blocks)."""
    if len(block) < 4:
        raise Damage("a block is too short to hold its restart points")
    restarts = struct.unpack_from("<I", block, len(block) - 4)[0] & 0x7FFFFFFF
    limit = len(block) - 4 - 4 * restarts
    if limit < 0:
        raise Damage("a block's restart points run past its start")
    pos, key = 0, b""
    prev: tuple[int, int] | None = None
    while pos < limit:
        shared, pos = _varint(block, pos)
        unshared, pos = _varint(block, pos)
        if not delta:
            _length, pos = _varint(block, pos)
        key = key[:shared] + bytes(block[pos:pos + unshared])
        pos += unshared
        # RocksDB delta-encodes a handle only after a key sharing bytes with the one before (BlockBuilder).
        if not delta or shared == 0 or prev is None:
            offset, pos = _varint(block, pos)
            size, pos = _varint(block, pos)
        else:
            change, pos = _varint(block, pos)
            offset, size = prev[0] + prev[1] + _TRAILER, prev[1] + _zigzag(change)
        prev = (offset, size)
        yield key, prev


def verify_table(path: Path) -> bool:
    """Check every block of the table file ``path`` against its checksum; return False when the file has no footer
    (still being written, or not a table this module reads). Raise :class:`Damage` for a block that does not match."""
    data = memoryview(path.read_bytes())   # one table file at a time (RocksDB's are some 64 MB at most)
    if len(data) < _FOOTER:
        return False
    footer = data[len(data) - _FOOTER:]
    version, magic = struct.unpack_from("<IQ", footer, 41)
    if magic != _MAGIC or not 2 <= version <= 7 or footer[0] not in (_XXH3, _NO_CHECKSUM):
        return False
    try:
        if version >= 6:   # the meta index block ends where the footer starts; the index is listed in it
            if bytes(footer[1:5]) != _EXTENDED_MAGIC:
                raise Damage("its footer is not one RocksDB writes")
            context, meta_size = struct.unpack_from("<II", footer, 9)
            meta_offset = len(data) - _FOOTER - _TRAILER - meta_size
            index_offset = index_size = -1
        else:
            context = 0
            meta_offset, pos = _varint(footer, 1)
            meta_size, pos = _varint(footer, pos)
            index_offset, pos = _varint(footer, pos)
            index_size, pos = _varint(footer, pos)
        table = (footer[0], context)
        meta = _block(data, meta_offset, meta_size, "meta index", table)
        for name, (offset, size) in _entries(_contents(meta, data[meta_offset + meta_size], "meta index",
                                                       meta_offset), delta=False):
            if name == b"rocksdb.index":
                index_offset, index_size = offset, size
            else:
                _block(data, offset, size, "meta", table)
        index = _block(data, index_offset, index_size, "index", table)
        for _, (offset, size) in _entries(_contents(index, data[index_offset + index_size], "index", index_offset),
                                          delta=version >= 4):
            _block(data, offset, size, "data", table)
    except _Unreadable:
        return False
    except (IndexError, struct.error) as exc:
        raise Damage("its index cannot be read") from exc
    return True


def _stamp(st: os.stat_result) -> list[int]:
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]


def _read_record(path: Path) -> dict[str, list[int]]:
    """Return the recorded stamp of each table file found whole, less those whose stamp a change made right after it
    was taken could have left as it was (file times tick in steps: git calls such entries racy)."""
    try:
        known = json.loads((path / RECORD).read_text(encoding="utf-8"))
        written = (path / RECORD).stat().st_mtime_ns
    except (OSError, ValueError):
        return {}
    if not isinstance(known, dict):
        return {}
    return {name: stamp for name, stamp in known.items()
            if isinstance(stamp, list) and len(stamp) == 4 and stamp[2] < written - RACY_NS}


def verify_store(path: Path) -> tuple[str | None, set[str]]:
    """Check the table files of the store folder ``path`` that are new or changed since they were last found whole.

    Return what is wrong with the first damaged one (file and block), or
    None, and the names of the table files there were. Records the files
    found whole.
    """
    known = _read_record(path)
    found: dict[str, list[int]] = {}
    names: set[str] = set()
    checked = 0
    for table in sorted(path.glob("*.sst")):
        if table.name.startswith("bulk-"):
            continue   # a bulk write's file, not RocksDB's until it takes it in under a number of its own
        names.add(table.name)
        try:
            stamp = _stamp(table.stat())
            if known.get(table.name) != stamp:
                if not verify_table(table):
                    continue   # no footer yet: not a file RocksDB lists (yet); left to RocksDB
                checked += 1
                if _stamp(table.stat()) != stamp:
                    continue   # changed while read (a copy under way): read again next time
        except FileNotFoundError:
            continue   # removed by a compaction of another process meanwhile
        except Damage as exc:
            return f"{table.name}: {exc}", names
        found[table.name] = stamp
    if checked or found.keys() != known.keys():
        _save(path, found)
    log.debug("checked %d table file(s) of %s", checked, path)
    return None, names


def record_written(path: Path, before: set[str]) -> None:
    """Record as whole the table files of ``path`` that RocksDB wrote while this process had the store open for
    writing (their names were not there at open: RocksDB never reuses a file number), so the next open does not
    read them again; the files found whole at open stay recorded while they are unchanged."""
    known = _read_record(path)
    found: dict[str, list[int]] = {}
    for table in path.glob("*.sst"):
        if table.name.startswith("bulk-"):
            continue
        try:
            stamp = _stamp(table.stat())
        except FileNotFoundError:
            continue
        if table.name not in before or known.get(table.name) == stamp:
            found[table.name] = stamp
    if found != known:
        _save(path, found)


def _save(path: Path, found: dict[str, list[int]]) -> None:
    """Write the record of the files found whole, atomically; a folder this user cannot write keeps none."""
    record_file = path / RECORD
    tmp = record_file.with_name(f"{RECORD}.{os.getpid()}.tmp")
    try:
        tmp.write_text(json.dumps(found, separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, record_file)
    except OSError:
        log.debug("cannot record the checked table files in %s", path, exc_info=True)
