#!/usr/bin/env python3
"""Posts comments as fast as a closed loop of clients can, for bench/scale.sh: bounded in count and time.

Signs in READERS generated readers (readerFIRST, the next, ... with the generator's password), each in a session of
its own; then CONCURRENCY threads post POSTS comments per reader (a reader may post 5 a minute, so at most 5) on
ARTICLE_ID, each with the session's CSRF token and a fresh form key, and stop after SECONDS at the latest. Prints
the posts made, those refused, requests/s and p50/p99 of POST /articles/{id}/comments (answered with the redirect
to the new comment, not followed). Loopback only. The prod profile marks cookies Secure, which plain http would
not send back, so the session cookie is kept and sent by hand.

Usage: bench/comment-burst.py BASE_URL ARTICLE_ID FIRST READERS POSTS CONCURRENCY SECONDS [PASSWORD]
"""
import http.client
import re
import sys
import threading
import time
import urllib.parse
import uuid

base, article = sys.argv[1].rstrip('/'), int(sys.argv[2])
first, readers, posts, concurrency = int(sys.argv[3]), int(sys.argv[4]), min(5, int(sys.argv[5])), int(sys.argv[6])
seconds = float(sys.argv[7])
password = sys.argv[8] if len(sys.argv) > 8 else 'broadsheet-generated'
match = re.match(r'^http://(127\.\d+\.\d+\.\d+):(\d+)$', base)
if not match:
    sys.exit('comment-burst.py sends traffic to 127.0.0.x only')
host, port = match.group(1), int(match.group(2))
CSRF = re.compile(r'name="_csrf" value="([^"]+)"')


class Session:
    def __init__(self):
        self.cookies = {}
        self.connection = http.client.HTTPConnection(host, port, timeout=30)

    def request(self, method, path, form=None):
        headers = {'Cookie': '; '.join(f'{k}={v}' for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers['Content-Type'] = 'application/x-www-form-urlencoded'
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        text = response.read().decode('utf-8', 'replace')
        for name, value in response.getheaders():
            if name.lower() == 'set-cookie':
                pair = value.split(';', 1)[0]
                key, _, val = pair.partition('=')
                self.cookies[key.strip()] = val.strip()
        return response.status, response.getheader('Location') or '', text

    def sign_in(self, username):
        _, _, page = self.request('GET', '/login')
        status, location, _ = self.request('POST', '/login', {
            'username': username, 'password': password, '_csrf': CSRF.search(page).group(1)})
        if status != 302 or 'error' in location:
            raise SystemExit(f'signing in {username} failed: {status} {location}')
        # Every page of a signed-in session carries its CSRF token (the sign-out form).
        _, _, page = self.request('GET', '/')
        self.csrf = CSRF.search(page).group(1)


sessions = []
for i in range(readers):
    session = Session()
    session.sign_in(f'reader{first + i}')
    sessions.append(session)

tasks = [(s, n) for n in range(posts) for s in sessions]
lock = threading.Lock()
latencies, refused = [], [0]
started = time.time()


def worker():
    while True:
        with lock:
            if not tasks or time.time() - started > seconds:
                return
            session, n = tasks.pop(0)
        # One post at a time per reader: its row is locked while it posts anyway.
        with session_locks[id(session)]:
            t0 = time.perf_counter()
            status, location, _ = session.request('POST', f'/articles/{article}/comments', {
                'text': f'Comment {n} from the scale benchmark, {uuid.uuid4().hex[:8]}.',
                'key': uuid.uuid4().hex, '_csrf': session.csrf})
            elapsed = time.perf_counter() - t0
        with lock:
            if status == 302 and '#comment-' in location:
                latencies.append(elapsed)
            else:
                refused[0] += 1


session_locks = {id(s): threading.Lock() for s in sessions}
threads = [threading.Thread(target=worker) for _ in range(concurrency)]
for t in threads:
    t.start()
for t in threads:
    t.join(timeout=seconds + 60)
took = time.time() - started
latencies.sort()


def pct(p):
    return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000 if latencies else float('nan')


print(f'posted {len(latencies)} comments ({refused[0]} refused) in {took:.1f} s with {concurrency} clients: '
      f'{len(latencies) / took:.1f} requests/s, p50 {pct(0.50):.1f} ms, p99 {pct(0.99):.1f} ms')
