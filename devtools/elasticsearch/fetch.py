"""Fetch Elastic's integ-test build of Elasticsearch from Maven Central and unpack it, once.

Maven does the download (``dependency:copy-dependencies`` of a throw-away pom): it is the
client the machines already have for Maven Central, with its proxy settings and local
repository, and it verifies what it fetches.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
import zipfile
from pathlib import Path

from .layout import EngineError, once

DEFAULT_ES_VERSION = "8.19.21"
DISTRIBUTION = "org.elasticsearch.distribution.integ-test-zip:elasticsearch"
DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.6.1"
FETCH_MARKER = "fetch-complete.json"


def es_version() -> str:
    """The Elasticsearch version to use (``BRO_ES_VERSION`` or the default)."""
    return os.environ.get("BRO_ES_VERSION", DEFAULT_ES_VERSION)


def cache_dir() -> Path:
    """Cache folder of this Elasticsearch version, outside the repository."""
    base = os.environ.get("BRO_CACHE_DIR") or Path.home() / ".cache" / "bro"
    return Path(base).expanduser() / f"elasticsearch-{es_version()}"


def render_pom(version: str) -> str:
    """A throw-away pom.xml whose only job is to depend on the distribution zip."""
    group, artifact = DISTRIBUTION.split(":")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<project xmlns="http://maven.apache.org/POM/4.0.0">\n'
        "  <modelVersion>4.0.0</modelVersion>\n"
        "  <groupId>local.bro</groupId>\n"
        "  <artifactId>elasticsearch-distribution</artifactId>\n"
        "  <version>1</version>\n"
        "  <packaging>pom</packaging>\n"
        "  <dependencies>\n"
        "    <dependency>\n"
        f"      <groupId>{group}</groupId>\n"
        f"      <artifactId>{artifact}</artifactId>\n"
        f"      <version>{version}</version>\n"
        "      <type>zip</type>\n"
        "    </dependency>\n"
        "  </dependencies>\n"
        "</project>\n"
    )


def run_maven(arguments: list[str], what: str, log: Path) -> None:
    """Run Maven quietly into ``log``; on failure raise with its first error line."""
    mvn = shutil.which("mvn")
    if mvn is None:
        raise EngineError(f"Maven ('mvn') is needed to {what}; install the Debian package maven.")
    command = [mvn, "-q", "-B", "-Dstyle.color=never", *arguments]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    log.write_text(result.stdout + result.stderr)
    if result.returncode != 0:
        lines = [line.strip() for line in log.read_text().splitlines() if line.strip()]
        errors = [line for line in lines if line.startswith("[ERROR]")] or lines or ["no output"]
        raise EngineError(f"Maven failed to {what}: {errors[0]} (full output: {log})")


def unpack(archive_path: Path, target: Path) -> None:
    """Unpack the zip into ``target``, dropping its single top folder, keeping file modes."""
    with zipfile.ZipFile(archive_path) as archive:
        for member in archive.infolist():
            relative = Path(*Path(member.filename).parts[1:])
            if not relative.parts or member.is_dir():
                continue
            path = target / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(member) as source, path.open("wb") as sink:
                shutil.copyfileobj(source, sink)
            mode = (member.external_attr >> 16) & 0o777
            path.chmod(mode or 0o644)


def fetch_distribution() -> Path:
    """Make sure Elasticsearch is unpacked in the cache; return its home folder.

    The first call runs Maven and unpacks the zip; later calls find the marker file.
    """
    cache = cache_dir()
    marker = cache / FETCH_MARKER
    once(marker.is_file, cache / ".fetch.lock", lambda: download_and_unpack(cache, marker))
    return cache / "home"


def download_and_unpack(cache: Path, marker: Path) -> None:
    """Fetch the zip with Maven into ``cache`` and unpack it as ``cache/home``."""
    version = es_version()
    print(f"Fetching Elasticsearch {version} ({DISTRIBUTION}) into {cache} ...")
    started = time.monotonic()
    pom = cache / "pom.xml"
    pom.write_text(render_pom(version))
    download = cache / "download"
    shutil.rmtree(download, ignore_errors=True)
    run_maven(
        ["-f", str(pom), f"{DEPENDENCY_PLUGIN}:copy-dependencies",
         f"-DoutputDirectory={download}", "-DincludeTypes=zip"],
        f"fetch {DISTRIBUTION}:{version}:zip from Maven Central (8.0.0 to "
        f"{DEFAULT_ES_VERSION} exist; BRO_ES_VERSION picks one)",
        cache / "fetch.log",
    )  # fmt: skip
    archives = list(download.glob("*.zip"))
    if len(archives) != 1:
        raise EngineError(f"Expected one zip in {download}, found {archives}.")
    staging = cache / "home.partial"
    shutil.rmtree(staging, ignore_errors=True)
    unpack(archives[0], staging)
    shutil.rmtree(cache / "home", ignore_errors=True)
    staging.rename(cache / "home")
    shutil.rmtree(download, ignore_errors=True)
    marker.write_text(json.dumps({"version": version, "artifact": DISTRIBUTION}) + "\n")
    print(f"Fetched and unpacked Elasticsearch {version} in {time.monotonic() - started:.0f} s")
