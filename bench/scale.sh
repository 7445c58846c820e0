#!/usr/bin/env bash
# Speed at scale (issue 15): the same pages on the demo data set, a small and a full-size generated PostgreSQL
# database, with the page cache on and off, measured with wrk; prints requests/s, p50 and p99 per page and the load
# average at the time.
#
#   ./mvnw -q -DskipTests package && bench/scale.sh            # load and generate the databases, then measure
#   REUSE=1 bench/scale.sh                                     # measure databases made by an earlier run
#   bench/scale.sh --flat      # only the article with 500 comments, small and full-size sites side by side, in turns
#   FLAT_PAGE=section bench/scale.sh --flat   # the same for the deepest full page of /sections/news
#
# 1. Generates two fresh databases with the generator (java -jar ... --spring.profiles.active=prod,generate):
#    DB_SMALL (SMALL_ARTICLES=1000 articles, SMALL_COMMENTS=1000 comments, SMALL_ACCOUNTS=500 accounts) and
#    DB_FULL (ARTICLES=250000, COMMENTS=1000000, ACCOUNTS=50000). 250,000 articles rather than the issue's 100,000
#    so that the News section holds over 200,000 of them and its 10,000th page (the last the site serves) is full.
#    Both have an article with 500 comments, the newest (slug the-busiest-conversation). Then loads DB_DEMO with
#    the demo data set (the jar once on --spring.profiles.active=prod,demo: the demo's sections, articles, accounts
#    and comments, its busiest article with 500), and adds readers reader1 to reader100 with the generator's
#    password (its hash copied from DB_SMALL) for the signed-in page and the posting.
# 2. For each database, with the page cache on and then off (--broadsheet.site.page-cache-ttl=0s): starts the jar
#    on the prod profile with JAVA_OPTS (default -Xmx512m) on 127.0.0.1:PORT, and measures with
#    wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency after a $WARMUP warm-up: the front page, the article with
#    500 comments, the deepest full page of /sections/news (10,000 on the full data), the article with 500
#    comments signed in as reader1, posting comments on the next newest article (bench/comment-burst.py:
#    POST_READERS readers from reader2 on, the next ones for the cache-off run, 5 posts each, POST_CLIENTS at once,
#    at most 60 s), then search for a name (in one article in about 900) and for a common word (harbour, in four
#    articles in ten) with SEARCH_CONNECTIONS (2) connections and a 20 s timeout.
# Environment: JAR, PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), DB_DEMO (broadsheet_scale_demo),
#   DB_SMALL (broadsheet_scale_small), DB_FULL (broadsheet_scale), PORT (18300), DURATION (10s), WARMUP (5s),
#   SIGNED_IN_WARMUP (60s, the signed-in page's), THREADS (2), CONNECTIONS (16),
#   POST_READERS (40), POST_CLIENTS (8), SEARCH_CONNECTIONS (2), REUSE=1 (skip generating), ONLY=demo|small|full.
# Traffic goes to 127.0.0.1 only; every loop is bounded in count and time. Results: bench/results/scale-<time>/.
set -euo pipefail
. "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/demo-site.sh"   # repo_root and jar

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
DB_SMALL="${DB_SMALL:-broadsheet_scale_small}"; DB_FULL="${DB_FULL:-broadsheet_scale}"
DB_DEMO="${DB_DEMO:-broadsheet_scale_demo}"
PORT="${PORT:-18300}"; DURATION="${DURATION:-10s}"; WARMUP="${WARMUP:-5s}"; SIGNED_IN_WARMUP="${SIGNED_IN_WARMUP:-60s}"
THREADS="${THREADS:-2}"; CONNECTIONS="${CONNECTIONS:-16}"
POST_READERS="${POST_READERS:-40}"; POST_CLIENTS="${POST_CLIENTS:-8}"; SEARCH_CONNECTIONS="${SEARCH_CONNECTIONS:-2}"
PASSWORD=broadsheet-generated
BUSIEST=the-busiest-conversation
base="http://127.0.0.1:$PORT"
results="$repo_root/bench/results/scale-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$results"
site_pid=""
started_pids=""
trap 'for p in $started_pids; do kill "$p" 2>/dev/null || true; done' EXIT

command -v wrk >/dev/null || { echo "wrk is required (apt-get install wrk)" >&2; exit 1; }
command -v psql >/dev/null || { echo "psql is required" >&2; exit 1; }

