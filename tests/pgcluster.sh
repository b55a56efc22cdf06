#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, on 127.0.0.1 only.
#
#   pgcluster.sh start DIR   initdb into a new temporary directory (its path in
#                            DIR/datadir; DIR is emptied first), start the server
#                            on a free port, write DIR/url and DIR/port
#   pgcluster.sh stop DIR    stop the cluster this script started in DIR and
#                            remove its temporary data; exit 0 when nothing runs
#
# DIR holds only what the tests read (url, port); the cluster's data lives
# under $TMPDIR (default /tmp), in schemadesk-pgdata.XXXXXX, for as long as
# the cluster runs.
#
# As root, initdb and the server run as the `postgres` OS user (initdb refuses
# root); as anyone else, as that user. The superuser is `postgres` with the
# password `postgres`: local socket connections are trusted, TCP connections
# need the password (scram-sha-256). Durability is off: this is test data.

set -euo pipefail

die() {
    echo "pgcluster.sh: $*" >&2
    exit 1
}

usage() {
    echo "usage: pgcluster.sh start|stop DIR" >&2
    exit 2
}

[[ $# -eq 2 ]] || usage
action=$1
dir=$2
[[ -n $dir ]] || usage
case $dir in
    /*) ;;
    *) dir=$PWD/$dir ;;
esac
dir=${dir%/}
# The data directory of the cluster started in DIR, if any: in the
# temporary directory DIR/datadir names, or in DIR/data for a cluster an
# earlier version of this script started (and that must be stopped before
# DIR is emptied).
data_dir() {
    local tmp
    if tmp=$(cat "$dir/datadir" 2>/dev/null) && [[ -n $tmp ]]; then
        echo "$tmp/data"
    elif [[ -f $dir/data/PG_VERSION ]]; then
        echo "$dir/data"
    else
        return 1
    fi
}

find_bindir() {
    local candidate
    for candidate in /usr/lib/postgresql/15/bin "$(pg_config --bindir 2>/dev/null || true)" /usr/lib/postgresql/*/bin; do
        if [[ -n $candidate && -x $candidate/initdb && -x $candidate/pg_ctl ]]; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

# Runs a command as the cluster's OS user.
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

log_tail() {
    if [[ -f $dir/log ]]; then
        echo "--- last lines of $dir/log ---" >&2
        tail -n 30 "$dir/log" >&2 || true
    fi
}

# True when the server of DIR/data runs (pg_ctl status exits 0).
is_running() {
    local data bindir
    data=$(data_dir) || return 1
    [[ -f $data/postmaster.pid ]] || return 1
    bindir=$(cat "$dir/bindir" 2>/dev/null || find_bindir) || return 1
    as_owner "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1
}

stop_cluster() {
    if is_running; then
        local bindir data
        data=$(data_dir)
        bindir=$(cat "$dir/bindir" 2>/dev/null || find_bindir) || die "no PostgreSQL binaries found to stop the cluster in $dir"
        if ! as_owner "$bindir/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null; then
            log_tail
            die "could not stop the PostgreSQL cluster in $dir"
        fi
    fi
    # A socket directory outside DIR (DIR's path was too long for a socket).
    if [[ -f $dir/socketdir ]]; then
        local sockdir
        sockdir=$(cat "$dir/socketdir")
        [[ $sockdir == /tmp/schemadesk-pg.* ]] && rm -rf -- "$sockdir"
        rm -f -- "$dir/socketdir"
    fi
    # The temporary data directory, once nothing runs on it.
    if [[ -f $dir/datadir ]] && ! is_running; then
        local tmp
        tmp=$(cat "$dir/datadir")
        [[ $(basename -- "$tmp") == schemadesk-pgdata.* ]] && rm -rf -- "$tmp"
        rm -f -- "$dir/datadir"
    fi
}

# A port on 127.0.0.1 that nobody listens on right now.
free_port() {
    local port
    for py in /usr/bin/python3 python3; do
        if port=$("$py" -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()' 2>/dev/null) && [[ $port =~ ^[0-9]+$ ]]; then
            echo "$port"
            return 0
        fi
    done
    local listening
    listening=$(ss -ltnH 2>/dev/null | awk '{print $4}' | sed 's/.*://' | sort -u)
    for _ in $(seq 1 200); do
        port=$((20000 + RANDOM % 40000))
        if ! grep -qx "$port" <<<"$listening"; then
            echo "$port"
            return 0
        fi
    done
    return 1
}

# Makes DIR and every parent traversable by the postgres OS user.
make_traversable() {
    local path=$1
    while [[ -n $path && $path != / ]]; do
        if ! runuser -u postgres -- test -x "$path" 2>/dev/null; then
            chmod o+x "$path" || die "cannot make $path traversable for the postgres user"
        fi
        path=$(dirname "$path")
    done
}

start_cluster() {
    local bindir
    bindir=$(find_bindir) || die "no PostgreSQL server binaries found (looked in /usr/lib/postgresql/15/bin, pg_config --bindir, /usr/lib/postgresql/*/bin); install the postgresql package"

    # Only ever empty a directory this script made (or an empty one).
    if [[ -d $dir && -n $(ls -A -- "$dir") && ! -f $dir/bindir ]]; then
        die "refusing to empty $dir: it is not empty and was not made by pgcluster.sh"
    fi
    # A cluster left running in DIR by an earlier run is ours: stop it first.
    stop_cluster
    rm -rf -- "$dir" || die "cannot remove the old $dir"
    mkdir -p -- "$dir" 2>/dev/null || die "cannot create the directory $dir"
    chmod 755 "$dir"
    echo "$bindir" >"$dir/bindir"
    local tmp data
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/schemadesk-pgdata.XXXXXX") || die "cannot create a temporary directory under ${TMPDIR:-/tmp}"
    chmod 755 "$tmp"
    echo "$tmp" >"$dir/datadir"
    data=$tmp/data

    local sockdir=$dir/socket
    # A Unix socket path holds at most 107 bytes (".s.PGSQL.NNNNN" included).
    if (( ${#sockdir} > 80 )); then
        sockdir=$(mktemp -d /tmp/schemadesk-pg.XXXXXX)
        echo "$sockdir" >"$dir/socketdir"
    else
        mkdir -p -- "$sockdir"
    fi
    chmod 755 "$sockdir"

    if [[ $(id -u) -eq 0 ]]; then
        id postgres >/dev/null 2>&1 || die "running as root, but there is no 'postgres' OS user to run the server"
        make_traversable "$dir"
        make_traversable "$tmp"
        chown postgres "$dir" "$sockdir" "$tmp"
    fi

    local pwfile=$dir/pwfile
    echo postgres >"$pwfile"
    [[ $(id -u) -eq 0 ]] && chown postgres "$pwfile"
    chmod 600 "$pwfile"
    if ! as_owner "$bindir/initdb" -D "$data" -U postgres --pwfile="$pwfile" \
            --auth-local=trust --auth-host=scram-sha-256 --no-sync --no-instructions \
            -E UTF8 --locale=C >"$dir/initdb.log" 2>&1; then
        tail -n 30 "$dir/initdb.log" >&2 || true
        rm -f -- "$pwfile"
        die "initdb failed in $data"
    fi
    rm -f -- "$pwfile"
    printf "unix_socket_directories = '%s'\n" "${sockdir//\'/\'\'}" >>"$data/postgresql.conf"

    # Another process may take the free port between the check and the
    # start: try a few ports.
    local port attempt
    for attempt in 1 2 3 4 5; do
        port=$(free_port) || die "no free TCP port found on 127.0.0.1"
        if as_owner "$bindir/pg_ctl" -D "$data" -l "$dir/log" -w -t 60 \
                -o "-p $port -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off" \
                start >/dev/null 2>&1; then
            echo "$port" >"$dir/port"
            echo "postgresql://postgres:postgres@127.0.0.1:$port/postgres" >"$dir/url"
            echo "PostgreSQL cluster in $dir listening on 127.0.0.1:$port"
            return 0
        fi
        if ! grep -q 'could not bind\|could not create any TCP/IP sockets\|Address already in use' "$dir/log" 2>/dev/null; then
            break
        fi
        echo "pgcluster.sh: port $port was taken, retrying (attempt $attempt)" >&2
    done
    log_tail
    stop_cluster || true
    die "could not start PostgreSQL in $data"
}

case $action in
    start) start_cluster ;;
    stop) stop_cluster ;;
    *) usage ;;
esac
