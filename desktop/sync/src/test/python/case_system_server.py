#!/usr/bin/env python3
# SPDX-License-Identifier: AGPL-3.0-or-later
"""An independent implementation of the case-system sync contract (case-system-api.md, v1).

Written from the contract document alone, in Python's standard library, so that the workstation's client is
proven against a server that shares no code and no assumptions with the bundled Java reference gateway. It
keeps its state in a directory (SQLite registry, content-addressed recordings, documents), survives being
killed at any moment, and injects faults on request: HTTP errors (500, 429 with Retry-After), slow answers,
connections dropped, and a recording chunk of which only a part is stored before the connection dies.

    python3 case_system_server.py --listen 127.0.0.1:8080 --store DIR [--faults FAULTS.json] [--token T]

GET /_report answers what the server holds: records, documents, segments (re-hashed from disk), partial
uploads, duplicate effects and the faults injected; the same report is written to DIR/report.json.

Faults (a JSON list, each rule used at most "times" times after "skip" matching requests):
    {"method": "PUT", "path": "recordings|document|records|receipt|any",
     "action": "status", "status": 500, "retryAfter": "1"}      answer this instead, do nothing
    {"action": "delay", "seconds": 3, "when": "before|after"}     answer late (after: the work is done first)
    {"action": "partial", "fraction": 0.4}                        store part of a chunk, then drop the connection
    {"action": "close"}                                           drop the connection without an answer
"""

import argparse
import base64
import hashlib
import http.server
import json
import os
import re
import socket
import sqlite3
import sys
import threading
import time
import uuid
from datetime import datetime, timezone

SHA = re.compile(r"^[0-9a-f]{64}$")
UUID_RE = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
RANGE = re.compile(r"^bytes (\d+)-(\d+)/(\d+)$")
EMPTY_RANGE = re.compile(r"^bytes \*/0$")
DIGEST = re.compile(r"sha-256=:([A-Za-z0-9+/=]+):")
BLOCK = 1 << 20


def now():
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while True:
            b = f.read(BLOCK)
            if not b:
                break
            h.update(b)
    return h.hexdigest()


def fsync_dir(path):
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(path, data):
    tmp = path + ".tmp-" + uuid.uuid4().hex
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    fsync_dir(os.path.dirname(path))