generate() { # DB ARTICLES COMMENTS ACCOUNTS
    psql -q -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1"
    echo "== generating $1: $2 articles, $3 comments, $4 accounts (load: $(uptime | sed 's/.*load average: //'))"
    DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$1" DATABASE_USERNAME="$PGUSER" \
        java ${JAVA_OPTS:--Xmx512m} -jar "$jar" --spring.profiles.active=prod,generate \
        --broadsheet.generate.articles="$2" --broadsheet.generate.comments="$3" --broadsheet.generate.accounts="$4" \
        2>&1 | grep -v '^{' | tee "$results/generate-$1.txt"
}

load_demo() { # DB: the demo data set on PostgreSQL, plus the bench's readers
    psql -q -d postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1"
    echo "== loading the demo data set into $1 (load: $(uptime | sed 's/.*load average: //'))"
    start_site "$1" 60s "$PORT" prod,demo   # ready only once the demo content is loaded
    stop_site
    local hash; hash="$(psql -tA -d "$DB_SMALL" -c "SELECT password_hash FROM account WHERE username = 'reader1'")"
    [ -n "$hash" ] || { echo "$DB_SMALL has no reader1: generate it first" >&2; exit 1; }
    psql -q -d "$1" -v hash="$hash" <<'SQL'
INSERT INTO account (username, username_key, display_name, email, email_key, password_hash, email_verified, created_at)
SELECT 'reader' || n, 'reader' || n, 'Bench reader ' || n, 'reader' || n || '@bench.invalid',
       'reader' || n || '@bench.invalid', :'hash', TRUE, now() - INTERVAL '30 days'
FROM generate_series(1, 100) AS n;
INSERT INTO account_role (account_id, role) SELECT id, 'READER' FROM account WHERE username ~ '^reader[0-9]+$';
SQL
    psql -tA -d "$1" -c "SELECT count(*) || ' articles, ' || sum(comment_count) || ' comments, '
        || (SELECT count(*) FROM account) || ' accounts' FROM article" | tee "$results/generate-$1.txt"
}

start_site() { # DB CACHE_TTL [PORT [PROFILES]]: sets site_pid
    local port="${3:-$PORT}" profiles="${4:-prod}"
    # Each site keeps its sessions and messages in Redis under a namespace of its own (two run side by side).
    DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$1" DATABASE_USERNAME="$PGUSER" MANAGEMENT_SERVER_PORT=0 \
        BROADSHEET_INSTANCES_NAMESPACE="bench-$1-$port" \
        BROADSHEET_SITE_BASEURL="http://127.0.0.1:$port" java ${JAVA_OPTS:--Xmx512m} -jar "$jar" \
        --spring.profiles.active="$profiles" --server.port="$port" --broadsheet.site.page-cache-ttl="$2" \
        > "$results/site-$1-$2.log" 2>&1 &
    site_pid=$!
    started_pids="$started_pids $site_pid"
    for _ in $(seq 1 180); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/")" = 200 ] && return 0
        kill -0 "$site_pid" 2>/dev/null || break
        sleep 1
    done
    echo "the site did not start on $1:" >&2; tail -5 "$results/site-$1-$2.log" >&2; exit 1
}

deepest_page() { # DB -> the last full page of /sections/news (at most 10,000)
    psql -tA -d "$1" -c "WITH RECURSIVE tree AS (SELECT id FROM section WHERE slug = 'news'
        UNION ALL SELECT s.id FROM section s JOIN tree t ON s.parent_id = t.id)
        SELECT greatest(1, least(10000, count(*) / 20)) FROM article WHERE status = 'PUBLISHED'
        AND published_at <= now() AND (primary_section_id IN (SELECT id FROM tree)
        OR id IN (SELECT article_id FROM article_section WHERE section_id IN (SELECT id FROM tree)))"
}

