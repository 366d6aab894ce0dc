#!/usr/bin/env python3
"""A stand-in for the Central Portal's upload API, for the release dry run: accepts the bundle that
central-publishing-maven-plugin uploads, keeps the request body, and answers with a deployment id, so the
plugin runs exactly as it would against Central but nothing leaves the machine.

usage: central-stub.py PORT_FILE BODY_FILE   (listens on 127.0.0.1, a free port written to PORT_FILE)
"""
import http.server
import sys


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        with open(sys.argv[2], "wb") as f:
            f.write(body)
        self.send_response(201)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"00000000-0000-4000-8000-00000000d2a1")

    def log_message(self, fmt, *args):
        sys.stderr.write("central-stub: " + (fmt % args) + "\n")


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
with open(sys.argv[1], "w") as f:
    f.write(str(server.server_address[1]))
server.serve_forever()
