"""The journal file: a line that names the format, then records, each checked on its own.

    DRAFTER-JOURNAL 1\\n
    record, record, …

A record is a 12-byte header and a payload (UTF-8 JSON): the payload's length, the CRC-32 of the
payload and the CRC-32 of those first eight bytes (all big-endian, unsigned 32 bits). Records are only
ever appended, so damage has two kinds, which reading tells apart:

- torn: the file ends inside the last record (a power cut while it was written; the file system may
  also have filled the unwritten end with zeros). The record is left out; all before it stands.
- damaged: a whole record whose header or payload does not match its checksum. Reading stops there;
  the records before it stand, and what follows is counted but not used.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass, field

MAGIC = b"DRAFTER-JOURNAL 1\n"
HEADER = struct.Struct(">III")
MAX_RECORD = 1 << 30


def frame(payload: bytes) -> bytes:
    """One record: its header and its payload."""
    head = struct.pack(">II", len(payload), zlib.crc32(payload))
    return head + struct.pack(">I", zlib.crc32(head)) + payload


@dataclass
class Reading:
    """What a journal file holds: the payloads of its sound records, where the sound part ends, and what
    stopped the reading (None: the file ends after a whole record)."""

    payloads: list[bytes] = field(default_factory=list)
    end: int = 0  # the offset after the last sound record
    torn: bool = False  # the file ends inside a record
    damaged: int | None = None  # the number (from 0, the start record included) of a record that fails its check
    after: int = 0  # bytes after the damaged record, not read
    unknown_format: bool = False  # the file does not begin with MAGIC


def read(data: bytes) -> Reading:
    out = Reading()
    if not data.startswith(MAGIC):
        if MAGIC.startswith(data) or not data.strip(b"\0"):
            out.torn = bool(data)  # cut off while its first line was written
        else:
            out.unknown_format = True
        return out
    offset = out.end = len(MAGIC)
    size = len(data)
    while offset < size:
        if size - offset < HEADER.size:
            out.torn = True  # cut off inside a header
            break
        length, checksum, head_checksum = HEADER.unpack_from(data, offset)
        if zlib.crc32(data[offset:offset + 8]) != head_checksum or length > MAX_RECORD:
            if data.count(0, offset) == size - offset:
                out.torn = True  # the unwritten end of the file, filled with zeros
                break
            return _damaged(out, data, offset)
        start = offset + HEADER.size
        if start + length > size:
            out.torn = True
            break
        payload = data[start:start + length]
        if zlib.crc32(payload) != checksum:
            return _damaged(out, data, offset)
        out.payloads.append(payload)
        offset = out.end = start + length
    return out


def _damaged(out: Reading, data: bytes, offset: int) -> Reading:
    out.damaged = len(out.payloads)
    out.after = len(data) - offset
    return out
