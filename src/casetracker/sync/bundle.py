"""Bundle files: one laptop's run of changes, compressed, encrypted and signed.

Layout: `MAGIC`, the header's length (4 bytes, big-endian), the header (JSON), the
ciphertext, and an Ed25519 signature (64 bytes) over everything before it. The header names
the format, program, laptop, sequence range, schema, the hash of the laptop's previous bundle,
the bundles of other laptops its author had applied (`requires`), the sync key's id and the
nonce; no survivor value. The body (the changes as JSON, zlib-compressed) is encrypted with
AES-256-GCM under the program's sync key, with the header as associated data.

Reading checks, before anything of the body is read: the structure, the name against the
header, the program, the signature (by a laptop this one knows and has not revoked), the sync
key and the schema; then the GCM tag while decrypting. Every refusal is a `BundleRefusedError`
with a message that names the file's problem and no content.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import zlib
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from casetracker.domain.errors import CaseTrackerError
from casetracker.storage.migrations.v011_change_capture import BY_TABLE
from casetracker.storage.sync_repo import Change, Laptop, Program

MAGIC = b"CTSYNC\r\n"
# 2: the body also carries the accounts' signatures (`sync/signatures.py`) and the header the
# laptop's first signed change. A laptop writes its changes from before schema 25 as 1.
FORMAT = 2
UNSIGNED_FORMAT = 1
SIGNATURE_BYTES = 64
NONCE_BYTES = 12
MAX_HEADER_BYTES = 64 * 1024
MAX_BUNDLE_BYTES = 256 * 1024 * 1024
MAX_BODY_BYTES = 1024 * 1024 * 1024
SUFFIX = ".ctsync"
OPS = ("insert", "update", "delete")


class BundleRefusedError(CaseTrackerError):
    """A bundle that will not be applied as it is (damaged, forged, foreign, out of place)."""


class BundleWaitingError(CaseTrackerError):
    """A sound bundle that cannot be applied yet (newer schema, or earlier bundles missing)."""


@dataclass(frozen=True, slots=True)
class Header:
    format: int
    program: str
    laptop: str
    first: int
    last: int
    schema: int
    previous: str  # SHA-256 of the laptop's previous bundle file, '' before its first
    requires: dict[str, int]  # laptop -> last sequence number its author had applied
    key_id: str
    nonce: str
    # A rotated sync key sealed to each remaining laptop (`sync.keys.rotate`), in the bundles
    # of the laptop that rotated it; empty otherwise.
    grant: dict[str, Any] = field(default_factory=dict)
    # The laptop's first change that carries its account's signature (0: not declared, in a
    # bundle written before schema 25).
    signed_from: int = 0

    @property
    def name(self) -> str:
        return bundle_name(self.first, self.last)


def bundle_name(first: int, last: int) -> str:
    return f"{first}-{last}{SUFFIX}"


def file_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# -- the body ------------------------------------------------------------------------------

def _plain(value: Any) -> Any:
    if isinstance(value, bytes):
        return {"$bytes": value.hex()}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _bytes_back(obj: dict[str, Any]) -> Any:
    if set(obj) == {"$bytes"} and isinstance(obj["$bytes"], str):
        return bytes.fromhex(obj["$bytes"])
    return obj


def encode_changes(changes: list[Change]) -> bytes:
    rows = [[c.seq, c.hlc, c.actor, c.table, c.row_id, c.op, c.field, _plain(c.value),
             [list(v) for v in c.replaced]] for c in changes]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _change(row: Any, header: Header) -> Change:
    if not isinstance(row, list) or len(row) != 9:
        raise ValueError("a change has the wrong shape")
    seq, hlc, actor, table, row_id, op, field, value, replaced = row
    ok = (isinstance(seq, int) and header.first <= seq <= header.last and isinstance(hlc, int)
          and hlc >= 0 and (actor is None or isinstance(actor, str)) and table in BY_TABLE
          and isinstance(row_id, str) and op in OPS and isinstance(replaced, list)
          and all(isinstance(v, list) and len(v) == 2 and isinstance(v[0], int)
                  and isinstance(v[1], str) for v in replaced))
    if op == "insert":
        ok = ok and isinstance(value, dict) and field is None
    elif op == "update":
        ok = (ok and isinstance(field, str) and bool(replaced)
              and not isinstance(value, (list, dict)))
    if not ok:
        raise ValueError("a change has the wrong shape")
    return Change(seq, hlc, actor, table, row_id, op, field, value,
                  tuple((int(h), str(laptop)) for h, laptop in replaced))


def decode_changes(body: bytes, header: Header) -> list[Change]:
    return decode_body(body, header)[0]


def decode_body(body: bytes, header: Header) -> tuple[list[Change], list[Any]]:
    """The changes, and the accounts' signatures (format 2; none in format 1)."""
    data = json.loads(body.decode("utf-8"), object_hook=_bytes_back)
    attestations: list[Any] = []
    if header.format >= 2:
        signed = data.get("a") if isinstance(data, dict) else None
        if not isinstance(data, dict) or not isinstance(signed, list):
            raise ValueError("the body is not changes with their signatures")
        data, attestations = data.get("c"), signed
    if not isinstance(data, list):  # a format 2 body's "c" too
        raise ValueError("the body is not a list of changes")
    changes = [_change(row, header) for row in data]
    if [c.seq for c in changes] != sorted({c.seq for c in changes}):
        raise ValueError("the changes are out of order")
    return changes, attestations


