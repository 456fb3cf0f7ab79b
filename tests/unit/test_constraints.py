"""The exact versions dev.py installs (packaging/constraints.txt) cover every requirement and
satisfy the pyproject's lower bounds, so a refreshed lock cannot silently drop or break one."""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]


def pinned() -> dict[str, Version]:
    versions = {}
    for line in (ROOT / "packaging" / "constraints.txt").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"not an exact pin: {line!r}"
            versions[canonicalize_name(name)] = Version(version)
    return versions


def requirements() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = project["optional-dependencies"]
    return [Requirement(text) for text in
            [*project["dependencies"], *extras["test"], *extras["installer"]]]


def test_every_requirement_is_pinned_within_its_bounds() -> None:
    versions = pinned()
    for requirement in requirements():
        name = canonicalize_name(requirement.name)
        assert name in versions, f"{requirement.name} is not in constraints.txt"
        assert requirement.specifier.contains(versions[name], prereleases=True), (
            f"{requirement.name}=={versions[name]} is outside {requirement.specifier}")


def test_pip_and_the_build_backend_are_pinned_too() -> None:
    assert {"pip", "setuptools"} <= set(pinned())
