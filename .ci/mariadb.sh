#!/usr/bin/env bash
# Starts a throwaway MariaDB on 127.0.0.1 without systemd, utf8mb4 throughout.
# Usage: .ci/mariadb.sh start <dir> <port>  |  .ci/mariadb.sh stop <dir>
set -euo pipefail
cmd=${1:?start|stop}
dir=${2:?data dir}
port=${3:-3307}
case "$cmd" in
  start)
    rm -rf "$dir" && mkdir -p "$dir/data"
    if [ "$(id -u)" = 0 ]; then user_flag=(--user=root); else user_flag=(); fi
    mariadb-install-db --no-defaults --datadir="$dir/data" "${user_flag[@]}" --auth-root-authentication-method=normal \
      --skip-test-db >"$dir/install.log" 2>&1
    mariadbd --no-defaults --datadir="$dir/data" --port="$port" --bind-address=127.0.0.1 \
      --socket="$dir/mysqld.sock" --pid-file="$dir/mysqld.pid" "${user_flag[@]}" \
      --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
      --skip-name-resolve --max-connections=500 --innodb-buffer-pool-size=256M \
      --innodb-flush-log-at-trx-commit=2 >"$dir/mysqld.log" 2>&1 &
    for _ in $(seq 1 60); do
      if mariadb --no-defaults --protocol=socket --socket="$dir/mysqld.sock" -uroot -e 'SELECT 1' >/dev/null 2>&1; then
        mariadb --no-defaults --protocol=socket --socket="$dir/mysqld.sock" -uroot -e \
          "ALTER USER 'root'@'localhost' IDENTIFIED BY 'root'; CREATE USER IF NOT EXISTS 'root'@'127.0.0.1'; ALTER USER 'root'@'127.0.0.1' IDENTIFIED BY 'root'; GRANT ALL ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION; FLUSH PRIVILEGES;"
        echo "MariaDB $(mariadbd --version | awk '{print $3}') listening on 127.0.0.1:$port"
        exit 0
      fi
      sleep 0.5
    done
    echo "MariaDB did not start; its log:" >&2
    tail -n 40 "$dir/mysqld.log" >&2
    exit 1
    ;;
  stop)
    if [ -f "$dir/mysqld.pid" ]; then kill "$(cat "$dir/mysqld.pid")" 2>/dev/null || true; fi
    for _ in $(seq 1 40); do [ -f "$dir/mysqld.pid" ] || break; sleep 0.25; done
    ;;
  *) echo "usage: $0 start|stop <dir> [port]" >&2; exit 2 ;;
esac