class Store:
    """The server's state: a SQLite registry plus files; every change is durable before it is answered."""

    def __init__(self, root):
        self.root = root
        self.recordings = os.path.join(root, "recordings")
        self.documents = os.path.join(root, "documents")
        os.makedirs(self.recordings, exist_ok=True)
        os.makedirs(self.documents, exist_ok=True)
        self.lock = threading.RLock()
        self.sha_locks = {}
        self.db = sqlite3.connect(os.path.join(root, "registry.db"), check_same_thread=False, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.executescript("""
            CREATE TABLE IF NOT EXISTS document (record_id TEXT PRIMARY KEY, sha256 TEXT NOT NULL,
                size INTEGER NOT NULL, file TEXT NOT NULL, stored_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS record (record_id TEXT PRIMARY KEY, manifest TEXT NOT NULL,
                receipt TEXT NOT NULL, registered_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS effect (seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, key TEXT NOT NULL,
                at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS answer (seq INTEGER PRIMARY KEY, method TEXT NOT NULL, kind TEXT NOT NULL,
                status INTEGER NOT NULL, at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS fault (seq INTEGER PRIMARY KEY, action TEXT NOT NULL, method TEXT NOT NULL,
                path TEXT NOT NULL, at TEXT NOT NULL);
        """)

    def sha_lock(self, sha):
        with self.lock:
            return self.sha_locks.setdefault(sha, threading.Lock())

    def effect(self, kind, key):
        """A stored object came into being (a 201): exactly one per key is the contract's exactly-once."""
        with self.lock:
            self.db.execute("INSERT INTO effect(kind, key, at) VALUES (?,?,?)", (kind, key, now()))

    def answered(self, method, kind, status):
        with self.lock:
            self.db.execute("INSERT INTO answer(method, kind, status, at) VALUES (?,?,?,?)",
                            (method, kind, status, now()))

    def fault(self, action, method, path):
        with self.lock:
            self.db.execute("INSERT INTO fault(action, method, path, at) VALUES (?,?,?,?)",
                            (action, method, path, now()))

    # recordings

    def recording_state(self, sha):
        done = os.path.join(self.recordings, sha)
        if os.path.exists(done):
            return os.path.getsize(done), True
        part = done + ".part"
        if os.path.exists(part):
            return os.path.getsize(part), False
        return None, False

    def recording_complete(self, sha, size):
        done = os.path.join(self.recordings, sha)
        return os.path.exists(done) and os.path.getsize(done) == size

    # documents and records

    def document(self, record_id):
        with self.lock:
            return self.db.execute("SELECT sha256, size, file FROM document WHERE record_id = ?",
                                   (record_id,)).fetchone()

    def record(self, record_id):
        with self.lock:
            return self.db.execute("SELECT manifest, receipt FROM record WHERE record_id = ?",
                                   (record_id,)).fetchone()

    def report(self, rehash=True):
        """What the server holds; with rehash every stored file is hashed again from disk."""
        with self.lock:
            docs = self.db.execute("SELECT record_id, sha256, size, file FROM document ORDER BY record_id").fetchall()
            recs = self.db.execute("SELECT record_id, manifest, receipt FROM record ORDER BY record_id").fetchall()
            effects = self.db.execute("SELECT kind, key, COUNT(*) FROM effect GROUP BY kind, key").fetchall()
            answers = self.db.execute("SELECT method, kind, status, COUNT(*) FROM answer GROUP BY method, kind, status"
                                      ).fetchall()
            faults = self.db.execute("SELECT action, COUNT(*) FROM fault GROUP BY action").fetchall()
        documents = []
        for record_id, sha, size, path in docs:
            documents.append({"recordId": record_id, "sha256": sha, "size": size,
                              "storedSha256": sha256_file(path) if rehash and os.path.exists(path) else None})
        segments = []
        partial = []
        for name in sorted(os.listdir(self.recordings)):
            path = os.path.join(self.recordings, name)
            if name.endswith(".part"):
                partial.append({"sha256": name[:-5], "receivedBytes": os.path.getsize(path)})
            elif SHA.match(name):
                segments.append({"sha256": name, "size": os.path.getsize(path),
                                 "storedSha256": sha256_file(path) if rehash else None})
        records = []
        for record_id, manifest, receipt in recs:
            m = json.loads(manifest)
            records.append({"recordId": record_id, "receipt": json.loads(receipt),
                            "documentSha256": m.get("documentSha256"),
                            "recordings": [r.get("sha256") for r in m.get("recordings", [])],
                            "recordingChainHead": m.get("recordingChainHead"), "manifest": m})
        created = {}
        duplicates = {"records": 0, "documents": 0, "segments": 0}
        for kind, key, count in effects:
            created.setdefault(kind, {})[key] = count
            if count > 1:
                duplicates[kind] += count - 1
        return {"records": records, "documents": documents, "segments": segments, "partial": partial,
                "created": created, "duplicates": duplicates,
                "answers": [{"method": m, "kind": k, "status": s, "count": c} for m, k, s, c in answers],
                "faults": {a: c for a, c in faults}}

    def write_report(self):
        write_atomically(os.path.join(self.root, "report.json"),
                         json.dumps(self.report(rehash=False), indent=2, ensure_ascii=False).encode("utf-8"))


class Faults:
    """The fault plan: rules matched in order, each used at most "times" times after skipping "skip" matches."""

    def __init__(self, rules):
        self.rules = [dict(r, _seen=0, _used=0) for r in rules]
        self.lock = threading.Lock()

    def take(self, method, kind):
        with self.lock:
            for r in self.rules:
                if r.get("method", "any") not in ("any", method):
                    continue
                if r.get("path", "any") not in ("any", kind):
                    continue
                r["_seen"] += 1
                if r["_seen"] <= r.get("skip", 0):
                    continue
                times = r.get("times", 1)
                if times >= 0 and r["_used"] >= times:
                    continue
                r["_used"] += 1
                return r
        return None


class DroppedConnection(Exception):
    """The fault plan drops the connection: nothing more is written to it."""


def make_handler(store, faults, token):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "IndependentCaseSystem/1"

        def log_message(self, fmt, *args):  # one line per answer is printed by answer()
            pass

        # request plumbing

        def body_length(self):
            if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                return None
            return int(self.headers.get("Content-Length", "0") or "0")

        def body_chunks(self, limit=None):
            """Yields the request body in blocks (Content-Length or chunked); stops after limit bytes if given."""
            length = self.body_length()
            taken = 0
            if length is None:
                while True:
                    size_line = self.rfile.readline().strip()
                    size = int(size_line.split(b";")[0], 16)
                    if size == 0:
                        while self.rfile.readline().strip():
                            pass
                        return
                    left = size
                    while left > 0:
                        want = min(BLOCK, left)
                        if limit is not None:
                            want = min(want, limit - taken)
                            if want <= 0:
                                return
                        b = self.rfile.read(want)
                        if not b:
                            raise ConnectionError("client closed the connection")
                        left -= len(b)
                        taken += len(b)
                        yield b
                    self.rfile.readline()
            else:
                left = length
                while left > 0:
                    want = min(BLOCK, left)
                    if limit is not None:
                        want = min(want, limit - taken)
                        if want <= 0:
                            return
                    b = self.rfile.read(want)
                    if not b:
                        raise ConnectionError("client closed the connection")
                    left -= len(b)
                    taken += len(b)
                    yield b

        def body(self, limit=64 << 20):
            data = bytearray()
            for b in self.body_chunks():
                data += b
                if len(data) > limit:
                    raise ValueError("body too large")
            return bytes(data)

        def drain(self):
            for _ in self.body_chunks():
                pass

        def answer(self, status, obj=None, headers=None, kind="?"):
            data = b"" if obj is None or self.command == "HEAD" else json.dumps(obj).encode("utf-8")
            self.send_response(status)
            for k, v in (headers or {}).items():
                self.send_header(k, str(v))
            if obj is not None:
                self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if data:
                self.wfile.write(data)
            self.wfile.flush()
            store.answered(self.command, kind, status)
            print("ANSWER %s %s %d" % (self.command, self.path, status), flush=True)

        def drop(self, kind):
            store.fault("close", self.command, kind)
            print("FAULT close %s %s" % (self.command, self.path), flush=True)
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            self.close_connection = True
            raise DroppedConnection()

        # dispatch

        def do_HEAD(self):
            self.dispatch()

        def do_GET(self):
            self.dispatch()

        def do_PUT(self):
            self.dispatch()

        def do_POST(self):
            self.dispatch()

        def do_DELETE(self):
            self.dispatch()

        def dispatch(self):
            try:
                self.route()
            except DroppedConnection:
                pass
            except (ConnectionError, BrokenPipeError, socket.timeout) as e:
                print("CONNECTION %s %s: %s" % (self.command, self.path, e), flush=True)
                self.close_connection = True

        def route(self):
            path = self.path.split("?", 1)[0]
            if path == "/_report" and self.command == "GET":
                report = store.report()
                self.answer(200, report, kind="report")
                return
            parts = path.split("/")
            kind = "any"
            if len(parts) == 5 and parts[1:4] == ["api", "v1", "recordings"]:
                kind = "recordings"
            elif len(parts) == 6 and parts[1:4] == ["api", "v1", "records"] and parts[5] == "document":
                kind = "document"
            elif len(parts) == 6 and parts[1:4] == ["api", "v1", "records"] and parts[5] == "receipt":
                kind = "receipt"
            elif len(parts) == 5 and parts[1:4] == ["api", "v1", "records"]:
                kind = "records"
            if token is not None and self.headers.get("Authorization") != "Bearer " + token:
                self.drain()
                self.answer(401, {"error": "a valid bearer token is required"}, kind=kind)
                return
            rule = faults.take(self.command, kind)
            after = None
            if rule is not None:
                action = rule.get("action", "status")
                if action == "status":
                    store.fault("status %d" % rule["status"], self.command, kind)
                    print("FAULT status %d %s %s" % (rule["status"], self.command, self.path), flush=True)
                    self.drain()
                    headers = {}
                    if "retryAfter" in rule:
                        headers["Retry-After"] = rule["retryAfter"]
                    self.answer(rule["status"], {"error": "injected %d" % rule["status"]}, headers, kind)
                    return
                if action == "close":
                    self.drop(kind)
                if action == "delay" and rule.get("when", "before") == "before":
                    store.fault("delay", self.command, kind)
                    time.sleep(rule["seconds"])
                if action == "delay" and rule.get("when") == "after":
                    after = rule
                if action == "partial" and not (kind == "recordings" and self.command == "PUT"):
                    rule = None
            if kind == "recordings":
                self.recording(parts[4], rule if rule is not None and rule.get("action") == "partial" else None,
                               after)
            elif kind == "document" and self.command == "PUT":
                self.document(parts[4], after)
            elif kind == "receipt" and self.command == "GET":
                r = store.record(parts[4])
                self.late(after)
                self.answer(200 if r else 404, json.loads(r[1]) if r else {"error": "unknown record"}, kind=kind)
            elif kind == "records" and self.command == "PUT":
                self.register(parts[4], after)
            else:
                self.drain()
                self.answer(404 if kind == "any" else 405, {"error": "not part of the contract: %s %s"
                                                            % (self.command, path)}, kind=kind)

        def late(self, rule):
            """A slow answer: the work is done (and durable), the answer comes late."""
            if rule is not None:
                store.fault("delay", self.command, rule.get("path", "any"))
                print("FAULT delay %.1f s %s %s" % (rule["seconds"], self.command, self.path), flush=True)
                time.sleep(rule["seconds"])

        # recordings

        def recording(self, sha, partial, after):
            if not SHA.match(sha):
                self.drain()
                self.answer(404, {"error": "not a lowercase hex SHA-256"}, kind="recordings")
                return
            if self.command == "HEAD":
                held, complete = store.recording_state(sha)
                self.late(after)
                if held is None:
                    self.answer(404, kind="recordings")
                else:
                    self.answer(200 if complete else 206, headers={"X-Received-Bytes": held}, kind="recordings")
                return
            if self.command != "PUT":
                self.drain()
                self.answer(405, {"error": "only HEAD and PUT on recordings"}, kind="recordings")
                return
            rng = (self.headers.get("Content-Range") or "").strip()
            m = RANGE.match(rng)
            if m:
                first, last, total = int(m.group(1)), int(m.group(2)), int(m.group(3))
            elif EMPTY_RANGE.match(rng):
                first, last, total = 0, -1, 0
            else:
                self.drain()
                self.answer(400, {"error": "Content-Range must be bytes <first>-<last>/<total>"}, kind="recordings")
                return
            if last < first - 1 or last >= total:
                self.drain()
                self.answer(400, {"error": "Content-Range outside the object"}, kind="recordings")
                return
            with store.sha_lock(sha):
                done = os.path.join(store.recordings, sha)
                part = done + ".part"
                if os.path.exists(done):
                    self.drain()
                    size = os.path.getsize(done)
                    self.late(after)
                    self.answer(200, {"receivedBytes": size}, {"X-Received-Bytes": size}, "recordings")
                    return
                held = os.path.getsize(part) if os.path.exists(part) else 0
                if first != held:
                    self.drain()
                    self.answer(409, {"receivedBytes": held}, {"X-Received-Bytes": held}, "recordings")
                    return
                want = last - first + 1
                limit = None if partial is None else max(1, int(want * partial.get("fraction", 0.5)))
                written = 0
                with open(part, "ab") as f:
                    try:
                        for b in self.body_chunks(limit):
                            f.write(b)
                            written += len(b)
                    finally:
                        # whatever arrived is a valid prefix of the object: keep it, durably
                        f.flush()
                        os.fsync(f.fileno())
                if partial is not None:
                    store.fault("partial", "PUT", "recordings")
                    print("FAULT partial %d of %d bytes stored %s" % (written, want, self.path), flush=True)
                    try:
                        self.connection.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass
                    self.close_connection = True
                    raise DroppedConnection()
                held += written
                if held < total:
                    self.late(after)
                    self.answer(202, {"receivedBytes": held}, {"X-Received-Bytes": held}, "recordings")
                    return
                actual = sha256_file(part)
                if actual != sha:
                    os.remove(part)
                    self.answer(422, {"error": "the complete recording has SHA-256 %s, not %s; discarded"
                                      % (actual, sha)}, kind="recordings")
                    return
                os.replace(part, done)
                fsync_dir(store.recordings)
                store.effect("segments", sha)
            store.write_report()
            self.late(after)
            self.answer(201, {"receivedBytes": total}, {"X-Received-Bytes": total}, "recordings")

        # documents

        def document(self, record_id, after):
            if not UUID_RE.match(record_id):
                self.drain()
                self.answer(422, {"error": "the record id must be a UUID"}, kind="document")
                return
            data = self.body(512 << 20)
            digest = DIGEST.search(self.headers.get("Content-Digest") or "")
            if digest is None:
                self.answer(422, {"error": "Content-Digest sha-256 is required"}, kind="document")
                return
            try:
                claimed = base64.b64decode(digest.group(1), validate=True)
            except ValueError:
                self.answer(422, {"error": "Content-Digest is not base64"}, kind="document")
                return
            actual = hashlib.sha256(data).digest()
            if claimed != actual:
                self.answer(422, {"error": "digest mismatch"}, kind="document")
                return
            if not data.startswith(b"%PDF-"):
                self.answer(422, {"error": "not a PDF"}, kind="document")
                return
            sha = actual.hex()
            with store.lock:
                existing = store.document(record_id)
                if existing is None:
                    path = os.path.join(store.documents, record_id + ".pdf")
                    write_atomically(path, data)
                    store.db.execute("INSERT INTO document(record_id, sha256, size, file, stored_at) "
                                     "VALUES (?,?,?,?,?)", (record_id, sha, len(data), path, now()))
                    store.effect("documents", record_id)
                    status = 201
                elif existing[0] == sha:
                    status = 200
                else:
                    status = 409
            if status == 201:
                store.write_report()
            self.late(after)
            if status == 409:
                self.answer(409, {"error": "a different document is already stored for this record"},
                            kind="document")
            else:
                self.answer(status, {"recordId": record_id, "documentSha256": sha}, kind="document")

        # records

        def register(self, record_id, after):
            try:
                manifest = json.loads(self.body(4 << 20).decode("utf-8"))
            except (ValueError, UnicodeDecodeError) as e:
                self.answer(422, {"error": "the manifest is not JSON: %s" % e}, kind="records")
                return
            problems = validate(record_id, manifest)
            if problems:
                self.answer(422, {"error": "invalid manifest: " + "; ".join(problems)}, kind="records")
                return
            with store.lock:
                existing = store.record(record_id)
                if existing is not None:
                    same = json.loads(existing[0]) == manifest
                    receipt = json.loads(existing[1])
                    status = 200 if same else 409
                else:
                    missing = []
                    doc = store.document(record_id)
                    if doc is None or doc[0] != manifest["documentSha256"] or doc[1] != manifest["documentSize"]:
                        missing.append("document " + manifest["documentSha256"])
                    for r in manifest["recordings"]:
                        if not store.recording_complete(r["sha256"], r["size"]):
                            missing.append("recording " + r["sha256"])
                    if missing:
                        self.answer(412, {"error": "not complete here yet", "missing": missing}, kind="records")
                        return
                    receipt = {"recordId": record_id, "documentSha256": manifest["documentSha256"],
                               "receivedAt": now(), "receiptId": str(uuid.uuid4())}
                    store.db.execute("INSERT INTO record(record_id, manifest, receipt, registered_at) "
                                     "VALUES (?,?,?,?)", (record_id, json.dumps(manifest, ensure_ascii=False),
                                                          json.dumps(receipt), now()))
                    store.effect("records", record_id)
                    status = 201
            if status == 201:
                store.write_report()
            self.late(after)
            if status == 409:
                self.answer(409, {"error": "a different manifest is registered for this record"}, kind="records")
            else:
                self.answer(status, receipt, kind="records")

    return Handler


def validate(record_id, m):
    if not isinstance(m, dict):
        return ["not a JSON object"]
    p = []
    if not UUID_RE.match(record_id):
        p.append("the record id is not a UUID")
    if m.get("recordId") != record_id:
        p.append("recordId differs from the path")
    for f in ("caseNumber", "kind", "title", "sealedAt"):
        if not isinstance(m.get(f), str) or not m.get(f).strip():
            p.append(f + " is required")
    try:
        datetime.fromisoformat(str(m.get("sealedAt", "")).replace("Z", "+00:00"))
    except ValueError:
        p.append("sealedAt is not an ISO-8601 time")
    if not isinstance(m.get("documentSha256"), str) or not SHA.match(m["documentSha256"]):
        p.append("documentSha256 must be lowercase hex SHA-256")
    if not isinstance(m.get("documentSize"), int) or m["documentSize"] <= 0:
        p.append("documentSize must be a positive integer")
    if not isinstance(m.get("participants"), list):
        p.append("participants must be a list")
    recs = m.get("recordings")
    if not isinstance(recs, list):
        p.append("recordings must be a list")
    else:
        for r in recs:
            if not isinstance(r, dict) or not isinstance(r.get("sha256"), str) or not SHA.match(r["sha256"]) \
                    or not isinstance(r.get("size"), int) or r["size"] < 0:
                p.append("each recording needs a lowercase hex sha256 and a size")
                break
    head = m.get("recordingChainHead")
    if head is not None and (not isinstance(head, str) or not SHA.match(head)):
        p.append("recordingChainHead must be lowercase hex SHA-256 or null")
    return p


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--listen", required=True, help="HOST:PORT (port 0 picks a free one)")
    ap.add_argument("--store", required=True, help="state directory (kept across restarts)")
    ap.add_argument("--faults", help="JSON fault plan (a file, or the JSON itself)")
    ap.add_argument("--token", help="require Authorization: Bearer TOKEN")
    args = ap.parse_args()
    rules = []
    if args.faults:
        text = open(args.faults, encoding="utf-8").read() if os.path.exists(args.faults) else args.faults
        rules = json.loads(text)
    host, port = args.listen.rsplit(":", 1)
    os.makedirs(args.store, exist_ok=True)
    store = Store(args.store)
    server = Server((host, int(port)), make_handler(store, Faults(rules), args.token))
    print("READY %d" % server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
