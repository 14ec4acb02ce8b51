# The pre-commit hook `planlint` (language: python) installs this folder with
# `pip install .`: this placeholder only requires the planlint wheel of the
# same release from PyPI, so the hook installs in seconds without Rust.
# The real Python package is built by maturin from python/pyproject.toml
# (keep any pyproject.toml out of this folder, or pip builds from source).
# PLANLINT_VERSION must equal Cargo.toml's version: .ci/run checks it.
from setuptools import setup

PLANLINT_VERSION = "0.1.0"

setup(
    name="planlint-pre-commit-placeholder",
    version="0.0.0",
    install_requires=[f"planlint=={PLANLINT_VERSION}"],
    packages=[],
    py_modules=[],
)
