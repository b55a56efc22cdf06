#!/usr/bin/env bash
# A throwaway Secret Service for the keychain tests: a private D-Bus session
# bus and a gnome-keyring-daemon on it, whose login keyring is created and
# unlocked with a known password.
#
#   secretservice.sh start DIR [PID]
#                                empty DIR (only one this script made), start
#                                the bus and the keyring daemon, write
#                                DIR/address (a DBUS_SESSION_BUS_ADDRESS value);
#                                with PID, stop them too once process PID has
#                                ended (a test that crashed)
#   secretservice.sh stop DIR    stop the two processes this script started in
#                                DIR, by the pids it wrote; exit 0 when
#                                nothing runs there
#
# The user's own session is never touched: the bus has its own configuration
# with no service directories (nothing is activated on it), and the daemon's
# HOME, XDG_DATA_HOME (where keyrings live), XDG_CONFIG_HOME, XDG_CACHE_HOME
# and XDG_RUNTIME_DIR all point into DIR. The keyring's password is
# `schemadesk-test`. Works as root and as any user; needs no display.

set -euo pipefail

die() {
    echo "secretservice.sh: $*" >&2
    exit 1
}

usage() {
    echo "usage: secretservice.sh start DIR [PID] | stop DIR" >&2
    exit 2
}

