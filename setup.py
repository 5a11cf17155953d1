"""Build hook: leave the data build/derive scripts out of the wheel.

All metadata and configuration live in pyproject.toml.  The ``derive*.py``
scripts inside ``*/data`` packages regenerate the shipped data from reference
sources that are not installed; the wheel carries the data they wrote, not them
(setuptools' ``exclude-package-data`` covers data files only, not modules).
"""

from __future__ import annotations

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyWithoutDeriveScripts(build_py):
    def find_package_modules(self, package: str, package_dir: str) -> list[tuple[str, str, str]]:
        modules = super().find_package_modules(package, package_dir)
        if package.endswith(".data"):
            modules = [m for m in modules if not m[1].startswith("derive")]
        return modules


setup(cmdclass={"build_py": BuildPyWithoutDeriveScripts})