# --flat: the article with 500 comments on both databases at once (small on PORT, full on PORT+1), measured in
# turns, FLAT_ROUNDS times each, cached and then with the page cache off, so that both see the same machine.
flat() {
    local ttl cache round data small_pid full_pid busy deep
    for ttl in 60s 0s; do
        cache=$([ "$ttl" = 0s ] && echo "cache-off" || echo "cached")
        start_site "$DB_SMALL" "$ttl" "$PORT"; small_pid=$site_pid
        start_site "$DB_FULL" "$ttl" "$((PORT + 1))"; full_pid=$site_pid
        for round in $(seq 1 "${FLAT_ROUNDS:-3}"); do
            for data in small full; do
                base="http://127.0.0.1:$([ "$data" = small ] && echo "$PORT" || echo "$((PORT + 1))")"
                # Each database has its own address for the article (its section and date differ).
                if [ "${FLAT_PAGE:-article}" = section ]; then
                    deep="$(deepest_page "$([ "$data" = small ] && echo "$DB_SMALL" || echo "$DB_FULL")")"
                    measure "$data" "$cache" "section news page $deep (round $round)" "/sections/news?page=$deep"
                    continue
                fi
                busy="$(curl -s -o /dev/null -w '%{redirect_url}' "$base/news/2000/01/01/$BUSIEST" \
                    | sed 's#^https\?://[^/]*##')"
                measure "$data" "$cache" "article, 500 comments (round $round)" "$busy"
            done
        done
        base="http://127.0.0.1:$PORT"
        kill "$small_pid" "$full_pid" 2>/dev/null || true
        wait "$small_pid" "$full_pid" 2>/dev/null || true
        site_pid=""
    done
}

stop_site() {
    kill "$site_pid" 2>/dev/null || true
    wait "$site_pid" 2>/dev/null || true
    site_pid=""
}

to_ms() { # wrk's 812.00us, 3.41ms, 1.02s -> milliseconds
    awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
        if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000; printf "%.1f", n }'
}

