"""The project's plugin carries what the index uses and nothing more (the real test node)."""

import re
import uuid

import pytest
from elasticsearch import BadRequestError

from search.client import get_client
from search.documents import page_index

pytestmark = pytest.mark.elasticsearch


def test_the_node_has_exactly_the_stemmers_the_index_uses():
    filters = page_index("unused", ["a, b"], {"da": ["bro"], "sv": ["bro"]}).to_dict()["settings"][
        "analysis"
    ]["filter"]
    used = {spec["language"] for spec in filters.values() if spec["type"] == "stemmer"}
    name = f"bro-test-stemmers-{uuid.uuid4().hex[:10]}"
    german = {"analysis": {"filter": {"stem": {"type": "stemmer", "language": "german"}}}}
    try:
        with pytest.raises(BadRequestError) as refused:
            get_client().indices.create(index=name, settings=german)
    finally:
        get_client().options(ignore_status=404).indices.delete(index=name)

    supported = re.search(r"supported: \[(.*)\]", refused.value.body["error"]["reason"])[1]
    assert set(supported.split(", ")) == used