[[ $# -eq 2 || ( $# -eq 3 && $1 != stop ) ]] || usage
action=$1
dir=$2
watched=${3:-}
[[ -n $dir ]] || usage
[[ -z $watched || $watched =~ ^[0-9]+$ ]] || usage
case $dir in
    /*) ;;
    *) dir=$PWD/$dir ;;
esac
dir=${dir%/}

readonly keyring_password=schemadesk-test

# The directory that holds the sockets: DIR itself, or a short one in /tmp
# when DIR's path is too long for a Unix socket (at most 107 bytes; the
# keyring's is DIR/runtime/keyring/control).
socket_dir() {
    if [[ -f $dir/socketdir ]]; then
        cat "$dir/socketdir"
    else
        echo "$dir"
    fi
}

log_tail() {
    local file
    for file in "$dir/dbus.log" "$dir/keyring.log"; do
        if [[ -s $file ]]; then
            echo "--- last lines of $file ---" >&2
            tail -n 20 "$file" >&2 || true
        fi
    done
}

# The pid written to FILE when it still names the process this script
# started (a pid may have been reused since): the process's environment
# holds the marker SCHEMADESK_SECRETSERVICE_DIR=DIR.
our_pid() {
    local file=$1 pid
    [[ -f $file ]] || return 1
    pid=$(tr -dc 0-9 <"$file")
    [[ -n $pid ]] || return 1
    [[ -r /proc/$pid/environ ]] || return 1
    tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | grep -qxF "SCHEMADESK_SECRETSERVICE_DIR=$dir" || return 1
    echo "$pid"
}

# True while PID runs (a zombie nobody reaped yet does not count).
alive() {
    local state
    kill -0 "$1" 2>/dev/null || return 1
    state=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) || return 1
    [[ $state != Z ]]
}

# Stops the process of FILE: TERM, then CONT (a test may have stopped it
# with SIGSTOP to play a keychain that does not answer), KILL after 5 s.
stop_process() {
    local file=$1 pid
    if pid=$(our_pid "$file"); then
        kill -TERM "$pid" 2>/dev/null || true
        kill -CONT "$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do
            alive "$pid" || break
            sleep 0.1
        done
        if alive "$pid"; then
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    rm -f -- "$file"
}

stop_all() {
    [[ -d $dir ]] || return 0
    # The keyring daemon first: it would otherwise see its bus vanish.
    stop_process "$dir/keyring.pid"
    stop_process "$dir/dbus.pid"
    if [[ -f $dir/socketdir ]]; then
        local sockdir
        sockdir=$(cat "$dir/socketdir")
        [[ $sockdir == /tmp/schemadesk-ss.* ]] && rm -rf -- "$sockdir"
        rm -f -- "$dir/socketdir"
    fi
}

# Calls a method on the bus with dbus-send; prints the reply.
bus_call() {
    DBUS_SESSION_BUS_ADDRESS=$address timeout 10 dbus-send --session --print-reply "$@" 2>&1
}

start_all() {
    local tool
    for tool in dbus-daemon dbus-send gnome-keyring-daemon; do
        command -v "$tool" >/dev/null || die "$tool is not installed (packages: dbus-daemon dbus-bin gnome-keyring)"
    done

    # Only ever empty a directory this script made (or an empty one).
    if [[ -d $dir && -n $(ls -A -- "$dir") && ! -f $dir/bus.conf ]]; then
        die "refusing to empty $dir: it is not empty and was not made by secretservice.sh"
    fi
    # Processes left running in DIR by an earlier run are ours: stop them.
    stop_all
    rm -rf -- "$dir" || die "cannot remove the old $dir"
    mkdir -p -- "$dir" || die "cannot create the directory $dir"
    chmod 700 "$dir"

    local sockdir=$dir
    if (( ${#dir} > 70 )); then
        sockdir=$(mktemp -d /tmp/schemadesk-ss.XXXXXX)
        echo "$sockdir" >"$dir/socketdir"
    fi
    mkdir -p -- "$dir/home" "$dir/data" "$dir/config" "$dir/cache" "$sockdir/runtime"
    chmod 700 "$sockdir/runtime"

    local bus_socket=$sockdir/bus
    local escaped=${bus_socket//&/&amp;}
    escaped=${escaped//</&lt;}
    cat >"$dir/bus.conf" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<!-- A private session bus for SchemaDesk's keychain tests: no service
     directories, so nothing on it is activated. -->
<busconfig>
  <type>session</type>
  <listen>unix:path=$escaped</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
EOF

    # One environment for both processes, none of it from the caller's
    # session (no DISPLAY, no DBUS_SESSION_BUS_ADDRESS, no real HOME).
    local -a environment=(
        env -i
        PATH=/usr/local/bin:/usr/bin:/bin
        HOME="$dir/home"
        XDG_DATA_HOME="$dir/data"
        XDG_CONFIG_HOME="$dir/config"
        XDG_CACHE_HOME="$dir/cache"
        XDG_RUNTIME_DIR="$sockdir/runtime"
        LANG=C.UTF-8
        SCHEMADESK_SECRETSERVICE_DIR="$dir"
    )

    # dbus-daemon forks itself and prints its address and pid first.
    if ! "${environment[@]}" dbus-daemon --config-file="$dir/bus.conf" --fork \
            --print-address=3 --print-pid=4 3>"$dir/address" 4>"$dir/dbus.pid" \
            </dev/null >"$dir/dbus.log" 2>&1; then
        log_tail
        stop_all
        die "dbus-daemon did not start"
    fi
    address=$(head -n 1 "$dir/address")
    [[ -n $address ]] || { stop_all; die "dbus-daemon printed no address"; }
    echo "$address" >"$dir/address"

    # The keyring daemon in the foreground of a new session, in the
    # background of this script: its pid is $! (setsid and env exec it).
    # --unlock reads the password on stdin and creates the login keyring.
    (umask 077 && printf '%s' "$keyring_password" >"$dir/password")
    setsid "${environment[@]}" DBUS_SESSION_BUS_ADDRESS="$address" \
        gnome-keyring-daemon --foreground --unlock --components=secrets \
        <"$dir/password" >"$dir/keyring.log" 2>&1 &
    echo $! >"$dir/keyring.pid"

    # Ready when org.freedesktop.secrets has an owner and the login keyring
    # is the default collection, unlocked.
    local reply=
    for _ in $(seq 1 100); do
        if ! alive "$(cat "$dir/keyring.pid")"; then
            log_tail
            stop_all
            die "gnome-keyring-daemon exited during start-up"
        fi
        reply=$(bus_call --dest=org.freedesktop.DBus /org/freedesktop/DBus \
                    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets) || true
        [[ $reply == *"boolean true"* ]] && break
        sleep 0.1
    done
    if [[ $reply != *"boolean true"* ]]; then
        log_tail
        stop_all
        die "gnome-keyring-daemon did not take org.freedesktop.secrets on the bus within 10 s"
    fi
    reply=$(bus_call --dest=org.freedesktop.secrets /org/freedesktop/secrets \
                org.freedesktop.Secret.Service.ReadAlias string:default) || true
    if [[ $reply != *'object path "/org/freedesktop/secrets/collection/login"'* ]]; then
        log_tail
        stop_all
        die "the keyring's default collection is not 'login': $reply"
    fi
    reply=$(bus_call --dest=org.freedesktop.secrets /org/freedesktop/secrets/collection/login \
                org.freedesktop.DBus.Properties.Get string:org.freedesktop.Secret.Collection string:Locked) || true
    if [[ $reply != *"boolean false"* ]]; then
        log_tail
        stop_all
        die "the login keyring is not unlocked: $reply"
    fi
    if [[ -n $watched ]]; then
        setsid bash "${BASH_SOURCE[0]}" watch "$dir" "$watched" </dev/null >/dev/null 2>&1 &
    fi
    echo "Secret Service (gnome-keyring-daemon $(cat "$dir/keyring.pid"), dbus-daemon $(cat "$dir/dbus.pid")) on $address"
}

# Waits while process PID runs and DIR is there; then stops what runs in DIR
# and, when PID ended without removing DIR, removes it (its temporary
# directory, made by start).
watch() {
    while [[ -f $dir/bus.conf ]] && alive "$watched"; do
        sleep 1
    done
    stop_all
    if [[ -f $dir/bus.conf ]]; then
        rm -rf -- "$dir"
    fi
}

address=
case $action in
    start) start_all ;;
    stop) stop_all ;;
    watch) [[ -n $watched ]] || usage; watch ;;
    *) usage ;;
esac
