"""A local Elasticsearch 8 for development and tests: fetch it, add the plugin, run the nodes.

Why this exists: the project needs a real Elasticsearch node on every developer machine and
in CI, but those machines only reach package registries (no Docker, no download site).
Maven Central does carry Elastic's own build of Elasticsearch 8 that Elastic uses for
integration tests (``org.elasticsearch.distribution.integ-test-zip:elasticsearch``), a real
server with only a few modules.  This package fetches it once into a cache outside the
repository, adds the small plugin in ``analysis_plugin/`` (built with Maven), and runs the
nodes in the background, with nothing but the standard library::

    python -m devtools.elasticsearch start [--nodes N] [--base-port P] [--cluster-name NAME]
    python -m devtools.elasticsearch stop [--node K] [--base-port P]
    python -m devtools.elasticsearch status [--base-port P]
    python -m devtools.elasticsearch wait [--nodes N] [--base-port P]
    python -m devtools.elasticsearch clean      # stop every node, delete the state folder

The modules, one job each: ``fetch`` (the distribution from Maven Central), ``plugin`` (the
plugin's build), ``runtime`` (the home the nodes run from: the distribution plus the plugin),
``layout`` (where a node's files go), ``service_user`` (running as root), ``nodes``
(settings, launch, processes, the log), ``health`` (HTTP and waiting), ``commands``, ``cli``.

Version: 8.19.21, the newest 8.x integ-test zip on Maven Central, the same version
docker-compose.yml runs as Elastic's official image; it runs on Java 17 (``ES_JAVA_HOME`` is
taken from ``JAVA_HOME`` or the ``java`` on the PATH).  ``BRO_ES_VERSION`` picks another
version of that zip; the plugin is then compiled against the server jar of that version.

What the integ-test zip lacks, and the plugin (``bro-compat``, installed as a module) adds
under Elasticsearch's own names and parameters: the ``danish``, ``swedish`` and ``english``
analyzers; the ``stemmer`` (for those three languages and ``possessive_english``),
``asciifolding``, configurable ``lowercase`` and ``synonym_graph`` token filters; the
``search_as_you_type`` field type (mapper-extras is not on Maven Central for 8.x); and
``GET /`` (the client's ``info()``).  ``stop``, ``shingle`` and the bare ``lowercase`` filter
are in the server already.  Not available: other analysis-common filters and analyzers, the
synonyms API, reindex, painless scripts, ICU.

Cache (``BRO_CACHE_DIR``, default ``~/.cache/bro``): ``elasticsearch-<version>/`` holds the
unpacked ``home/`` (marker ``fetch-complete.json``) and ``plugin/<hash>/``, one build of the
plugin per hash of its sources, so checkouts with different plugin sources share the cache.

State folder, one rule: as root, ``/var/lib/bro-es/<hash of the checkout's path>/`` (owned by
``bro-es``, mode 0750, with a file ``checkout`` naming the checkout); otherwise
``<checkout>/.services/elasticsearch/``.  Elasticsearch refuses to run as root, so as root
the nodes run as the system user ``bro-es``, which often cannot enter the checkout (``/root``
and ``mktemp -d`` folders are mode 0700); no folder of the user is ever opened up for it.
``make clean`` (``clean``) deletes the state folder.

Layout inside it: node *n* listens for HTTP on ``base_port + n`` (9201 for the default base
9200, which ``ES_BASE_PORT`` changes) and for transport on ``base_port + 100 + n``.  A node's
files go under ``<state>/<base_port>/node-<n>/``: ``engine.pid``, ``engine.log`` (the launcher
JVM's output, the whole of it when a start fails) and ``config/``, ``data/``, ``logs/`` and
``tmp/``.  Every base port has its own folder, so a dev and a test instance run side by side.
``<state>/<base_port>/cluster.json`` records the cluster size and name the data was made
with; ``start`` refuses to reuse it for another size or name.  ``config/elasticsearch.yml`` is
rewritten on every start: it binds to 127.0.0.1, disables security and the disk watermarks.
The nodes run from ``<state>/runtime/elasticsearch-<version>-<plugin hash>/``: the cached
home mirrored with hard links, plus this checkout's plugin build (``bro-es`` can read it there
when the cache under ``/root`` is private).

One JVM per node (plus the small launcher JVM Elasticsearch starts it from), joined into one
cluster through ``discovery.seed_hosts``.  To take one node of three down for a fault test,
run ``stop --node 2``; ``start --nodes 3`` brings it back.  A start that fails prints one
line: what failed, the reason from the node's log, and the command to retry.
"""