# -- writing ---------------------------------------------------------------------------------

def seal(changes: list[Change], *, program: Program, laptop_id: str, signing_key: bytes,
         first: int, last: int, schema: int, previous: str, requires: dict[str, int],
         grant: dict[str, Any] | None = None, attestations: list[Any] | None = None,
         signed_from: int = 1) -> bytes:
    """The bytes of a bundle holding `changes` (sequence numbers `first`..`last`), with
    their accounts' signatures; in format 1 (no signatures) when every change comes before
    the laptop's first signed one (`signed_from`)."""
    nonce = os.urandom(NONCE_BYTES)
    by_accounts = last >= signed_from
    header = Header(FORMAT if by_accounts else UNSIGNED_FORMAT, program.program_id, laptop_id,
                    first, last, schema, previous, dict(sorted(requires.items())),
                    program.key_id, nonce.hex(), dict(grant or {}), signed_from)
    fields = asdict(header)
    if not header.grant:
        del fields["grant"]  # only the bundles of a laptop that rotated the key carry one
    header_bytes = json.dumps(fields, sort_keys=True, separators=(",", ":")).encode()
    plain = encode_changes(changes)
    if by_accounts:
        plain = b'{"c":' + plain + b',"a":' + json.dumps(
            attestations or [], separators=(",", ":")).encode() + b"}"
    body = zlib.compress(plain, 6)
    ciphertext = AESGCM(program.sync_key).encrypt(nonce, body, header_bytes)
    signed = MAGIC + struct.pack(">I", len(header_bytes)) + header_bytes + ciphertext
    return signed + Ed25519PrivateKey.from_private_bytes(signing_key).sign(signed)


# -- reading ---------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Verified:
    """A bundle whose signature, program, key and schema have been checked; body unread."""

    header: Header
    header_bytes: bytes
    ciphertext: bytes
    hash: str


def _header(data: bytes) -> tuple[Header, bytes, bytes]:
    damaged = BundleRefusedError("the file is damaged or incomplete (a half-copied or cut file)")
    if len(data) < len(MAGIC) + 4 + SIGNATURE_BYTES or not data.startswith(MAGIC):
        raise damaged
    (length,) = struct.unpack(">I", data[len(MAGIC):len(MAGIC) + 4])
    start = len(MAGIC) + 4
    if length > MAX_HEADER_BYTES or start + length + SIGNATURE_BYTES > len(data):
        raise damaged
    header_bytes = data[start:start + length]
    try:
        fields = json.loads(header_bytes)
        header = Header(**fields)
        valid = (isinstance(header.format, int) and isinstance(header.first, int)
                 and isinstance(header.last, int) and 1 <= header.first <= header.last
                 and isinstance(header.schema, int) and isinstance(header.requires, dict)
                 and isinstance(header.grant, dict) and isinstance(header.signed_from, int)
                 # Format 2: signed from within or before the bundle. Format 1: wholly
                 # before (or 0: written before schema 25, which declared nothing).
                 and (1 <= header.signed_from <= header.last if header.format >= 2 else
                      header.signed_from == 0 or header.signed_from > header.last)
                 and all(isinstance(k, str) and isinstance(v, int)
                         for k, v in header.requires.items())
                 and all(isinstance(getattr(header, n), str) for n in
                         ("program", "laptop", "previous", "key_id", "nonce")))
    except (ValueError, TypeError):
        raise damaged from None
    if not valid:
        raise damaged
    return header, header_bytes, data[start + length:-SIGNATURE_BYTES]


