"""The OpenAPI 3.1 description of the search API, served at `/api/schema/`."""

from knowledge.languages import LANGUAGES

from .documents import FACETS
from .params import MAX_PAGE_SIZE, MAX_QUERY_LENGTH

_facet_parameters = [
    {
        "name": name,
        "in": "query",
        "required": False,
        "description": f"Filter by {name}; repeat the parameter for several values.",
        "schema": {"type": "array", "items": {"type": "string"}},
        "style": "form",
        "explode": True,
    }
    for name in FACETS
]

_error = {
    "description": "A clear message about what was wrong.",
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "properties": {"error": {"type": "string"}},
                "required": ["error"],
            }
        }
    },
}

_result = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "type": {"type": "string", "enum": ["programme", "method"]},
        "url": {"type": "string"},
        "title": {"type": "string"},
        "titles": {
            "type": "object",
            "properties": {lang: {"type": "string"} for lang in LANGUAGES},
        },
        "summary": {"type": "string"},
        "country": {"type": "array", "items": {"type": "string", "enum": ["DK", "SE"]}},
        "original_language": {"type": "string", "enum": list(LANGUAGES)},
        "evidence_level": {"type": "integer", "minimum": 0, "maximum": 6},
        "highlight": {"type": "array", "items": {"type": "string"}},
    },
}

SCHEMA = {
    "openapi": "3.1.0",
    "info": {
        "title": "Bro search API",
        "version": "1",
        "description": "Crime-prevention programmes and methods of Denmark and Sweden, "
        "searched across Danish, Swedish and English.",
    },
    "paths": {
        "/api/search/": {
            "get": {
                "summary": "Search programmes and methods",
                "parameters": [
                    {
                        "name": "q",
                        "in": "query",
                        "description": "Words in any of the three languages; empty lists all.",
                        "schema": {"type": "string", "maxLength": MAX_QUERY_LENGTH},
                    },
                    {
                        "name": "lang",
                        "in": "query",
                        "description": "The reader's language for titles, labels, highlights.",
                        "schema": {"type": "string", "enum": list(LANGUAGES)},
                    },
                    {
                        "name": "sort",
                        "in": "query",
                        "schema": {"type": "string", "enum": ["relevance", "newest", "evidence"]},
                    },
                    {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}},
                    {
                        "name": "page_size",
                        "in": "query",
                        "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
                    },
                    *_facet_parameters,
                ],
                "responses": {
                    "200": {
                        "description": "One page of results, with facet counts.",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "count": {"type": "integer"},
                                        "page": {"type": "integer"},
                                        "results": {"type": "array", "items": _result},
                                        "facets": {
                                            "type": "object",
                                            "additionalProperties": {
                                                "type": "array",
                                                "items": {
                                                    "type": "object",
                                                    "properties": {
                                                        "value": {"type": "string"},
                                                        "label": {"type": "string"},
                                                        "count": {"type": "integer"},
                                                    },
                                                },
                                            },
                                        },
                                        "did_you_mean": {"type": "string"},
                                        "engine_available": {"type": "boolean"},
                                    },
                                    "required": ["count", "page", "results", "facets"],
                                }
                            }
                        },
                    },
                    "400": _error,
                    "404": _error,
                },
            }
        },
        "/api/search/suggest/": {
            "get": {
                "summary": "Titles to complete what has been typed so far",
                "parameters": [
                    {"name": "q", "in": "query", "schema": {"type": "string"}},
                    {
                        "name": "lang",
                        "in": "query",
                        "schema": {"type": "string", "enum": list(LANGUAGES)},
                    },
                ],
                "responses": {
                    "200": {
                        "description": "Up to eight suggestions.",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "suggestions": {
                                            "type": "array",
                                            "items": {
                                                "type": "object",
                                                "properties": {
                                                    "title": {"type": "string"},
                                                    "url": {"type": "string"},
                                                    "type": {"type": "string"},
                                                },
                                            },
                                        }
                                    },
                                }
                            }
                        },
                    },
                    "400": _error,
                },
            }
        },
    },
}
