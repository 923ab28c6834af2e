#!/usr/bin/env bash
# Runs every test suite: all tests on SQLite (with the browser tests), then the database tests again
# on a throwaway PostgreSQL cluster that this script starts (initdb in a temp folder, loopback, a free
# port) and stops. Ends with one line: "Tests: N passed, M failed".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

"$root/scripts/install-test-deps.sh" || exit 1

work="$(mktemp -d /tmp/saphan-test.XXXXXX)"
results="$work/results"
mkdir -p "$results"
pgdata="$work/pg"
pgbin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

stop_pg() {
  if [ -f "$pgdata/postmaster.pid" ]; then
    as_pg "$pgbin/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1 || true
  fi
}
cleanup() { stop_pg; rm -rf "$work"; }
trap cleanup EXIT

echo "== build"
if ! dotnet build "$root/Saphan.slnx" -c Debug -v quiet -nologo -clp:ErrorsOnly; then
  echo "build failed"
  echo "Tests: 0 passed, 1 failed"
  exit 1
fi

echo "== PostgreSQL: starting a throwaway cluster"
port=""
for candidate in $(seq 55432 55532); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
mkdir -p "$pgdata"
[ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$work" && chmod 755 "$work"
pg_ok=0
if [ -n "$port" ] && [ -n "$pgbin" ] \
  && as_pg "$pgbin/initdb" -D "$pgdata" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 \
  && as_pg "$pgbin/pg_ctl" -D "$pgdata" -w -l "$pgdata/server.log" \
       -o "-p $port -k $pgdata -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null; then
  pg_ok=1
  echo "   listening on 127.0.0.1:$port"
else
  echo "   could not start PostgreSQL (see below); the PostgreSQL pass counts as failed"
  tail -n 20 "$work/initdb.log" "$pgdata/server.log" 2>/dev/null
fi
pg_conn="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50"

failures=0
run_suite() { # name project engine filter
  local name="$1" project="$2" engine="$3" filter="$4"
  local trx="$name.trx"
  local args=(test "$project" --no-build -c Debug -nologo --logger "trx;LogFileName=$trx" --results-directory "$results")
  [ -n "$filter" ] && args+=(--filter "$filter")
  echo "== $name"
  SAPHAN_TEST_DB="$engine" SAPHAN_TEST_PG="$pg_conn" dotnet "${args[@]}" 2>&1 | grep -E "error|Failed |Passed!|Failed!|\[FAIL\]|Assert|Exception|at Saphan" | head -n 60
  local code=${PIPESTATUS[0]}
  if [ ! -f "$results/$trx" ]; then
    echo "   $name produced no results (exit $code)"
    failures=$((failures + 1))
  elif [ "$code" -ne 0 ]; then
    echo "   $name exited $code"
  fi
}

for project in tests/*/*.Tests.csproj; do
  name="$(basename "$project" .csproj)"
  run_suite "$name (sqlite)" "$project" sqlite ""
done
if [ "$pg_ok" -eq 1 ]; then
  for project in tests/*/*.Tests.csproj; do
    name="$(basename "$project" .csproj)"
    if grep -rqs 'Category", "Database"' "$(dirname "$project")" --include=*.cs; then
      run_suite "$name (postgres)" "$project" postgres "Category=Database"
    fi
  done
else
  failures=$((failures + 1))
fi

passed=0; failed=0; total=0
echo "== summary"
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  t=$(get total); p=$(get passed); f=$(get failed)
  t=${t:-0}; p=${p:-0}; f=${f:-0}
  # Errors and timeouts count as failures too.
  other=$(( t - p - f - $(get notExecuted || echo 0) ))
  [ "$other" -lt 0 ] && other=0
  printf '   %-40s %5d passed, %d failed\n' "$(basename "$trx" .trx)" "$p" "$((f + other))"
  passed=$((passed + p)); failed=$((failed + f + other)); total=$((total + t))
done
failed=$((failed + failures))
if [ "$total" -eq 0 ]; then
  echo "no test ran"
  failed=$((failed + 1))
fi
echo "Tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
