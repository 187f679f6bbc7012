#!/usr/bin/env bash
# Time staff pages as a browser fetches them: log in, then GET each path
# RUNS times in a row and print the first (cold) time, the median of the
# rest (warm) and the size. The first line is the ceiling measured in the
# same run: the style sheet, which the server answers from memory.
#
#   tools/time-pages.sh http://127.0.0.1:8080 board board-demo-2026 /board /board/alerts
#
# Used for the board's figures in BENCHMARKS.md.
set -euo pipefail
base=$1 account=$2 password=$3
shift 3
runs=${RUNS:-7}
jar=$(mktemp)
trap 'rm -f "$jar" "$jar.out"' EXIT
curl -s -c "$jar" -b "$jar" "$base/login" -o /dev/null
code=$(curl -s -c "$jar" -b "$jar" "$base/login" --data-urlencode "account=$account" \
  --data-urlencode "password=$password" -o /dev/null -w '%{http_code}')
[ "$code" = 303 ] || { echo "login as $account failed ($code)" >&2; exit 1; }
style=/staff/style.css
printf '%-60s %9s %9s %10s\n' path cold_ms warm_ms bytes
for path in "$style" "$@"; do
  times=()
  for _ in $(seq "$runs"); do
    times+=("$(curl -s -b "$jar" "$base$path" -o "$jar.out" -w '%{time_total}')")
  done
  warm=$(printf '%s\n' "${times[@]:1}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%-60s %9.1f %9.1f %10d\n' "$path" "$(echo "${times[0]} * 1000" | bc -l)" \
    "$(echo "$warm * 1000" | bc -l)" "$(stat -c %s "$jar.out")"
done
