"""A minimal nREPL client (bencode over TCP) for benchmarks and smoke tests: no TCP tricks."""
import socket


def encode(value):
    if isinstance(value, int):
        return b"i%de" % value
    if isinstance(value, str):
        value = value.encode()
    if isinstance(value, bytes):
        return b"%d:%s" % (len(value), value)
    if isinstance(value, list):
        return b"l" + b"".join(encode(v) for v in value) + b"e"
    if isinstance(value, dict):
        items = sorted((k.encode() if isinstance(k, str) else k, v) for k, v in value.items())
        return b"d" + b"".join(encode(k) + encode(v) for k, v in items) + b"e"
    raise TypeError(type(value))


class Client:
    def __init__(self, host, port):
        self.sock = socket.create_connection((host, port))
        self.buf = b""
        self.next_id = 0

    def _fill(self):
        chunk = self.sock.recv(65536)
        if not chunk:
            raise EOFError("server closed the connection")
        self.buf += chunk

    def _value(self, i):
        while i >= len(self.buf):
            self._fill()
        c = self.buf[i:i + 1]
        if c == b"i":
            while self.buf.find(b"e", i) < 0:
                self._fill()
            end = self.buf.index(b"e", i)
            return int(self.buf[i + 1:end]), end + 1
        if c in (b"l", b"d"):
            items, i = [], i + 1
            while True:
                while i >= len(self.buf):
                    self._fill()
                if self.buf[i:i + 1] == b"e":
                    break
                v, i = self._value(i)
                items.append(v)
            if c == b"l":
                return items, i + 1
            return {items[k].decode(): items[k + 1] for k in range(0, len(items), 2)}, i + 1
        while self.buf.find(b":", i) < 0:
            self._fill()
        colon = self.buf.index(b":", i)
        n = int(self.buf[i:colon])
        while len(self.buf) < colon + 1 + n:
            self._fill()
        return self.buf[colon + 1:colon + 1 + n], colon + 1 + n

    def read(self):
        msg, end = self._value(0)
        self.buf = self.buf[end:]
        return msg

    def send(self, **msg):
        self.next_id += 1
        msg.setdefault("id", str(self.next_id))
        self.sock.sendall(encode(msg))
        return msg["id"]

    def call(self, **msg):
        mid = self.send(**msg)
        replies = []
        while True:
            r = self.read()
            if r.get("id", b"").decode() != mid:
                continue
            replies.append(r)
            if b"done" in r.get("status", []):
                return replies

    def clone(self):
        return [r for r in self.call(op="clone") if "new-session" in r][0]["new-session"].decode()
