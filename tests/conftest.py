"""Shared fixtures: paths, the ../shared data, and one build of the founding example."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
FOUNDING = SHARED / "corpus" / "belarus-nato-balance.txt"
SAMPLE_CORPUS = REPO / "examples" / "corpus"

needs_shared = pytest.mark.skipif(
    not FOUNDING.exists(), reason=f"../shared is not present at {SHARED} (it ships with CI, not with every clone)"
)


@pytest.fixture(scope="session")
def founding_build(tmp_path_factory: pytest.TempPathFactory):
    """Build the founding example once per session (library API, default model)."""
    if not FOUNDING.exists():
        pytest.skip(f"../shared is not present at {SHARED}")
    from graphbuild.build import build
    from graphbuild.config import Config

    out = tmp_path_factory.mktemp("founding")
    return build(Config(corpus=FOUNDING, output=out))


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory: pytest.TempPathFactory):
    """Build the shipped sample corpus once per session."""
    from graphbuild.build import build
    from graphbuild.config import Config

    out = tmp_path_factory.mktemp("sample")
    return build(Config(corpus=SAMPLE_CORPUS, output=out, formats=("turtle", "trig", "nt", "json-ld")))
