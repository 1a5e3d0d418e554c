"""`pyrite serve [DIR] [--port N]`: serve a folder on 127.0.0.1 for trying a page that loads a module
built with --target web (.wasm as application/wasm, so browsers compile it while it downloads; .js and
.mjs as JavaScript modules)."""
import functools
import http.server
import os
import sys

TYPES = {".wasm": "application/wasm", ".js": "text/javascript", ".mjs": "text/javascript",
         ".ts": "text/plain", ".json": "application/json", ".html": "text/html"}


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = dict(http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES)

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")   # (a rebuilt module is picked up on reload)
        super().end_headers()


def main(argv):
    port, directory = 8000, "."
    args = list(argv)
    while args:
        a = args.pop(0)
        if a in ("-h", "--help"):
            print(__doc__.strip())
            return 0
        if a == "--port" and args:
            port = int(args.pop(0))
        elif a.startswith("--port="):
            port = int(a.split("=", 1)[1])
        elif not a.startswith("-"):
            directory = a
        else:
            print("pyrite serve: unknown option %s" % a, file=sys.stderr)
            return 2
    if not os.path.isdir(directory):
        print("pyrite serve: %s is not a directory" % directory, file=sys.stderr)
        return 2
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port),
                                             functools.partial(Handler, directory=directory))
    print("pyrite: serving %s at http://127.0.0.1:%d/ (Ctrl-C stops)" % (os.path.abspath(directory),
                                                                         server.server_address[1]), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0
