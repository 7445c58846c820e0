#!/usr/bin/env bash
# Benchmarks a RUNNING Broadsheet with wrk: the front page, an article page and (optionally) an article with
# many comments, then prints requests/s and p50/p99 latency for each.
#
# Build and start the site first (in another terminal; demo profile, in-memory H2 with demo content):
#   ./mvnw -q -DskipTests package && java -jar target/broadsheet-0.1.0-SNAPSHOT.jar
#
# Usage:
#   bench/article-page.sh            # benchmark http://127.0.0.1:8080
#   bench/article-page.sh --nginx    # also serve the article's HTML as a static file from nginx on :8089
#                                    # and benchmark that the same way, as a ceiling to compare with
#   bench/article-page.sh --cache-off  # also start the built jar (target/broadsheet-*.jar) a second time, on
#                                    # CACHE_OFF_PORT with the page cache off, and benchmark the same pages
#                                    # there in the same run: the full render path
#   bench/article-page.sh --mixed    # then read up to 35 popular pages (round robin) twice: quietly, and while
#                                    # bench/poster.py posts POST_RATE comments a second on other articles;
#                                    # prints both and their ratio
# Environment:
#   BASE_URL        site to benchmark (default http://127.0.0.1:8080)
#   ARTICLE_PATH    article to use (default: first /{section}/{yyyy}/{MM}/{dd}/{slug} link of the front page)
#   COMMENTS_PATH   an article with many comments (default: the first of the front page's "Most discussed",
#                   on the demo site the article with 500 comments); COMMENTS_PATH=none leaves it out
#   DURATION        wrk duration per path (default 15s); WARMUP warm-up per path (default 10s)
#   THREADS, CONNECTIONS   wrk -t / -c (default 2 / 64)
#   GZIP=1          send "Accept-Encoding: gzip" like a browser (default: uncompressed)
#   SIGNED_IN=1     sign in first (SIGN_IN_USER / SIGN_IN_PASSWORD, default the demo account reader) and send
#                   its session cookie, to measure pages for a signed-in reader (while one anonymous request a
#                   second keeps the shared part of the page fresh in the cache, as anonymous traffic would)
#   NGINX_PORT      port of the --nginx comparison server (default 8089)
#   CACHE_OFF_PORT  port of the --cache-off instance (default 8090); JAR the jar to start (default target/*.jar)
#   OFF_JAVA_OPTS   its JVM options (default -Xmx512m), e.g. "-Xmx512m -XX:StartFlightRecording=filename=off.jfr"
#   POST_RATE, POSTERS  --mixed: comments a second (default 1) and readers posting them (default 15)
#   INSTALL_NGINX=1 install nginx without asking when --nginx is given and nginx is missing
# Raw wrk output is kept in bench/results/<timestamp>/ (git-ignored).
# wrk, the site and nginx share the machine's cores: compare numbers from the same run, not across machines.
set -euo pipefail

BASE_URL="${BASE_URL:-http://127.0.0.1:8080}"
BASE_URL="${BASE_URL%/}"
DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-10s}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-64}"
NGINX_PORT="${NGINX_PORT:-8089}"
CACHE_OFF_PORT="${CACHE_OFF_PORT:-8090}"
POST_RATE="${POST_RATE:-1}"
POSTERS="${POSTERS:-15}"
ARTICLE_PATTERN='/[a-z0-9-]+/[0-9]{4}/[0-9]{2}/[0-9]{2}/[a-z0-9-]+'

with_nginx=false
cache_off=false
mixed=false
for arg in "$@"; do
    case "$arg" in
        --nginx) with_nginx=true ;;
        --cache-off) cache_off=true ;;
        --mixed) mixed=true ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
    esac
done

repo_root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
results_dir="$repo_root/bench/results/$(date +%Y%m%d-%H%M%S)"
work_dir="$(mktemp -d -t broadsheet-bench.XXXXXX)"
nginx_pid=""
off_pid=""
poster_pid=""

cleanup() {
    for pid in "$nginx_pid" "$off_pid" "$poster_pid"; do
        if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
            kill -TERM "$pid" 2>/dev/null || true
            wait "$pid" 2>/dev/null || true
        fi
    done
    rm -rf "$work_dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
}

need_command() {
    command -v "$1" >/dev/null 2>&1 || { echo "$1 is required" >&2; exit 1; }
}

need_command curl
if ! command -v wrk >/dev/null 2>&1; then
    echo "wrk is not installed: installing it with apt-get" >&2
    apt_install wrk
fi

