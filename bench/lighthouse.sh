#!/usr/bin/env bash
# Lighthouse (its mobile defaults: a mid-range phone on slow 4G, simulated) on the front page, a section page and
# the demo article with 500 comments, in Debian's Chromium, against the built jar on a fresh demo database.
# Prints, per page, the four category scores (performance, accessibility, best practices, SEO) and the Largest
# Contentful Paint. Lighthouse comes from the npm registry into target/lighthouse the first time (npm install).
# Traffic goes to 127.0.0.1 only; each page is audited once per round.
# Usage: ./mvnw -q -DskipTests package && bench/lighthouse.sh
# Environment: JAR, PORT (default 18196), ROUNDS (default 1), LIGHTHOUSE_VERSION (default 12.8.2),
# CHROME_PATH (default /usr/bin/chromium), JAVA_OPTS (default -Xmx512m)
set -euo pipefail
. "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/demo-site.sh"
PORT="${PORT:-18196}"; ROUNDS="${ROUNDS:-1}"; VERSION="${LIGHTHOUSE_VERSION:-12.8.2}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
[ -x "$CHROME_PATH" ] || { echo "no Chromium at $CHROME_PATH (apt-get install -y chromium)" >&2; exit 1; }
tools="$repo_root/target/lighthouse"
if [ ! -x "$tools/node_modules/.bin/lighthouse" ]; then
    mkdir -p "$tools"
    (cd "$tools" && npm init -y > /dev/null && npm install --no-audit --no-fund "lighthouse@$VERSION" > npm.log 2>&1) \
        || { echo "npm install lighthouse@$VERSION failed: see $tools/npm.log" >&2; exit 1; }
fi
start_demo_site "$PORT"
busy="$(busiest_article)"
section="$base$(curl -s "$base/" | grep -o 'href="/sections/[^"]*"' | head -1 | sed 's/href="//;s/"$//')"
for round in $(seq 1 "$ROUNDS"); do
    for url in "$base/" "$section" "$busy"; do
        "$tools/node_modules/.bin/lighthouse" "$url" --quiet --output=json --output-path="$work/report.json" \
            --only-categories=performance,accessibility,best-practices,seo \
            --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update" \
            > "$work/lighthouse.log" 2>&1 || { cat "$work/lighthouse.log" >&2; exit 1; }
        node -e '
            const r = require(process.argv[1]);
            const s = k => Math.round(r.categories[k].score * 100);
            const failed = Object.values(r.audits).filter(a => a.score !== null && a.score < 1
                && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual"
                && a.scoreDisplayMode !== "notApplicable" && !/metric/.test(a.scoreDisplayMode)).map(a => a.id);
            console.log(`round ${process.argv[3]} ${process.argv[2]}: performance ${s("performance")}, accessibility `
                + `${s("accessibility")}, best practices ${s("best-practices")}, SEO ${s("seo")}; LCP `
                + `${(r.audits["largest-contentful-paint"].numericValue / 1000).toFixed(2)} s, CLS `
                + `${r.audits["cumulative-layout-shift"].numericValue.toFixed(3)}, TBT `
                + `${Math.round(r.audits["total-blocking-time"].numericValue)} ms`
                + (failed.length ? `; below 1: ${failed.slice(0, 8).join(", ")}` : ""));
        ' "$work/report.json" "${url#"$base"}" "$round"
    done
done
