"""Configuration: defaults, TOML file, flag overrides, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphbuild.config import Config, load_config
from graphbuild.errors import ConfigError


def test_config_toml_overrides_defaults_and_resolves_paths(tmp_path: Path) -> None:
    cfg = tmp_path / "graphbuild.toml"
    cfg.write_text('corpus = "news"\nworkers = 2\nformats = ["turtle", "trig"]\n', encoding="utf-8")
    config = load_config(cfg)
    assert config.corpus == tmp_path / "news"
    assert config.workers == 2 and config.formats == ("turtle", "trig")


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("wokers = 2\n", "unknown setting 'wokers'"),
        ("workers = 0\n", "workers = 0: expected a whole number >= 1"),
        ('workers = "many"\n', "workers = 'many' is not a valid value"),
        ('formats = ["rdfxml"]\n', "unknown RDF format 'rdfxml'"),
        ("min_confidence = 3\n", "min_confidence = 3.0: expected a number from 0 to 1"),
        ("workers = [\n", "not valid TOML"),
    ],
)
def test_config_bad_value_names_the_setting(tmp_path: Path, toml: str, message: str) -> None:
    cfg = tmp_path / "graphbuild.toml"
    cfg.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(cfg)
    assert message in str(info.value)


def test_config_flags_override_file(tmp_path: Path) -> None:
    config = Config().with_overrides(output=tmp_path, workers=3, model=None)
    assert config.output == tmp_path and config.workers == 3 and config.model == Config().model


def test_config_extraction_settings_reach_the_extractor_and_the_cache_key(tmp_path: Path) -> None:
    from graphbuild.orchestration.extractor import ExtractorSpec

    (tmp_path / "graphbuild.toml").write_text(
        'parse = "full"\nlexicon_layers = ["curated", "petrarch"]\ncompiled_persons = false\n', encoding="utf-8")
    config = load_config(tmp_path / "graphbuild.toml")
    spec = ExtractorSpec.from_config(config)
    # layers in load order; all layers (the default) leave the cache key as it always was
    assert (spec.parse, spec.lexicon_layers, spec.compiled_persons) == ("full", ("petrarch", "curated"), False)
    assert ExtractorSpec.from_config(Config()).lexicon_layers is None
    from graphbuild.orchestration.cache import lexicon_version

    assert lexicon_version(spec.lexicon_layers) != lexicon_version(None)


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('parse = "all"', "parse = 'all': expected one of selective, full"),
        ('lexicon_layers = ["curated", "wordnet"]', "lexicon_layers: unknown layer 'wordnet'"),
        ("compiled_persons = 1", "compiled_persons = 1 is not a valid value"),
    ],
)
def test_config_bad_extraction_setting_names_it(tmp_path: Path, toml: str, message: str) -> None:
    (tmp_path / "graphbuild.toml").write_text(toml + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=message.replace("[", r"\[")):
        load_config(tmp_path / "graphbuild.toml")
