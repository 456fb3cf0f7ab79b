"""Argon2id key derivation with parameters that travel with each key slot."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from casetracker.domain.errors import KeyFileError

KEY_BYTES = 32
SALT_BYTES = 16
# Ceilings only guard against a slot file crafted to exhaust memory or time; a slot whose
# parameters were lowered fails because the parameters are bound into its associated data.
_MAX_MEMORY_KIB = 4 * 1024 * 1024
_MAX_ITERATIONS = 64
_MAX_LANES = 16


@dataclass(frozen=True, slots=True)
class KdfParams:
    """Argon2id cost: memory in KiB, passes over it, and parallel lanes."""

    memory_kib: int
    iterations: int
    lanes: int

    def __post_init__(self) -> None:
        if not (1 <= self.lanes <= _MAX_LANES):
            raise KeyFileError(f"unsupported Argon2id lanes: {self.lanes}")
        if not (8 * self.lanes <= self.memory_kib <= _MAX_MEMORY_KIB):
            raise KeyFileError(f"unsupported Argon2id memory cost: {self.memory_kib} KiB")
        if not (1 <= self.iterations <= _MAX_ITERATIONS):
            raise KeyFileError(f"unsupported Argon2id iterations: {self.iterations}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "alg": "argon2id",
            "memory_kib": self.memory_kib,
            "iterations": self.iterations,
            "lanes": self.lanes,
        }

    def costs_less_than(self, other: KdfParams) -> bool:
        """True when a guess against these parameters is cheaper than against `other`: less
        memory, or less memory times passes. Lanes are left out: they let the defender's
        cores share one derivation, and cost a guesser nothing."""
        return (self.memory_kib < other.memory_kib
                or self.memory_kib * self.iterations < other.memory_kib * other.iterations)

    def describe(self) -> str:
        return f"{self.memory_kib} KiB, {self.iterations} passes, {self.lanes} lanes"

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> KdfParams:
        if not isinstance(data, dict) or data.get("alg") != "argon2id":
            raise KeyFileError(f"unsupported key derivation: {data.get('alg')!r}")
        try:
            return cls(int(data["memory_kib"]), int(data["iterations"]), int(data["lanes"]))
        except (KeyError, TypeError, ValueError, OverflowError, AttributeError) as exc:
            raise KeyFileError("the key file is damaged (key derivation parameters)") from exc


# Production default: 64 MiB, three passes (OWASP's second Argon2id profile, and above
# RFC 9106's "second recommended option" in passes). Tests use `FAST_INSECURE`.
# Measured on a 2-CPU AMD EPYC laptop-class VM: about 0.2 s a derivation, 4-5 a second with
# both cores busy; that is also roughly what anyone holding a copy of the key file pays per
# guess, with no lockout, so the passphrase's strength is the real defence.
PRODUCTION = KdfParams(memory_kib=64 * 1024, iterations=3, lanes=4)
# The floor below which a slot is refused outside tests (OWASP's minimum Argon2id profile,
# 19 MiB and two passes). A slot between it and `PRODUCTION` (one written by a release with
# a lower default) still opens, and is rewrapped at `PRODUCTION` cost on that unlock.
MINIMUM = KdfParams(memory_kib=19 * 1024, iterations=2, lanes=1)
FAST_INSECURE = KdfParams(memory_kib=8, iterations=1, lanes=1)


def weakest_accepted(own: KdfParams) -> KdfParams:
    """The cheapest slot a vault writing slots at `own` cost opens: `MINIMUM`, unless the
    vault itself writes cheaper slots, which only a test or the self-test's throwaway vault
    is built to do (they pass `FAST_INSECURE` explicitly): those open test slots too."""
    return FAST_INSECURE if own.costs_less_than(MINIMUM) else MINIMUM


def derive_key(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
    """Derive a 32-byte wrapping key from a passphrase or recovery secret."""
    # Imported here: reading the key file (the lock screen's account list) needs `KdfParams`
    # but not `cryptography`, which is slow to load.
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    return Argon2id(
        salt=salt,
        length=KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    ).derive(secret)