headers=()
if [ "${SIGNED_IN:-0}" = "1" ]; then
    jar="$(mktemp)"
    csrf="$(curl -s -c "$jar" -b "$jar" "$BASE_URL/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 \
        | sed 's/.*value="//; s/"$//')"
    curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=${SIGN_IN_USER:-reader}" \
        --data-urlencode "password=${SIGN_IN_PASSWORD:-broadsheet-demo}" --data-urlencode "_csrf=$csrf" \
        "$BASE_URL/login"
    session="$(awk '$6 == "JSESSIONID" {print $7}' "$jar" | tail -1)"
    rm -f "$jar"
    if [ -z "$session" ]; then
        echo "could not sign in as ${SIGN_IN_USER:-reader}" >&2
        exit 1
    fi
    headers+=(-H "Cookie: JSESSIONID=$session")
fi
if [ "${GZIP:-0}" = "1" ]; then
    headers+=(-H "Accept-Encoding: gzip")
fi

status_of() { # URL -> HTTP status (000 when nothing answers)
    curl -s -o /dev/null -w '%{http_code}' --max-time 10 "${headers[@]}" "$1" || true
}

front_status="$(status_of "$BASE_URL/")"
if [ "$front_status" != "200" ]; then
    echo "Broadsheet does not answer 200 on $BASE_URL/ (got $front_status). Build and start it first:" >&2
    echo "  ./mvnw -q -DskipTests package && java -jar target/broadsheet-0.1.0-SNAPSHOT.jar" >&2
    exit 1
fi

if [ -z "${ARTICLE_PATH:-}" ]; then
    # First href of the front page that is an article permalink, relative or absolute.
    ARTICLE_PATH="$(curl -fsS --max-time 10 "$BASE_URL/" \
        | grep -oE "href=\"(https?://[^\"/]+)?$ARTICLE_PATTERN/?\"" \
        | head -n 1 \
        | sed -E 's/^href="//; s/"$//; s#^https?://[^/]+##')" || true
    if [ -z "$ARTICLE_PATH" ]; then
        echo "No article link matching $ARTICLE_PATTERN on $BASE_URL/; set ARTICLE_PATH" >&2
        exit 1
    fi
fi
article_status="$(status_of "$BASE_URL$ARTICLE_PATH")"
if [ "$article_status" != "200" ]; then
    hint=""
    [[ "$article_status" == 3* ]] && hint=" (a redirect: the URL's section, date or slug is outdated)"
    echo "$BASE_URL$ARTICLE_PATH answers $article_status, not 200$hint" >&2
    exit 1
fi

