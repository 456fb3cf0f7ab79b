"""A new recovery key made on one laptop travels: every laptop puts it in place of the old
one, so the old recovery key stops opening any laptop's database and the new one opens each.
A recovery key made by using the old one (a supervisor's recovery) travels too."""

from __future__ import annotations

from pathlib import Path

from casetracker.domain.errors import AuthenticationError
from casetracker.security.kdf import FAST_INSECURE
from casetracker.services import accounts, survivors
from casetracker.services.vault import Vault
from tests.helpers import CASE_MANAGER, SUPERVISOR
from tests.sync.enrolled import enrolled_program
from tests.sync_laptops import Laptop, sync_all, take_in

NEW_PASSPHRASE = "a lantern by the quiet river bend"


def vault_of(laptop: Laptop) -> Vault:
    return Vault(laptop.vault.paths.db, kdf=FAST_INSECURE)


def opens(laptop: Laptop, key: str, name: str = SUPERVISOR) -> str | None:
    """Recover `name` on `laptop` with `key`: the next recovery key, or None if refused."""
    try:
        session, next_key = vault_of(laptop).recover(name, key, NEW_PASSPHRASE)
    except AuthenticationError:
        return None
    session.close()
    return next_key


def test_a_replaced_recovery_key_stops_opening_every_laptop(tmp_path: Path) -> None:
    with enrolled_program(tmp_path, 2) as (a, b):
        take_in(a, "CT-1")
        old = accounts.replace_recovery_key(a.supervisor)
        sync_all([a, b])
        new = accounts.replace_recovery_key(a.supervisor)
        assert new != old
        sync_all([a, b])
        # The old key opens neither laptop; the new one opens the other laptop too.
        assert opens(b, old) is None
        assert opens(a, old) is None
        after = opens(b, new)
        assert after is not None
        # That recovery (a supervisor's) replaced the key on b: the new one travels back.
        sync_all([b, a])
        assert opens(a, new) is None
        assert opens(a, after) is not None
        session = vault_of(b).unlock(SUPERVISOR, NEW_PASSPHRASE)
        assert survivors.get_survivor(session, "CT-1").preferred_name == "Rosa"
        session.close()


def test_a_case_managers_recovery_stays_on_its_laptop(tmp_path: Path) -> None:
    """Only a supervisor's recovery key travels (other laptops accept it from no one else);
    a case manager who used the key on one laptop gets a new key for that laptop only, and
    the program's key keeps working elsewhere."""
    with enrolled_program(tmp_path, 2) as (a, b):
        key = accounts.replace_recovery_key(a.supervisor)
        sync_all([a, b])
        b.case_manager.close()
        own = opens(b, key, CASE_MANAGER)
        assert own is not None
        sync_all([b, a])
        take_in(a, "CT-2")  # b applies more of a's changes (and looks at the key again)
        sync_all([a, b])
        assert opens(a, own, CASE_MANAGER) is None
        assert opens(a, key, CASE_MANAGER) is not None
        assert opens(b, own, CASE_MANAGER) is not None  # not put back by what b had taken
