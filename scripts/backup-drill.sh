#!/usr/bin/env bash
# Backup and restore drill on MariaDB, run for real: a throwaway server with the demo county, a hot
# physical backup (mariadb-backup) taken while the app is running and writing, restored into a new
# data directory and started as a second server; a logical dump (mariadb-dump) restored into a third
# database; every table of the restored copies compared with CHECKSUM TABLE against the source at the
# backup's point, and the app started on the restored copy and asked for its health and today page.
#
#   bash scripts/backup-drill.sh            (needs server/dist: `pnpm build` first; mariadb-backup)
#
# Prints its figures; exits non-zero when a restored copy differs or does not serve.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$(mktemp -d /tmp/jinri-backup-drill.XXXXXX)
free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
src_port=$(free_port)
dst_port=$(free_port)
app_port=$(free_port)
app_pid=""
now_ms() { date +%s%3N; }
sql() { mariadb --no-defaults -h127.0.0.1 -P"$1" -uroot -proot -N -B -e "$2"; }

cleanup() {
  [ -n "$app_pid" ] && kill -- -"$app_pid" 2>/dev/null || true
  .ci/mariadb.sh stop "$work/src" 2>/dev/null || true
  if [ -f "$work/dst/mysqld.pid" ]; then kill "$(cat "$work/dst/mysqld.pid")" 2>/dev/null || true; fi
  sleep 1
  rm -rf "$work"
}
trap cleanup EXIT

command -v mariadb-backup >/dev/null || { echo "mariadb-backup is missing: apt-get install mariadb-backup" >&2; exit 2; }
main=${SERVER_MAIN:-server/dist/main.js}
[ -f "$main" ] || { echo "server/dist is missing: run pnpm build first" >&2; exit 2; }

start_app() { # <port> <database url> [seed]
  PORT=$1 HOST=127.0.0.1 DATABASE_URL=$2 SEED_DEMO=${3:-0} DATA_DIR="$work/app-data" LOG_LEVEL=warn \
    setsid node "$main" >"$work/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 240); do
    curl -fsS "http://127.0.0.1:$1/api/v1/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "the app did not start; its log:" >&2
  tail -n 30 "$work/app.log" >&2
  return 1
}
stop_app() { kill -TERM -- -"$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=""; }

echo "== source: MariaDB on 127.0.0.1:$src_port with the demo county"
.ci/mariadb.sh start "$work/src" "$src_port" >/dev/null
sql "$src_port" "CREATE DATABASE jinri CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
t=$(now_ms)
start_app "$app_port" "mysql://root:root@127.0.0.1:$src_port/jinri" 1
echo "   app started and seeded in $(( $(now_ms) - t )) ms"
root_unit=$(sql "$src_port" "SELECT MIN(id) FROM jinri.units WHERE parent_id IS NULL")
today_source=$(curl -fsS "http://127.0.0.1:$app_port/api/v1/today?unitId=$root_unit" | sha256sum | cut -c1-16)

# The backup is taken hot, with the app connected and its jobs running; the app is stopped right
# after it, so the checksums below compare the copies with the source as the backup saw it.
echo "== hot physical backup (mariadb-backup) while the app runs"
t=$(now_ms)
mariadb-backup --no-defaults --backup --target-dir="$work/backup" --host=127.0.0.1 --port="$src_port" \
  --user=root --password=root --socket="$work/src/mysqld.sock" >"$work/backup.log" 2>&1
backup_ms=$(( $(now_ms) - t ))
t=$(now_ms)
mariadb-backup --no-defaults --prepare --target-dir="$work/backup" >"$work/prepare.log" 2>&1
prepare_ms=$(( $(now_ms) - t ))
echo "   backup $backup_ms ms, prepare $prepare_ms ms, size $(du -sh "$work/backup" | cut -f1)"
stop_app

echo "== logical dump (mariadb-dump --single-transaction)"
t=$(now_ms)
mariadb-dump --no-defaults -h127.0.0.1 -P"$src_port" -uroot -proot --single-transaction \
  --default-character-set=utf8mb4 --routines --databases jinri >"$work/jinri.sql"
echo "   dump $(( $(now_ms) - t )) ms, $(du -h "$work/jinri.sql" | cut -f1)"

tables=$(sql "$src_port" "SELECT table_name FROM information_schema.tables WHERE table_schema='jinri' AND table_type='BASE TABLE' ORDER BY table_name" | paste -sd, -)
rows=$(sql "$src_port" "SELECT SUM(table_rows) FROM information_schema.tables WHERE table_schema='jinri'")
checksums() { sql "$1" "CHECKSUM TABLE $(echo "$tables" | sed "s/\([^,]*\)/$2.\1/g")" | awk '{print $2}'; }

echo "== restore the physical backup into a new data directory, start it on 127.0.0.1:$dst_port"
t=$(now_ms)
mkdir -p "$work/dst"
mariadb-backup --no-defaults --copy-back --target-dir="$work/backup" --datadir="$work/dst/data" >"$work/restore.log" 2>&1
if [ "$(id -u)" = 0 ]; then user_flag=(--user=root); else user_flag=(); fi
mariadbd --no-defaults --datadir="$work/dst/data" --port="$dst_port" --bind-address=127.0.0.1 \
  --socket="$work/dst/mysqld.sock" --pid-file="$work/dst/mysqld.pid" "${user_flag[@]}" \
  --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci --skip-name-resolve \
  >"$work/dst/mysqld.log" 2>&1 &
for _ in $(seq 1 60); do sql "$dst_port" "SELECT 1" >/dev/null 2>&1 && break; sleep 0.5; done
echo "   restored and serving in $(( $(now_ms) - t )) ms"

echo "== restore the logical dump into database jinri_logical on the same server"
t=$(now_ms)
sed 's/`jinri`/`jinri_logical`/g' "$work/jinri.sql" | mariadb --no-defaults -h127.0.0.1 -P"$dst_port" -uroot -proot
echo "   loaded in $(( $(now_ms) - t )) ms"

source_sums=$(checksums "$src_port" jinri)
physical_sums=$(checksums "$dst_port" jinri)
logical_sums=$(checksums "$dst_port" jinri_logical)
count=$(echo "$tables" | tr ',' '\n' | wc -l)
failed=0
if [ "$source_sums" = "$physical_sums" ]; then echo "   physical: $count tables, ~$rows rows, every CHECKSUM TABLE equal"; else echo "   physical: CHECKSUMS DIFFER" >&2; failed=1; fi
if [ "$source_sums" = "$logical_sums" ]; then echo "   logical:  $count tables, every CHECKSUM TABLE equal"; else echo "   logical: CHECKSUMS DIFFER" >&2; failed=1; fi

echo "== the app on the restored copy"
start_app "$app_port" "mysql://root:root@127.0.0.1:$dst_port/jinri"
today_restored=$(curl -fsS "http://127.0.0.1:$app_port/api/v1/today?unitId=$root_unit" | sha256sum | cut -c1-16)
echo "   GET /api/v1/today?unitId=$root_unit: source $today_source, restored $today_restored (sha-256)"
stop_app
[ "$today_source" = "$today_restored" ] || { echo "   the restored today page differs" >&2; failed=1; }

if [ $failed = 0 ]; then echo "backup drill: PASSED"; else echo "backup drill: FAILED" >&2; fi
exit $failed