if [ -z "${COMMENTS_PATH:-}" ]; then
    # The first link of the front page's "Most discussed" list.
    COMMENTS_PATH="$(curl -fsS --max-time 10 "$BASE_URL/" | tr '\n' ' ' \
        | grep -oE 'class="discussed-list">[^<]*<li>[^<]*<a href="[^"]+"' \
        | head -n 1 | sed -E 's/.*href="//; s/"$//')" || true
fi
[ "${COMMENTS_PATH:-}" = "none" ] && COMMENTS_PATH=""

targets=("$BASE_URL/" "$BASE_URL$ARTICLE_PATH")
labels=("/" "$ARTICLE_PATH")
if [ -n "${COMMENTS_PATH:-}" ]; then
    comments_status="$(status_of "$BASE_URL$COMMENTS_PATH")"
    if [ "$comments_status" != "200" ]; then
        echo "$BASE_URL$COMMENTS_PATH answers $comments_status, not 200" >&2
        exit 1
    fi
    targets+=("$BASE_URL$COMMENTS_PATH")
    labels+=("$COMMENTS_PATH (comments)")
fi

start_nginx() {
    local nginx_bin
    nginx_bin="$(command -v nginx || true)"
    [ -z "$nginx_bin" ] && [ -x /usr/sbin/nginx ] && nginx_bin=/usr/sbin/nginx
    if [ -z "$nginx_bin" ]; then
        local answer="n"
        if [ "${INSTALL_NGINX:-0}" = "1" ]; then
            answer="y"
        elif [ -t 0 ]; then
            read -r -p "nginx is not installed. Install it with 'apt-get install -y nginx-light' now? [y/N] " answer
        fi
        if [[ "$answer" =~ ^[Yy] ]]; then
            # nginx-light exists up to Debian 12; later releases only have nginx.
            apt_install nginx-light || apt_install nginx
            # The package may start a system nginx on port 80; it is not used here.
            nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
        else
            echo "Skipping the nginx comparison: install nginx (apt-get install -y nginx-light, or nginx)," \
                "or run with INSTALL_NGINX=1" >&2
            return 1
        fi
    fi
    if [ "$(status_of "http://127.0.0.1:$NGINX_PORT/")" != "000" ]; then
        echo "Port $NGINX_PORT is already in use; set NGINX_PORT" >&2
        return 1
    fi

    local prefix="$work_dir/nginx"
    mkdir -p "$prefix/html" "$prefix/logs" "$prefix/tmp"
    # The pages as the site serves them to anonymous readers (uncompressed); nginx answers them for the same paths.
    curl -fsS --max-time 10 "$BASE_URL$ARTICLE_PATH" -o "$prefix/html/article.html"
    local comments_location=""
    if [ -n "${COMMENTS_PATH:-}" ]; then
        curl -fsS --max-time 10 "$BASE_URL$COMMENTS_PATH" -o "$prefix/html/comments.html"
        comments_location="location = $COMMENTS_PATH { try_files /comments.html =404; }"
    fi
    local user_line=""
    if [ "$(id -u)" -eq 0 ]; then
        # As root the workers would otherwise switch to "nobody", who cannot read the private temp dir.
        user_line="user $(id -un) $(id -gn);"
    fi
    local gzip_line="gzip off;"
    if [ "${GZIP:-0}" = "1" ]; then
        gzip_line="gzip on; gzip_min_length 1024; gzip_types text/css application/javascript image/svg+xml;"
    fi
    cat > "$prefix/nginx.conf" <<CONF
$user_line
daemon off;
worker_processes auto;
pid $prefix/nginx.pid;
error_log $prefix/logs/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $prefix/tmp/client_body;
    proxy_temp_path $prefix/tmp/proxy;
    fastcgi_temp_path $prefix/tmp/fastcgi;
    uwsgi_temp_path $prefix/tmp/uwsgi;
    scgi_temp_path $prefix/tmp/scgi;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    $gzip_line
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $prefix/html;
        default_type "text/html; charset=utf-8";
        $comments_location
        location / { try_files /article.html =404; }
    }
}
CONF
    "$nginx_bin" -p "$prefix" -c "$prefix/nginx.conf" -e "$prefix/logs/error.log" &
    nginx_pid=$!
    for _ in $(seq 1 50); do
        [ "$(status_of "http://127.0.0.1:$NGINX_PORT$ARTICLE_PATH")" = "200" ] && return 0
        kill -0 "$nginx_pid" 2>/dev/null || break
        sleep 0.1
    done
    echo "nginx did not start:" >&2
    cat "$prefix/logs/error.log" >&2 || true
    return 1
}

if $with_nginx; then
    if start_nginx; then
        targets+=("http://127.0.0.1:$NGINX_PORT$ARTICLE_PATH")
        labels+=("nginx static :$NGINX_PORT $ARTICLE_PATH")
        if [ -n "${COMMENTS_PATH:-}" ]; then
            targets+=("http://127.0.0.1:$NGINX_PORT$COMMENTS_PATH")
            labels+=("nginx static :$NGINX_PORT $COMMENTS_PATH (comments)")
        fi
    fi
fi

start_cache_off() {
    local jar="${JAR:-$(ls "$repo_root"/target/broadsheet-*.jar 2>/dev/null | grep -v plain | head -1)}"
    if [ -z "$jar" ]; then
        echo "--cache-off needs the jar: ./mvnw -q -DskipTests package" >&2
        return 1
    fi
    # shellcheck disable=SC2086
    java ${OFF_JAVA_OPTS:--Xmx512m} -jar "$jar" --server.port="$CACHE_OFF_PORT" --broadsheet.site.page-cache-ttl=0s \
        --broadsheet.site.base-url="http://127.0.0.1:$CACHE_OFF_PORT" > "$work_dir/cache-off.log" 2>&1 &
    off_pid=$!
    for _ in $(seq 1 120); do
        [ "$(status_of "http://127.0.0.1:$CACHE_OFF_PORT/actuator/health/readiness")" = "200" ] && return 0
        kill -0 "$off_pid" 2>/dev/null || break
        sleep 1
    done
    echo "the cache-off instance did not become ready:" >&2
    tail -20 "$work_dir/cache-off.log" >&2
    return 1
}

if $cache_off; then
    if start_cache_off; then
        base_count=${#targets[@]}
        for i in $(seq 0 $((base_count - 1))); do
            path="${targets[$i]#"$BASE_URL"}"
            # The demo data are the same on both instances, addresses included.
            curl -s -o /dev/null "http://127.0.0.1:$CACHE_OFF_PORT$path"
            targets+=("http://127.0.0.1:$CACHE_OFF_PORT$path")
            labels+=("cache off ${labels[$i]}")
        done
    else
        exit 1
    fi
fi

# wrk prints latencies as 812.00us, 3.41ms, 1.02s or 1.50m: normalise to milliseconds.
to_ms() {
    awk -v v="$1" 'BEGIN {
        n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
        if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000;
        printf "%.2f", n }'
}

echo "Benchmarking $BASE_URL: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency after a ${WARMUP} warm-up per path" \
    "${headers[*]:+(${headers[*]})}"
mkdir -p "$results_dir"
rows=()
for i in "${!targets[@]}"; do
    url="${targets[$i]}"
    label="${labels[$i]}"
    echo "-- $label: warming up ($WARMUP)" >&2
    keeper=""
    if [ "${SIGNED_IN:-0}" = "1" ]; then
        # As on a live site, anonymous readers (one a second here) keep the shared version of the page fresh.
        ( while true; do curl -s -o /dev/null "$url" || true; sleep 1; done ) &
        keeper=$!
        sleep 1
    fi
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${headers[@]}" "$url" >/dev/null
    echo "-- $label: measuring ($DURATION)" >&2
    out="$results_dir/$i$(printf '%s' "$label" | tr -cs 'A-Za-z0-9.-' '_' | cut -c1-80).txt"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${headers[@]}" "$url" | tee "$out" >&2
    if [ -n "$keeper" ]; then
        kill "$keeper" 2>/dev/null || true
        wait "$keeper" 2>/dev/null || true
    fi
    rps="$(awk '/^Requests\/sec:/ {print $2}' "$out")"
    p50="$(awk '$1 == "50%" {print $2}' "$out")"
    p99="$(awk '$1 == "99%" {print $2}' "$out")"
    non2xx="$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$out")"
    errors="$(awk '/Socket errors:/ {gsub(/,/, ""); print $4 + $6 + $8 + $10}' "$out")"
    rows+=("$(printf '%-50s %12s %10s %10s %8s' "$label" "${rps:-?}" "$(to_ms "${p50:-0}")" "$(to_ms "${p99:-0}")" \
        "$(( ${non2xx:-0} + ${errors:-0} ))")")
done

echo
printf '%-50s %12s %10s %10s %8s\n' "path" "requests/s" "p50 ms" "p99 ms" "errors"
printf '%-50s %12s %10s %10s %8s\n' "----" "----------" "------" "------" "------"
printf '%s\n' "${rows[@]}" | tee "$results_dir/summary.txt"
echo
echo "(errors = non-2xx/3xx responses + socket errors; raw wrk output in ${results_dir#"$repo_root"/})"

if $mixed; then
    # Up to 35 popular pages: the front page's article links, in order; comments go to the articles after them.
    mapfile -t articles < <(for page in / $(curl -fsS "$BASE_URL/" | grep -oE 'href="/sections/[a-z0-9-]+"' \
            | sed -E 's/^href="//; s/"$//' | awk '!seen[$0]++'); do
            curl -fsS --max-time 10 "$BASE_URL$page"; done | grep -oE "href=\"$ARTICLE_PATTERN\"" \
        | sed -E 's/^href="//; s/"$//' | awk '!seen[$0]++')
    read_set=("${articles[@]:0:35}")
    write_set=("${articles[@]:35}")
    if [ "${#write_set[@]}" -eq 0 ]; then
        echo "--mixed: no articles beyond the 35 read ones to post on" >&2
        exit 1
    fi
    lua="$work_dir/paths.lua"
    {
        echo 'local paths = {'
        for path in "${read_set[@]}"; do echo "  \"$path\","; done
        echo '}'
        echo 'local i = 0'
        echo 'request = function() i = i % #paths + 1; return wrk.format("GET", paths[i]) end'
    } > "$lua"
    seconds="${DURATION%s}"
    echo "-- mixed: ${#read_set[@]} pages, quiet (${DURATION})" >&2
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$lua" "${headers[@]}" "$BASE_URL" >/dev/null
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$lua" "${headers[@]}" "$BASE_URL" \
        | tee "$results_dir/mixed-quiet.txt" >&2
    echo "-- mixed: the same pages while $POST_RATE comment(s) a second are posted on ${#write_set[@]} other articles" >&2
    python3 "$repo_root/bench/poster.py" "$BASE_URL" "$POSTERS" "$POST_RATE" "$(( seconds + 15 ))" \
        "${write_set[@]:0:40}" > "$results_dir/poster.txt" 2>&1 &
    poster_pid=$!
    # Registering the posters takes a moment; measure once comments are being posted.
    sleep 8
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$lua" "${headers[@]}" "$BASE_URL" \
        | tee "$results_dir/mixed-posting.txt" >&2
    wait "$poster_pid" || true
    poster_pid=""
    quiet="$(awk '/^Requests\/sec:/ {print $2}' "$results_dir/mixed-quiet.txt")"
    posting="$(awk '/^Requests\/sec:/ {print $2}' "$results_dir/mixed-posting.txt")"
    echo
    echo "mixed: ${#read_set[@]} pages read quietly $quiet req/s, while posting $posting req/s," \
        "ratio $(awk -v a="$posting" -v b="$quiet" 'BEGIN { printf "%.2f", a / b }')"
    cat "$results_dir/poster.txt"
fi
