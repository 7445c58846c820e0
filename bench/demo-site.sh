# Sourced by the bench scripts that start the built jar on their own: `. "$(dirname "$0")/demo-site.sh"`.
# Sets repo_root and jar (JAR, or the one in target/); start_demo_site PORT starts it on a fresh demo database
# (JAVA_OPTS, default -Xmx512m), sets base, work (a temporary directory, deleted at exit) and pid, and waits for
# the first page; busiest_article prints the address of the demo article with 500 comments.
repo_root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
jar="${JAR:-$(ls "$repo_root"/target/broadsheet-*.jar 2>/dev/null | grep -v plain | head -1)}"
[ -n "$jar" ] || { echo "build the jar first: ./mvnw -q -DskipTests package" >&2; exit 1; }

start_demo_site() {
    base="http://127.0.0.1:$1"
    work="$(mktemp -d)"
    # shellcheck disable=SC2086
    java ${JAVA_OPTS:--Xmx512m} -jar "$jar" --server.port="$1" --broadsheet.site.base-url="$base" \
        > "$work/site.log" 2>&1 &
    pid=$!
    trap 'kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
    for _ in $(seq 1 120); do curl -fsS -o /dev/null "$base/" 2>/dev/null && break; sleep 1; done
}

busiest_article() {
    local url
    local sitemap
    # The sitemap index names a sitemap per month, newest first; the demo's articles are in the last few.
    for sitemap in $(curl -s "$base/sitemap.xml" | grep -o '<loc>[^<]*/sitemaps/[0-9-]*\.xml</loc>' \
            | sed 's/<[^>]*>//g' | head -24); do
        for url in $(curl -s "$sitemap" | grep -o '<loc>[^<]*</loc>' | sed 's/<[^>]*>//g'); do
            if curl -s "$url" | grep -q 'class="count">(500)<'; then echo "$url"; return 0; fi
        done
    done
    echo "the demo article with 500 comments was not found" >&2
    return 1
}
