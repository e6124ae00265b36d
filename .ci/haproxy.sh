#!/usr/bin/env bash
# HAProxy (Debian's) in TCP mode in front of the 3-node Galera cluster of .ci/galera.sh: one listener
# per app instance, each preferring a different node with the other two as backups, so instances
# write to different nodes and an instance fails over within about 2 s when its node dies.
#
#   .ci/haproxy.sh start <dir> <galera-base-port> <listen-port>…   listener i prefers node ((i-1) mod 3)+1
#   .ci/haproxy.sh stop  <dir>
#
# Health: `option mysql-check` as user "haproxy" (no password, no grants: it only logs in), created
# on the cluster here through node 1 (Galera replicates it). Checks every 500 ms, down after 2
# failures, up after 2; a connection refused by a dead node is retried on the next one (redispatch);
# on-marked-down shutdown-sessions closes the client connections of a dead
# node at once instead of leaving them hanging. Connections that failed over stay on the backup
# node after the preferred one rejoins (no shutdown-backup-sessions: that would fail the requests in
# flight on them); new connections go to the preferred node again.
set -euo pipefail
cmd=${1:?start|stop}
dir=${2:?run dir}
haproxy=${HAPROXY:-/usr/sbin/haproxy}

case "$cmd" in
  start)
    base=${3:?galera base port}
    shift 3
    [ $# -gt 0 ] || { echo "at least one listen port" >&2; exit 2; }
    mkdir -p "$dir"
    mariadb --no-defaults -h127.0.0.1 -P"$base" -uroot -proot -e \
      "CREATE USER IF NOT EXISTS 'haproxy'@'127.0.0.1'; CREATE USER IF NOT EXISTS 'haproxy'@'localhost';"
    {
      cat <<CFG
global
    maxconn 4000
    log stdout format raw local0 notice

defaults
    mode tcp
    log global
    option tcplog
    timeout connect 2s
    timeout client 1h
    timeout server 1h
    timeout check 1s
    retries 2
CFG
      i=0
      for listen in "$@"; do
        preferred=$((i % 3))
        echo ""
        echo "listen galera_$listen"
        echo "    bind 127.0.0.1:$listen"
        echo "    balance first"
        echo "    option mysql-check user haproxy post-41"
        echo "    option redispatch"
        echo "    default-server inter 500 fastinter 250 downinter 500 fall 2 rise 2 on-marked-down shutdown-sessions"
        for k in 0 1 2; do
          node=$(((preferred + k) % 3 + 1))
          port=$((base + node - 1))
          if [ "$k" = 0 ]; then echo "    server node$node 127.0.0.1:$port check"; else echo "    server node$node 127.0.0.1:$port check backup"; fi
        done
        i=$((i + 1))
      done
    } >"$dir/haproxy.cfg"
    "$haproxy" -c -q -f "$dir/haproxy.cfg"
    "$haproxy" -D -f "$dir/haproxy.cfg" -p "$dir/haproxy.pid" >>"$dir/haproxy.log" 2>&1
    for listen in "$@"; do
      for _ in $(seq 1 40); do
        if mariadb --no-defaults -h127.0.0.1 -P"$listen" -uroot -proot -N -e 'SELECT 1' >/dev/null 2>&1; then continue 2; fi
        sleep 0.25
      done
      echo "HAProxy listener $listen does not reach the cluster; see $dir/haproxy.log" >&2
      exit 1
    done
    echo "HAProxy $("$haproxy" -v | awk 'NR==1{print $3}') on 127.0.0.1:$* (pid $(cat "$dir/haproxy.pid"))"
    ;;
  stop)
    if [ -f "$dir/haproxy.pid" ]; then
      pid=$(cat "$dir/haproxy.pid")
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      rm -f "$dir/haproxy.pid"
    fi
    ;;
  *) echo "usage: $0 start <dir> <galera-base> <listen-port>… | stop <dir>" >&2; exit 2 ;;
esac
