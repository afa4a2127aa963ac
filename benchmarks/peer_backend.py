"""Wagtail's Elasticsearch 8 backend, with analysis the project's node can run.

The node (`devtools/elasticsearch`) is Elastic's integration-test build, which lacks the
`analysis-common` module and so the `ngram` and `edge_ngram` token filters that Wagtail's
default index settings declare for autocompletion. This backend declares those two analyzers
without n-grams (folded, lowercased words). Full-text search, which is what the benchmark
compares, uses neither; indexing is a little cheaper than with real n-grams.
"""

from modelsearch.backends.elasticsearch8 import Elasticsearch8SearchBackend

WORDS = {"type": "custom", "tokenizer": "standard", "filter": ["asciifolding", "lowercase"]}


class PeerElasticsearchBackend(Elasticsearch8SearchBackend):
    settings = {
        "settings": {
            "analysis": {"analyzer": {"ngram_analyzer": WORDS, "edgengram_analyzer": WORDS}},
            # One shard, no replica: as the project's own index on this single node.
            "index": {"number_of_shards": 1, "number_of_replicas": 0},
        }
    }


SearchBackend = PeerElasticsearchBackend
