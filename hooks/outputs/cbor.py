"""The little of CBOR (RFC 8949) that Pagefind's index files use: unsigned and negative integers, text and byte
strings, arrays. Enough to read a Pagefind index and write it back in the same shortest form Pagefind writes
(hooks/outputs/pagefind_compact.py); no maps, tags or floats, which those files do not hold."""

from __future__ import annotations

ARRAY = 4


def head(major: int, n: int) -> bytes:
    """An item's first bytes: its major type and a length or value, in the shortest form."""
    if n < 24:
        return bytes([major << 5 | n])
    for extra, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if n < 1 << (8 * size):
            return bytes([major << 5 | extra]) + n.to_bytes(size, "big")
    raise ValueError(f"{n} is too large for CBOR")


def dumps(value) -> bytes:
    if isinstance(value, int) and not isinstance(value, bool):
        return head(0, value) if value >= 0 else head(1, -1 - value)
    if isinstance(value, str):
        data = value.encode("utf-8")
        return head(3, len(data)) + data
    if isinstance(value, bytes):
        return head(2, len(value)) + value
    if isinstance(value, list):
        return head(ARRAY, len(value)) + b"".join(dumps(item) for item in value)
    raise TypeError(f"Pagefind's files hold no {type(value).__name__}")


def read_head(data: bytes, at: int) -> tuple[int, int, int]:
    """(major type, length or value, where the item's content starts)."""
    major, extra = data[at] >> 5, data[at] & 31
    if extra < 24:
        return major, extra, at + 1
    if extra > 27:
        raise ValueError(f"Indefinite or reserved CBOR item at byte {at}")
    size = 1 << (extra - 24)
    return major, int.from_bytes(data[at + 1:at + 1 + size], "big"), at + 1 + size


def loads(data: bytes, at: int = 0):
    """(the item at `at`, where the next item starts)."""
    major, n, at = read_head(data, at)
    if major == 0:
        return n, at
    if major == 1:
        return -1 - n, at
    if major in (2, 3):
        raw = bytes(data[at:at + n])
        return (raw.decode("utf-8") if major == 3 else raw), at + n
    if major == ARRAY:
        items = []
        for _ in range(n):
            item, at = loads(data, at)
            items.append(item)
        return items, at
    raise ValueError(f"CBOR major type {major} at byte {at} is not one Pagefind writes")


def raw_items(data: bytes, at: int) -> tuple[list[bytes], int]:
    """The items of the array at `at`, each as its own encoded bytes (not decoded), and where the array ends."""
    major, n, at = read_head(data, at)
    if major != ARRAY:
        raise ValueError(f"Expected a CBOR array at byte {at}")
    items = []
    for _ in range(n):
        _, end = loads(data, at)
        items.append(bytes(data[at:end]))
        at = end
    return items, at
