#!/usr/bin/env bash
# Usage: bench/pool-retirement.sh target/broadsheet-0.1.0-SNAPSHOT.jar 18090 (the jar, a free port). The demo site on
# H2 2.4.240 stopped taking writes once Hikari retired the connection that ran the migrations.
# Starts a jar with connections retired every 30 s, waits 75 s, then signs in the demo reader and posts a comment.
jar=$1; port=$2
java -jar "$jar" --server.port=$port --spring.datasource.hikari.max-lifetime=30000 > "${TMPDIR:-/tmp}/pool-$port.log" 2>&1 &
pid=$!
for _ in $(seq 1 60); do curl -fs -o /dev/null http://127.0.0.1:$port/ && break; sleep 1; done
sleep 75
c=$(mktemp); html=$(curl -s -c $c -b $c http://127.0.0.1:$port/login)
tok=$(grep -o 'name="_csrf" value="[^"]*"' <<<"$html" | head -1 | sed 's/.*value="//;s/"$//')
curl -s -c $c -b $c -o /dev/null --data-urlencode "_csrf=$tok" -d username=reader -d password=broadsheet-demo http://127.0.0.1:$port/login
art=$(curl -s http://127.0.0.1:$port/ | grep -o 'href="/[a-z0-9-]*/20[0-9][0-9]/[0-9][0-9]/[0-9][0-9]/[a-z0-9-]*"' | sed -n 3p | sed "s/href=\"//;s/\"//")
page=$(curl -s -c $c -b $c http://127.0.0.1:$port$art)
id=$(grep -o 'data-article-id="[0-9]*"' <<<"$page" | head -1 | tr -dc 0-9)
tok=$(grep -o 'name="_csrf" value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//;s/"$//')
key=$(grep -o 'name="key" value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//;s/"$//')
code=$(curl -s -c $c -b $c -o "${TMPDIR:-/tmp}/pool-post.html" -w "%{http_code}" --data-urlencode "_csrf=$tok" --data-urlencode "key=$key" --data-urlencode "text=Still taking comments after the pool retired its connections $(date +%s)" http://127.0.0.1:$port/articles/$id/comments)
echo "post after 75 s with 30 s connection lifetime: HTTP $code"; grep -c "Check constraint invalid" "${TMPDIR:-/tmp}/pool-$port.log"
kill $pid
