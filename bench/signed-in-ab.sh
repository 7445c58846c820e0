#!/usr/bin/env bash
# Two builds side by side for a signed-in reader, as production runs them: JAR_A and JAR_B start at once on the
# prod profile (PostgreSQL, sessions in Redis) against one generated database (DB, default broadsheet_scale_small,
# made by bench/scale.sh), reader1 signs in on each, and wrk measures each path on A and B in turns, ROUNDS times,
# after WARMUP_ROUNDS unrecorded turns (the JIT needs a minute or two: the first turns run at a third of the last).
# Prints requests/s per round, jar and path. Traffic goes to 127.0.0.1 only; every run is bounded by DURATION.
# Usage: bench/signed-in-ab.sh  (JAR_A=old.jar JAR_B=new.jar; PATHS="/robots.txt busy" where busy is the article
#        with 500 comments; PORT (18500, B on PORT+1), DURATION (8s), ROUNDS (3), WARMUP_ROUNDS (3), CONNECTIONS (16))
set -euo pipefail
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
DB="${DB:-broadsheet_scale_small}"; PORT="${PORT:-18500}"; DURATION="${DURATION:-8s}"
ROUNDS="${ROUNDS:-3}"; WARMUP_ROUNDS="${WARMUP_ROUNDS:-3}"; CONNECTIONS="${CONNECTIONS:-16}"
PATHS="${PATHS:-/robots.txt busy}"
: "${JAR_A:?JAR_A=path of the first jar}" "${JAR_B:?JAR_B=path of the second jar}"
work="$(mktemp -d)"; pids=""
trap 'for p in $pids; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT

start() { # NAME JAR PORT
    DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" DATABASE_USERNAME="$PGUSER" MANAGEMENT_SERVER_PORT=0 \
        BROADSHEET_INSTANCES_NAMESPACE="ab-$1-$3" BROADSHEET_SITE_BASEURL="http://127.0.0.1:$3" \
        java ${JAVA_OPTS:--Xmx512m} -jar "$2" --spring.profiles.active=prod --server.port="$3" > "$work/$1.log" 2>&1 &
    pids="$pids $!"
}
sign_in() { # BASE -> SESSION cookie of reader1
    local page cookie token
    page="$(curl -s -D "$work/login.h" "$1/login")"
    cookie="$(grep -iE '^set-cookie: SESSION=' "$work/login.h" | sed 's/^[^:]*: //; s/;.*//' | tr -d '\r')"
    token="$(printf '%s' "$page" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')"
    curl -s -o /dev/null -D "$work/signed.h" -H "Cookie: $cookie" --data-urlencode "username=reader1" \
        --data-urlencode "password=broadsheet-generated" --data-urlencode "_csrf=$token" "$1/login"
    grep -iE '^set-cookie: SESSION=' "$work/signed.h" | sed 's/^[^:]*: //; s/;.*//' | tr -d '\r'
}
start A "$JAR_A" "$PORT"; start B "$JAR_B" "$((PORT + 1))"
declare -A base cookie
for v in A B; do
    base[$v]="http://127.0.0.1:$([ $v = A ] && echo "$PORT" || echo "$((PORT + 1))")"
    for _ in $(seq 1 180); do [ "$(curl -s -o /dev/null -w '%{http_code}' "${base[$v]}/")" = 200 ] && break; sleep 1; done
    cookie[$v]="$(sign_in "${base[$v]}")"
    [ -n "${cookie[$v]}" ] && curl -s -H "Cookie: ${cookie[$v]}" "${base[$v]}/account" -o /dev/null -w "%{http_code}" | grep -q 200 \
        || { echo "$v: not signed in" >&2; tail -3 "$work/$v.log" >&2; exit 1; }
done
busy="$(curl -s -o /dev/null -w '%{redirect_url}' "${base[A]}/news/2000/01/01/the-busiest-conversation" \
    | sed 's#^https\?://[^/]*##')"
for round in $(seq 1 $((WARMUP_ROUNDS + ROUNDS))); do
    for path in $PATHS; do
        [ "$path" = busy ] && path="$busy"
        for v in A B; do
            rate="$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -H "Cookie: ${cookie[$v]}" "${base[$v]}$path" \
                | awk '/Requests\/sec/ {print $2}')"
            [ "$round" -gt "$WARMUP_ROUNDS" ] && echo "round $((round - WARMUP_ROUNDS)) $v $path $rate req/s"
        done
    done
done
