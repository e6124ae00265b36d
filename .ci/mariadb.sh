#!/usr/bin/env bash
# Starts a throwaway MariaDB on 127.0.0.1 without systemd, utf8mb4 throughout.
#
#   .ci/mariadb.sh start   <dir> <port>   a fresh datadir (wiped first); root's password is "root"
#   .ci/mariadb.sh stop    <dir>          a clean shutdown
#   .ci/mariadb.sh kill    <dir>          SIGKILL the server (a crash); the datadir stays
#   .ci/mariadb.sh restart <dir>          start the same datadir again (crash recovery), same port
set -euo pipefail
cmd=${1:?start|stop|kill|restart}
dir=${2:?data dir}
port=${3:-3307}
if [ "$(id -u)" = 0 ]; then user_flag=(--user=root); else user_flag=(); fi

launch() {
  mariadbd --no-defaults --datadir="$dir/data" --port="$1" --bind-address=127.0.0.1 \
    --socket="$dir/mysqld.sock" --pid-file="$dir/mysqld.pid" "${user_flag[@]}" \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --skip-name-resolve --max-connections=500 --innodb-buffer-pool-size=256M \
    --innodb-flush-log-at-trx-commit=2 >>"$dir/mysqld.log" 2>&1 &
  echo $! >"$dir/mysqld.launched"
}

# Waits until the server answers on its socket; $1 = "init" also sets root's password.
wait_ready() {
  for _ in $(seq 1 120); do
    if [ "$1" = init ] && mariadb --no-defaults --protocol=socket --socket="$dir/mysqld.sock" -uroot -e 'SELECT 1' >/dev/null 2>&1; then
      mariadb --no-defaults --protocol=socket --socket="$dir/mysqld.sock" -uroot -e \
        "ALTER USER 'root'@'localhost' IDENTIFIED BY 'root'; CREATE USER IF NOT EXISTS 'root'@'127.0.0.1'; ALTER USER 'root'@'127.0.0.1' IDENTIFIED BY 'root'; GRANT ALL ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION; FLUSH PRIVILEGES;"
      return 0
    fi
    if [ "$1" != init ] && mariadb --no-defaults --protocol=socket --socket="$dir/mysqld.sock" -uroot -proot -e 'SELECT 1' >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.25
  done
  echo "MariaDB did not start; its log:" >&2
  tail -n 40 "$dir/mysqld.log" >&2
  exit 1
}

case "$cmd" in
  start)
    rm -rf "$dir" && mkdir -p "$dir/data"
    echo "$port" >"$dir/port"
    mariadb-install-db --no-defaults --datadir="$dir/data" "${user_flag[@]}" --auth-root-authentication-method=normal \
      --skip-test-db >"$dir/install.log" 2>&1
    launch "$port"
    wait_ready init
    echo "MariaDB $(mariadbd --version | awk '{print $3}') listening on 127.0.0.1:$port"
    ;;
  stop)
    if [ -f "$dir/mysqld.pid" ]; then kill "$(cat "$dir/mysqld.pid")" 2>/dev/null || true; fi
    for _ in $(seq 1 40); do [ -f "$dir/mysqld.pid" ] || break; sleep 0.25; done
    ;;
  kill)
    pid=$(cat "$dir/mysqld.pid" 2>/dev/null || cat "$dir/mysqld.launched")
    kill -9 "$pid" 2>/dev/null || true
    # Gone once the process no longer exists (the pid file stays behind, as after a real crash).
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    ;;
  restart)
    [ -d "$dir/data" ] || { echo "no datadir in $dir; use start" >&2; exit 2; }
    port=$(cat "$dir/port" 2>/dev/null || echo "$port")
    rm -f "$dir/mysqld.pid"
    launch "$port"
    wait_ready again
    echo "MariaDB restarted on 127.0.0.1:$port"
    ;;
  *) echo "usage: $0 start <dir> <port> | stop <dir> | kill <dir> | restart <dir>" >&2; exit 2 ;;
esac
