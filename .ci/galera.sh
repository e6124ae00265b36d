#!/usr/bin/env bash
# A throwaway 3-node MariaDB Galera cluster on 127.0.0.1 (Debian's galera-4 and mariadb-backup),
# without systemd, utf8mb4 throughout; the cluster the Galera suite and `pnpm faults` use.
#
#   .ci/galera.sh start   <dir> <base-port>   nodes 1..3 listen on base, base+1, base+2
#   .ci/galera.sh stop    <dir>               every node, cleanly
#   .ci/galera.sh kill    <dir> <n>           SIGKILL node n (a crash)
#   .ci/galera.sh restart <dir> <n>           start node n again; it rejoins (IST when it can)
#   .ci/galera.sh status  <dir>               cluster size and state seen by each running node
#
# Galera's own ports: group communication base+10+i, IST base+20+i, SST base+30+i. State transfer
# is mariabackup, with a defaults file per node. Root's password is "root" on every node.
set -euo pipefail
cmd=${1:?start|stop|kill|restart|status}
dir=${2:?data dir}
provider=/usr/lib/galera/libgalera_smm.so

if [ "$(id -u)" = 0 ]; then user_flag=(--user=root); else user_flag=(); fi

node_dir() { echo "$dir/node$1"; }
port_of() { echo $(( $(cat "$dir/base") + $1 - 1 )); }
gcomm_of() { echo $(( $(cat "$dir/base") + 10 + $1 )); }

client() {
  local n=$1; shift
  mariadb --no-defaults --protocol=socket --socket="$(node_dir "$n")/mysqld.sock" -uroot -proot "$@"
}

launch() {
  local n=$1 bootstrap=${2:-}
  local base; base=$(cat "$dir/base")
  local d; d=$(node_dir "$n")
  # A defaults file of our own (not --no-defaults): the SST script and mariadb-backup read their
  # settings through my_print_defaults, which would otherwise pick up /etc/mysql (syslog, datadir).
  cat >"$d/my.cnf" <<CNF
[mysqld]
datadir=$d/data
port=$(port_of "$n")
bind-address=127.0.0.1
socket=$d/mysqld.sock
pid-file=$d/mysqld.pid
log-error=$d/mysqld.log
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
skip-name-resolve
max-connections=500
innodb-buffer-pool-size=128M
innodb-flush-log-at-trx-commit=2
innodb-autoinc-lock-mode=2
binlog-format=ROW
default-storage-engine=InnoDB
wsrep-on=ON
wsrep-provider=$provider
wsrep-cluster-name=jinri
wsrep-cluster-address=gcomm://127.0.0.1:$(gcomm_of 1),127.0.0.1:$(gcomm_of 2),127.0.0.1:$(gcomm_of 3)
wsrep-node-name=node$n
wsrep-node-address=127.0.0.1
wsrep-provider-options="gmcast.listen_addr=tcp://127.0.0.1:$(gcomm_of "$n");ist.recv_addr=127.0.0.1:$((base + 20 + n));gcache.size=256M"
wsrep-sst-receive-address=127.0.0.1:$((base + 30 + n))
wsrep-sst-method=mariabackup
wsrep-sst-auth=root:root
[client]
socket=$d/mysqld.sock
[sst]
sst-log-archive=0
CNF
  local extra=()
  if [ "$bootstrap" = bootstrap ]; then extra+=(--wsrep-new-cluster); fi
  mariadbd --defaults-file="$d/my.cnf" "${user_flag[@]}" "${extra[@]}" >>"$d/stdout.log" 2>&1 &
}

wait_synced() {
  local n=$1
  for _ in $(seq 1 240); do
    state=$(client "$n" -N -e "SHOW STATUS LIKE 'wsrep_local_state_comment'" 2>/dev/null | awk '{print $2}') || true
    if [ "$state" = Synced ]; then return 0; fi
    sleep 0.5
  done
  echo "Galera node $n did not reach Synced; its log:" >&2
  tail -n 60 "$(node_dir "$n")/mysqld.log" >&2
  return 1
}

case "$cmd" in
  start)
    base=${3:?base port}
    rm -rf "$dir" && mkdir -p "$dir"
    echo "$base" >"$dir/base"
    for n in 1 2 3; do
      mkdir -p "$(node_dir "$n")/data"
      mariadb-install-db --no-defaults --datadir="$(node_dir "$n")/data" "${user_flag[@]}" \
        --auth-root-authentication-method=normal --skip-test-db >"$(node_dir "$n")/install.log" 2>&1
    done
    launch 1 bootstrap
    for _ in $(seq 1 120); do
      if mariadb --no-defaults --protocol=socket --socket="$(node_dir 1)/mysqld.sock" -uroot -e 'SELECT 1' >/dev/null 2>&1; then break; fi
      sleep 0.5
    done
    mariadb --no-defaults --protocol=socket --socket="$(node_dir 1)/mysqld.sock" -uroot -e \
      "ALTER USER 'root'@'localhost' IDENTIFIED BY 'root'; CREATE USER IF NOT EXISTS 'root'@'127.0.0.1'; ALTER USER 'root'@'127.0.0.1' IDENTIFIED BY 'root'; GRANT ALL ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION; FLUSH PRIVILEGES;"
    wait_synced 1
    # Joiners one at a time: each takes a full state transfer (mariabackup) from a synced node.
    for n in 2 3; do
      launch "$n"
      wait_synced "$n"
    done
    size=$(client 1 -N -e "SHOW STATUS LIKE 'wsrep_cluster_size'" | awk '{print $2}')
    echo "Galera cluster of $size nodes ($(mariadbd --version | awk '{print $3}')) on 127.0.0.1:$base,$((base + 1)),$((base + 2))"
    ;;
  kill)
    n=${3:?node}
    d=$(node_dir "$n")
    if [ -f "$d/mysqld.pid" ]; then kill -9 "$(cat "$d/mysqld.pid")" 2>/dev/null || true; fi
    for _ in $(seq 1 40); do
      client "$n" -e 'SELECT 1' >/dev/null 2>&1 || break
      sleep 0.1
    done
    rm -f "$d/mysqld.pid" "$d/mysqld.sock"
    ;;
  restart)
    n=${3:?node}
    launch "$n"
    wait_synced "$n"
    ;;
  status)
    for n in 1 2 3; do
      line=$(client "$n" -N -e "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME IN ('WSREP_CLUSTER_SIZE','WSREP_LOCAL_STATE_COMMENT') ORDER BY VARIABLE_NAME" 2>/dev/null | paste -sd' ') || line=down
      echo "node$n: ${line:-down}"
    done
    ;;
  stop)
    # Joiners first, the last one standing shuts down cleanly (safe_to_bootstrap for a later start).
    for n in 3 2 1; do
      d=$(node_dir "$n")
      if [ -f "$d/mysqld.pid" ]; then kill "$(cat "$d/mysqld.pid")" 2>/dev/null || true; fi
      for _ in $(seq 1 60); do [ -f "$d/mysqld.pid" ] || break; sleep 0.25; done
    done
    ;;
  *) echo "usage: $0 start|stop|kill|restart|status <dir> [port|node]" >&2; exit 2 ;;
esac
