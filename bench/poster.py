#!/usr/bin/env python3
"""Posts comments on a running Broadsheet as a bounded background writer, for bench/article-page.sh --mixed.

Registers READERS readers through the site's own registration form (a reader may post 5 comments a minute, so
1 comment a second needs at least 12), then posts RATE comments a second, spread over the given article paths,
for at most SECONDS seconds and at most RATE * SECONDS comments. Loopback only. Prints what it did.

Usage: bench/poster.py BASE_URL READERS RATE SECONDS ARTICLE_PATH...
"""
import http.cookiejar
import re
import sys
import threading
import time
import urllib.parse
import urllib.request

base, readers_wanted, rate, seconds = sys.argv[1].rstrip('/'), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
paths = sys.argv[5:]
if not re.match(r'^http://(127\.\d+\.\d+\.\d+|localhost)(:\d+)?$', base):
    sys.exit('poster.py sends traffic to loopback addresses only')
if not paths:
    sys.exit('no article paths given')
run = format(int(time.time()), 'x')
CSRF = re.compile(r'name="_csrf" value="([^"]+)"')


def opener():
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))


def register(i):
    client = opener()
    page = client.open(base + '/register', timeout=30).read().decode()
    form = {'_csrf': CSRF.search(page).group(1), 'username': f'bench{run}{i}', 'displayName': f'Bench Reader {i}',
            'email': f'bench{run}{i}@example.test', 'password': f'a long bench password {run} {i}',
            'acceptGuidelines': 'true', '_acceptGuidelines': 'on'}
    answer = client.open(base + '/register', urllib.parse.urlencode(form).encode(), timeout=30).read().decode()
    if 'Thank you' not in answer:
        raise SystemExit(f'registering reader {i} failed')
    return client


clients = [register(i) for i in range(readers_wanted)]
done = {'ok': 0, 'failed': 0}
lock = threading.Lock()


def post(client, path, n):
    try:
        page = client.open(base + path, timeout=30).read().decode()
        form = re.search(r'<form[^>]*id="comment-form"[^>]*action="(/articles/\d+/comments)"[^>]*>(.*?)</form>',
                         page, re.S) or re.search(
            r'<form[^>]*action="(/articles/\d+/comments)"[^>]*id="comment-form"[^>]*>(.*?)</form>', page, re.S)
        fields = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', form.group(2)))
        if '_csrf' not in fields:
            fields['_csrf'] = CSRF.search(page).group(1)
        fields['text'] = f'Comment {n} of the mixed benchmark, sent at {time.time():.3f}.'
        status = client.open(base + form.group(1), urllib.parse.urlencode(fields).encode(), timeout=30).status
        key = 'ok' if status < 400 else 'failed'
    except Exception:
        key = 'failed'
    with lock:
        done[key] += 1


started = time.time()
threads = []
limit = int(rate * seconds)
n = 0
while n < limit and time.time() - started < seconds:
    thread = threading.Thread(target=post, args=(clients[n % len(clients)], paths[n % len(paths)], n))
    thread.start()
    threads.append(thread)
    n += 1
    time.sleep(max(0.0, started + n / rate - time.time()))
for thread in threads:
    thread.join(timeout=60)
print(f"poster: {done['ok']} comments posted, {done['failed']} failed, in {time.time() - started:.0f} s "
      f"by {len(clients)} readers")
