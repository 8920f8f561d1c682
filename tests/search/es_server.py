"""A loopback HTTP server that answers like Elasticsearch 8 (with the X-Elastic-Product header the
official client requires), records every request, and serves canned JSON for searches.

    with loopback_elasticsearch(search_response={...}) as server:
        settings.ELASTICSEARCH_URL = server.url
        ...
        server.requests  # [(method, path, body)]
"""

import contextlib
import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SHARDS = {"total": 1, "successful": 1, "skipped": 0, "failed": 0}


class Cluster:
    """Just enough state for the index lifecycle: indices and one alias."""

    def __init__(self, search_response=None, delay=0.0):
        self.search_response = search_response or {}
        self.delay = delay
        self.indices = {}  # name → set of document ids
        self.aliases = {}  # alias → index name
        self.requests = []
        self.lock = threading.Lock()

    def resolve(self, name):
        return self.aliases.get(name, name)

    def handle(self, method, path, body):
        path, _, query_string = path.partition("?")
        self.requests.append((method, path, body))
        if self.delay:
            time.sleep(self.delay)
        parts = [part for part in path.split("/") if part]
        if path == "/":
            return 200, {"version": {"number": "8.15.0"}, "tagline": "You Know, for Search"}
        if path == "/_search/scroll":
            if method == "DELETE":
                return 200, {"succeeded": True, "num_freed": 1}
            empty = {"total": {"value": 0, "relation": "eq"}, "hits": []}
            return 200, {"_scroll_id": "fini", "_shards": SHARDS, "hits": empty}
        if parts and parts[-1] == "_search" and "scroll=" in query_string:
            documents = sorted(self.indices.get(self.resolve(parts[0]), set()))
            hits = [{"_index": self.resolve(parts[0]), "_id": doc_id, "_score": 1.0} for doc_id in documents]
            total = {"value": len(hits), "relation": "eq"}
            return 200, {"_scroll_id": "page-1", "_shards": SHARDS, "hits": {"total": total, "hits": hits}}
        if path == "/_bulk":
            return 200, self.bulk(body)
        if path == "/_aliases" and method == "POST":
            for action in json.loads(body)["actions"]:
                for verb, target in action.items():
                    if verb == "add":
                        self.aliases[target["alias"]] = target["index"]
                    elif self.aliases.get(target["alias"]) == target["index"]:
                        del self.aliases[target["alias"]]
            return 200, {"acknowledged": True}
        if len(parts) == 2 and parts[0] == "_alias":
            found = {index: {"aliases": {parts[1]: {}}} for alias, index in self.aliases.items() if alias == parts[1]}
            return (200, found) if found else (404, {"error": "alias missing", "status": 404})
        if parts and parts[-1] in ("_search", "_count") and parts[0] != "_search":
            if parts[-1] == "_count":
                return 200, {"count": self.search_response.get("count", 0)}
            return 200, self.search_response
        if len(parts) == 3 and parts[1] == "_doc":
            return self.document(method, self.resolve(parts[0]), parts[2], body)
        if len(parts) == 2 and parts[1] in ("_refresh", "_close", "_open", "_settings"):
            return 200, {"acknowledged": True, "_shards": {"total": 1, "successful": 1, "failed": 0}}
        if len(parts) == 1:
            name = parts[0]
            if method == "PUT":
                self.indices[name] = set()
                return 200, {"acknowledged": True, "shards_acknowledged": True, "index": name}
            if method == "DELETE":
                self.indices.pop(name, None)
                return 200, {"acknowledged": True}
            if method == "HEAD":
                return (200 if name in self.indices else 404), {}
        return 404, {"error": f"not handled: {method} {path}", "status": 404}

    def document(self, method, index, doc_id, body):
        documents = self.indices.setdefault(index, set())
        if method == "DELETE":
            if doc_id not in documents:
                return 404, {"_index": index, "_id": doc_id, "result": "not_found"}
            documents.discard(doc_id)
            return 200, {"_index": index, "_id": doc_id, "result": "deleted", "_shards": {"total": 1, "successful": 1}}
        documents.add(doc_id)
        return 201, {"_index": index, "_id": doc_id, "result": "created", "_shards": {"total": 1, "successful": 1}}

    def bulk(self, body):
        lines = [json.loads(line) for line in body.splitlines() if line.strip()]
        items, position = [], 0
        while position < len(lines):
            (verb, meta), position = next(iter(lines[position].items())), position + 1
            index = self.resolve(meta["_index"])
            if verb in ("index", "create"):
                position += 1
                self.indices.setdefault(index, set()).add(meta["_id"])
                items.append({verb: {"_index": index, "_id": meta["_id"], "status": 201, "result": "created"}})
            else:
                self.indices.setdefault(index, set()).discard(meta["_id"])
                items.append({verb: {"_index": index, "_id": meta["_id"], "status": 200, "result": "deleted"}})
        return {"took": 1, "errors": False, "items": items}


def make_handler(cluster):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def answer(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode("utf-8") if length else ""
            with cluster.lock:
                status, payload = cluster.handle(self.command, self.path, body)
            data = json.dumps(payload).encode("utf-8")
            self.send_response(status)
            self.send_header("X-Elastic-Product", "Elasticsearch")
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(0 if self.command == "HEAD" else len(data)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = answer

    return Handler


@contextlib.contextmanager
def loopback_elasticsearch(search_response=None, delay=0.0):
    cluster = Cluster(search_response, delay)
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(cluster))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    cluster.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield cluster
    finally:
        server.shutdown()
        server.server_close()


def search_bodies(cluster):
    return [json.loads(body) for method, path, body in cluster.requests if re.search(r"/_search$", path)]
