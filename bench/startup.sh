#!/usr/bin/env bash
# Seconds from `java -jar` to the first complete front page (HTTP 200; before the site is ready it answers 503),
# for the built jar with the demo profile: ROUNDS starts (default 3), each on a fresh in-memory database.
# Usage: ./mvnw -q -DskipTests package && bench/startup.sh
# Environment: PORT (default 18190), ROUNDS, JAVA_OPTS (default -Xmx512m)
set -euo pipefail
repo_root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
jar="${JAR:-$(ls "$repo_root"/target/broadsheet-*.jar 2>/dev/null | grep -v plain | head -1)}"
[ -n "$jar" ] || { echo "build the jar first: ./mvnw -q -DskipTests package" >&2; exit 1; }
PORT="${PORT:-18190}"
ROUNDS="${ROUNDS:-3}"
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true' EXIT
for round in $(seq 1 "$ROUNDS"); do
    start=$(date +%s.%N)
    # shellcheck disable=SC2086
    java ${JAVA_OPTS:--Xmx512m} -jar "$jar" --server.port="$PORT" > /tmp/broadsheet-startup.log 2>&1 &
    pid=$!
    status=000
    for _ in $(seq 1 1200); do
        status="$(curl -s -o /tmp/broadsheet-startup.html -w '%{http_code}' --max-time 5 "http://127.0.0.1:$PORT/" || true)"
        [ "$status" = "200" ] && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.05
    done
    end=$(date +%s.%N)
    stories=$(grep -o 'class="card' /tmp/broadsheet-startup.html | wc -l)
    printf 'round %d: HTTP %s after %.2f s, %d story cards on the first front page\n' "$round" "$status" \
        "$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" "$stories"
    kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
done