measure() { # DATA CACHE LABEL PATH [wrk args...]
    local data="$1" cache="$2" label="$3" path="$4"; shift 4
    local out="$results/$data-$cache-$(printf '%s' "$label" | tr -cs 'A-Za-z0-9' '_').txt"
    local headers=() args=("$@") i status
    for ((i = 0; i < ${#args[@]}; i++)); do
        [ "${args[$i]}" = -H ] && headers+=(-H "${args[$((i + 1))]}")
    done
    status="$(curl -s -o /dev/null -w '%{http_code}' "${headers[@]}" "$base$path")"
    [ "$status" = 200 ] || { echo "$base$path answers $status, not 200" >&2; exit 1; }
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$@" "$base$path" > /dev/null
    local load; load="$(uptime | sed 's/.*load average: //')"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$base$path" > "$out"
    # Errors: non-2xx/3xx answers plus socket errors (connect, read, write, timeout).
    local bad; bad="$(awk '/Non-2xx or 3xx responses:/ {n += $NF} /Socket errors:/ {gsub(/,/, ""); n += $4 + $6 + $8 + $10}
        END {print n + 0}' "$out")"
    printf '%-6s %-9s %-34s %10s %9s %9s %7s   %s\n' "$data" "$cache" "$label" \
        "$(awk '/^Requests\/sec:/ {print $2}' "$out")" "$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")")" \
        "$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")" "${bad:-0}" "$load" | tee -a "$results/summary.txt"
}

sign_in() { # -> session cookie of reader1 (the prod profile's cookies are Secure: kept by hand over http)
    local page cookie token
    page="$(curl -s -D "$results/login.h" "$base/login")"
    cookie="$(grep -iE '^set-cookie: (JSESSIONID|SESSION)=' "$results/login.h" | sed 's/^[^:]*: //; s/;.*//' | tr -d '\r')"
    token="$(printf '%s' "$page" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')"
    curl -s -o /dev/null -D "$results/signed-in.h" -H "Cookie: $cookie" \
        --data-urlencode "username=reader1" --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$token" \
        "$base/login"
    grep -iE '^set-cookie: (JSESSIONID|SESSION)=' "$results/signed-in.h" | sed 's/^[^:]*: //; s/;.*//' | tr -d '\r'
}

run() { # DATA DB CACHE_TTL
    local data="$1" db="$2" ttl="$3" cache
    cache=$([ "$ttl" = 0s ] && echo "cache-off" || echo "cached")
    start_site "$db" "$ttl"
    local busy deep_page id cookie slug name_query
    # The generated sites' busiest is the newest article; the demo's is the one with 500 comments.
    slug="$(psql -tA -d "$db" -c "SELECT slug FROM article WHERE status = 'PUBLISHED' AND comment_count = 500
        ORDER BY published_at DESC LIMIT 1")"
    name_query=$([ "$data" = demo ] && echo "Ruth+Okonedo" || echo "Ada+Okoro")
    busy="$(curl -s -o /dev/null -w '%{redirect_url}' "$base/news/2000/01/01/$slug" | sed 's#^https\?://[^/]*##')"
    # Comments are posted on the next newest article, so that the busiest keeps its 500 for the next run.
    id="$(psql -tA -d "$db" -c "SELECT id FROM article WHERE slug <> '$slug' AND status = 'PUBLISHED'
        AND comments_open AND published_at <= now() ORDER BY published_at DESC LIMIT 1")"
    deep_page="$(deepest_page "$db")"
    # (Read whole before grep -q: with pipefail, curl cut short by grep's early exit would fail the check.)
    curl -s "$base$busy" > "$results/page.html"
    grep -q 'class="count">(500)<' "$results/page.html" || { echo "$busy has not 500 comments" >&2; exit 1; }
    measure "$data" "$cache" "front page" "/"
    measure "$data" "$cache" "article, 500 comments" "$busy"
    # (Page 1 has no ?page=: /sections/news?page=1 redirects to /sections/news.)
    measure "$data" "$cache" "section news page $deep_page" \
        "/sections/news$([ "$deep_page" -gt 1 ] && echo "?page=$deep_page")"
    cookie="$(sign_in)"
    curl -s -H "Cookie: $cookie" "$base$busy" > "$results/page.html"
    grep -q 'Sign out' "$results/page.html" || { echo "reader1 is not signed in" >&2; exit 1; }
    # The signed-in path runs code no anonymous page reached yet: 5 s leave it to the interpreter (270 req/s where
    # a warm jar serves 500 to 800, bench/signed-in-ab.sh), so it warms up for SIGNED_IN_WARMUP.
    WARMUP="$SIGNED_IN_WARMUP" measure "$data" "$cache" "signed-in article, 500 comments" "$busy" -H "Cookie: $cookie"
    # A reader may post 5 comments a minute: the cache-off run posts as the next POST_READERS readers.
    local load first; load="$(uptime | sed 's/.*load average: //')"
    first=$([ "$ttl" = 0s ] && echo $((2 + POST_READERS)) || echo 2)
    printf '%-6s %-9s %-34s %s   %s\n' "$data" "$cache" "posting comments" \
        "$(python3 "$repo_root/bench/comment-burst.py" "$base" "$id" "$first" "$POST_READERS" 5 "$POST_CLIENTS" 60 \
            "$PASSWORD")" \
        "$load" | tee -a "$results/summary.txt"
    # Searches last, with fewer connections and a longer timeout: a search for a common word at full size reads
    # the whole table (docs/performance.md), and requests still queued when wrk stops would slow what follows.
    CONNECTIONS="$SEARCH_CONNECTIONS" measure "$data" "$cache" "search $name_query (a name)" "/search?q=$name_query" \
        --timeout 20s
    CONNECTIONS="$SEARCH_CONNECTIONS" measure "$data" "$cache" "search harbour (common)" "/search?q=harbour" \
        --timeout 20s
    stop_site
}

if [ "${1:-}" = --flat ]; then
    flat_only=true
else
    flat_only=false
fi
if [ "${REUSE:-0}" != 1 ] && ! $flat_only; then
    [ "${ONLY:-small}" = small ] && generate "$DB_SMALL" "${SMALL_ARTICLES:-1000}" "${SMALL_COMMENTS:-1000}" \
        "${SMALL_ACCOUNTS:-500}"
    [ "${ONLY:-full}" = full ] && generate "$DB_FULL" "${ARTICLES:-250000}" "${COMMENTS:-1000000}" \
        "${ACCOUNTS:-50000}"
    [ "${ONLY:-demo}" = demo ] && load_demo "$DB_DEMO"
fi
{ echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -1);" \
    "$(psql -tA -d postgres -c 'SHOW server_version') PostgreSQL; jar $(basename "$jar"); JAVA_OPTS=${JAVA_OPTS:--Xmx512m}"
  echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency after a $WARMUP warm-up per page"
  printf '%-6s %-9s %-34s %10s %9s %9s %7s   %s\n' data cache page "req/s" "p50 ms" "p99 ms" "errors" \
      "load average (1, 5, 15 min) before"; } | tee "$results/summary.txt"
if $flat_only; then
    flat
    echo "(raw wrk output in ${results#"$repo_root"/})"
    exit 0
fi
for data in demo small full; do
    [ -n "${ONLY:-}" ] && [ "$ONLY" != "$data" ] && continue
    case "$data" in demo) db="$DB_DEMO" ;; small) db="$DB_SMALL" ;; *) db="$DB_FULL" ;; esac
    run "$data" "$db" 60s
    run "$data" "$db" 0s
done
echo "(raw wrk output in ${results#"$repo_root"/})"
