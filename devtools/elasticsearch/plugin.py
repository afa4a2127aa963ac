"""Build the ``bro-compat`` plugin (``analysis_plugin/``) once per version of its sources.

Each build goes into the cache under a hash of the plugin's sources and the Elasticsearch
version, so checkouts with different plugin sources (branches, worktrees) share one cache
without rebuilding over each other's plugin, and no ``target/`` folder appears in the
checkout.  ``runtime.py`` puts the built module into the home the nodes run from.
"""

from __future__ import annotations

import hashlib
import shutil
import time
from pathlib import Path

from .fetch import cache_dir, es_version, run_maven
from .layout import once

PLUGIN_SOURCE = Path(__file__).resolve().parent / "analysis_plugin"
PLUGIN_NAME = "bro-compat"
PLUGIN_CLASS = "bro.elasticsearch.BroCompatPlugin"


def plugin_sources_hash() -> str:
    """Hash of the plugin's pom and sources, and of the version it is built for."""
    digest = hashlib.sha256(es_version().encode())
    files = [PLUGIN_SOURCE / "pom.xml", *sorted((PLUGIN_SOURCE / "src").rglob("*"))]
    for path in files:
        if path.is_file():
            digest.update(str(path.relative_to(PLUGIN_SOURCE)).encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def plugin_descriptor(version: str) -> str:
    """``plugin-descriptor.properties`` of the plugin, in the format of Elasticsearch 8."""
    return (
        "# Written by devtools/elasticsearch/plugin.py\n"
        "description=Analyzers, filters, search_as_you_type and GET / missing from the "
        "integ-test build (devtools/elasticsearch/analysis_plugin)\n"
        f"version={version}\n"
        f"name={PLUGIN_NAME}\n"
        f"classname={PLUGIN_CLASS}\n"
        "java.version=17\n"
        f"elasticsearch.version={version}\n"
    )


def build_plugin(plugin_hash: str) -> Path:
    """The plugin's module folder (jar and descriptor) for ``plugin_hash``, built if missing."""
    folder = cache_dir() / "plugin" / plugin_hash
    module = folder / PLUGIN_NAME
    once(module.is_dir, folder.parent / ".lock", lambda: build(folder, module))
    return module


def build(folder: Path, module: Path) -> None:
    """Build the plugin with Maven in ``folder``, leaving the module in ``module``."""
    version = es_version()
    print(f"Building the {PLUGIN_NAME} plugin for Elasticsearch {version} ...")
    started = time.monotonic()
    build = folder / "build"
    shutil.rmtree(build, ignore_errors=True)
    shutil.copytree(PLUGIN_SOURCE, build, ignore=shutil.ignore_patterns("target"))
    run_maven(
        ["-f", str(build / "pom.xml"), "package", f"-Des.version={version}"],
        f"build the Elasticsearch plugin in {PLUGIN_SOURCE}",
        folder / "build.log",
    )
    staging = module.with_name(f"{PLUGIN_NAME}.partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    shutil.copy2(build / "target" / f"{PLUGIN_NAME}.jar", staging / f"{PLUGIN_NAME}.jar")
    (staging / "plugin-descriptor.properties").write_text(plugin_descriptor(version))
    staging.rename(module)
    shutil.rmtree(build, ignore_errors=True)
    print(f"Built the plugin in {time.monotonic() - started:.0f} s.")
