#!/usr/bin/env bash
# Requests a second for the demo reader, signed in, on the demo article with 500 comments: one jar at a time, so
# that two builds can be compared side by side on the same machine (JAR=old.jar bench/signed-in.sh; then the new).
# The jar starts on a fresh in-memory database, settles (the demo's comments load after the first page), then wrk
# runs twice and the second run counts. Traffic goes to 127.0.0.1 only; each run is bounded by DURATION.
# Usage: ./mvnw -q -DskipTests package && bench/signed-in.sh
# Environment: JAR, PORT (default 18195), DURATION (default 10s), CONNECTIONS (default 16), SETTLE (default 25),
# JAVA_OPTS (default -Xmx512m)
set -euo pipefail
. "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/demo-site.sh"
PORT="${PORT:-18195}"; DURATION="${DURATION:-10s}"; CONNECTIONS="${CONNECTIONS:-16}"; SETTLE="${SETTLE:-25}"
start_demo_site "$PORT"
sleep "$SETTLE"
jar_cookies="$work/cookies"
token=$(curl -s -c "$jar_cookies" -b "$jar_cookies" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 \
    | sed 's/.*value="//;s/"//')
curl -s -c "$jar_cookies" -b "$jar_cookies" -o /dev/null -d "username=reader&password=broadsheet-demo&_csrf=$token" \
    "$base/login"
session=$(awk '/JSESSIONID/ {print $7}' "$jar_cookies")
busy="$(busiest_article)"
curl -s -H "Cookie: JSESSIONID=$session" "$busy" > "$work/page.html"
grep -q "Sign out" "$work/page.html" || { echo "not signed in" >&2; exit 1; }
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -H "Cookie: JSESSIONID=$session" "$busy" > /dev/null
rate=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -H "Cookie: JSESSIONID=$session" "$busy" | awk '/Requests\/sec/ {print $2}')
echo "signed-in busy article: $rate req/s ($(basename "$jar"), $busy)"