def verify(data: bytes, *, folder_laptop: str, name: str, program: Program,
           laptop_of: Callable[[str], Laptop | None], schema: int) -> Verified:
    """Check everything but the body's encryption; raise `BundleRefusedError`, or
    `BundleWaitingError` for a sound bundle this laptop cannot read yet."""
    if len(data) > MAX_BUNDLE_BYTES:
        raise BundleRefusedError(f"the file is larger than {MAX_BUNDLE_BYTES // 2**20} MiB")
    header, header_bytes, ciphertext = _header(data)
    if header.format > FORMAT:
        raise BundleWaitingError("it was written by a newer Case Tracker (bundle format "
                                 f"{header.format}); update Case Tracker on this laptop")
    if header.format not in (UNSIGNED_FORMAT, FORMAT):
        raise BundleRefusedError(f"unknown bundle format {header.format}")
    if header.program != program.program_id:
        raise BundleRefusedError("it belongs to another program")
    if header.laptop != folder_laptop or header.name != name:
        raise BundleRefusedError("its name or folder does not match what it holds (a renamed, "
                                 "moved or replayed bundle)")
    laptop = laptop_of(header.laptop)
    if laptop is None:
        raise BundleRefusedError("it is signed by a laptop this one does not know")
    if laptop.revoked_at is not None:
        raise BundleRefusedError("it is signed by a laptop that was revoked")
    try:
        Ed25519PublicKey.from_public_bytes(laptop.verify_key).verify(
            data[-SIGNATURE_BYTES:], data[:-SIGNATURE_BYTES])
    except (InvalidSignature, ValueError):
        raise BundleRefusedError("its signature does not verify (changed, cut or forged)") from None
    if program.key_for(header.key_id) is None and not header.grant:
        raise BundleWaitingError("it is sealed under a sync key this laptop has not been "
                                 "given (a newer key, or one rotated without this laptop)")
    if header.schema > schema:
        raise BundleWaitingError(f"it was written with a newer schema ({header.schema}; this "
                                 f"laptop has {schema}): update Case Tracker on this laptop")
    return Verified(header, header_bytes, ciphertext, file_hash(data))


def open_body(verified: Verified, sync_key: bytes | Program) -> list[Change]:
    """Decrypt, decompress and read the changes of a verified bundle."""
    return open_contents(verified, sync_key)[0]


def open_contents(verified: Verified, sync_key: bytes | Program
                  ) -> tuple[list[Change], list[Any]]:
    """Decrypt, decompress and read the changes of a verified bundle, and the accounts'
    signatures over them (checked by `sync.signatures`)."""
    header = verified.header
    if isinstance(sync_key, Program):  # the key the header names, of those held
        sync_key = sync_key.key_for(header.key_id) or b"\0" * 32
    try:
        body = AESGCM(sync_key).decrypt(bytes.fromhex(header.nonce), verified.ciphertext,
                                        verified.header_bytes)
    except (InvalidTag, ValueError):
        raise BundleRefusedError("it does not decrypt with the program's sync key "
                                 "(changed, or sealed under another key)") from None
    try:
        inflater = zlib.decompressobj()
        plain = inflater.decompress(body, MAX_BODY_BYTES)
        if inflater.unconsumed_tail or not inflater.eof:
            raise ValueError("the body is too large or incomplete")
        return decode_body(plain, header)
    except (ValueError, TypeError, zlib.error, UnicodeDecodeError) as exc:
        raise BundleRefusedError(f"its content is malformed ({exc})") from None
