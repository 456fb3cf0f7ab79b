from __future__ import annotations

import pytest

from casetracker.domain.errors import PassphrasePolicyError
from casetracker.security.passphrase import MAX_LENGTH, PassphrasePolicy, normalize

policy = PassphrasePolicy()


def test_fifteen_characters_of_plain_words_are_enough() -> None:
    assert policy.check("lemon tree road") == "lemon tree road"


def test_fourteen_characters_are_refused_with_the_count() -> None:
    with pytest.raises(PassphrasePolicyError, match="14 characters"):
        policy.check("lemon tree roa")


def test_no_composition_rules() -> None:
    for accepted in ("all lowercase words here", "ÁRBOL CASA CAMINO", "ключ от двери дома"):
        policy.check(accepted)


def test_length_counts_characters_after_nfkc_not_bytes() -> None:
    fifteen = "ñandú árbol leó"
    assert (len(fifteen), len(fifteen.encode())) == (15, 19)
    assert policy.check(fifteen) == fifteen
    with pytest.raises(PassphrasePolicyError, match="14 characters"):
        policy.check(fifteen[:-1])


def test_nfkc_makes_fullwidth_and_ascii_equal() -> None:
    assert normalize("ｃｏｒｒｅｃｔ") == "correct"
    assert normalize("ﬁle") == "file"


def test_long_passphrases_are_kept_whole_and_too_long_refused() -> None:
    long = "word " * 200
    assert policy.check(long) == long
    with pytest.raises(PassphrasePolicyError, match="at most"):
        policy.check("x y" * MAX_LENGTH)


@pytest.mark.parametrize("common", [
    "correct horse battery staple", "Correct  Horse Battery Staple", "passwordpassword",
    "123456789012345", "ＰＡＳＳＷＯＲＤＰＡＳＳＷＯＲＤ", "correcthorsebatterystaple",
])
def test_blocklisted_passphrases_are_refused(common: str) -> None:
    with pytest.raises(PassphrasePolicyError, match="commonly used"):
        policy.check(common)


@pytest.mark.parametrize("spaced", [
    "password password",            # "passwordpassword" with a space put in
    "pass word pass word",
    "Sunshine Sunshine",
    "1234 5678 9012 345",           # "123456789012345" typed in groups
    "correcthorse batterystaple",   # the spaces of a listed phrase moved
    "correct horsebattery staple",
    "the quick brown fox jumps over thelazy dog",
    "case tracker case tracker",
    "trust no1 trust no1",
    "change\tme change\u00a0me",      # a tab and a no-break space are spaces too
])
def test_blocklisted_passphrases_with_spaces_put_in_or_moved_are_refused(spaced: str) -> None:
    with pytest.raises(PassphrasePolicyError, match="commonly used"):
        policy.check(spaced)


def test_spaces_alone_do_not_make_an_ordinary_passphrase_common() -> None:
    """The spaced-variant check compares without spaces; it must not refuse a phrase whose
    letters merely contain a listed one's."""
    assert policy.check("password password sunflower") == "password password sunflower"


def test_repeated_characters_are_refused() -> None:
    with pytest.raises(PassphrasePolicyError, match="repeats"):
        policy.check("abababababababab")


def test_account_name_is_refused() -> None:
    with pytest.raises(PassphrasePolicyError, match="account name"):
        policy.check("maria.gonzalez.cm", context=("Maria.Gonzalez.CM",))


def test_programs_may_raise_the_minimum() -> None:
    with pytest.raises(PassphrasePolicyError, match="at least 20"):
        PassphrasePolicy(min_length=20).check("lemon tree road ok")
