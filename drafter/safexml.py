"""Parsing XML from files a user was sent: no entities, no network, bounded depth and size.

Every XML the importers read (.docx parts, Akoma Ntoso) goes through `parse`,
so an entity bomb, an external entity or a deeply nested tree raises
`UnsafeXML` instead of eating memory or reaching out.
"""

from __future__ import annotations

from lxml import etree

MAX_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 256


class UnsafeXML(ValueError):
    """The XML is malformed, too large, too deep, or declares entities."""


_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_comments=True,
)


def parse(data: bytes) -> etree._Element:
    if len(data) > MAX_BYTES:
        raise UnsafeXML(f"XML part of {len(data) // 1_000_000} MB is larger than a resolution can be")
    head = data[:4096]
    if b"<!DOCTYPE" in head or b"<!ENTITY" in data[:65536]:
        raise UnsafeXML("XML declares a DOCTYPE or entities, which documents never need")
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise UnsafeXML(f"malformed XML: {exc}") from exc
    info = root.getroottree().docinfo
    if getattr(info, "doctype", "") or info.internalDTD is not None:  # a UTF-16 part hides from the byte check
        raise UnsafeXML("XML declares a DOCTYPE or entities, which documents never need")
    if _depth(root) > MAX_DEPTH:
        raise UnsafeXML(f"XML nested deeper than {MAX_DEPTH} levels")
    return root


_TOO_DEEP = etree.XPath("boolean(" + "/*" * (MAX_DEPTH + 1) + ")")  # an element below MAX_DEPTH levels


def _depth(root: etree._Element) -> int:
    """MAX_DEPTH + 1 if the tree is nested deeper than MAX_DEPTH, else at most MAX_DEPTH (walked in C)."""
    return MAX_DEPTH + 1 if _TOO_DEEP(root.getroottree()) else MAX_DEPTH
