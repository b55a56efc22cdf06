#!/usr/bin/env bash
# The README's two commands on a fresh Debian 12 machine:
#
#   tools/bootstrap.sh demo   install what is missing, build, run SchemaDesk on examples/demo
#   tools/bootstrap.sh test   install what is missing, build, run every test (PostgreSQL included)
#
# Works as root and as a normal user with sudo (only apt-get runs through
# sudo; the build stays yours). BUILD_DIR overrides the build folder.
set -euo pipefail

cd "$(dirname "$0")/.."
mode=${1:-}
case "$mode" in
  demo|test) ;;
  *) echo "usage: $0 demo|test" >&2; exit 2 ;;
esac

packages=(
  cmake ninja-build g++ pkg-config
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libgl-dev
  libqt6sql6-sqlite libqt6sql6-psql libyaml-cpp-dev
  postgresql postgresql-contrib sqlite3 xvfb qtkeychain-qt6-dev
  # QtKeychain loads libsecret at run time; the keychain tests run their own
  # Secret Service (tests/secretservice.sh): a private bus and gnome-keyring.
  libsecret-1-0 dbus-daemon dbus-bin gnome-keyring
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "== installing: ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

build=${BUILD_DIR:-build/dev}
echo "== building in $build"
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build "$build" --parallel "$(nproc)"

if [ "$mode" = demo ]; then
  app="$build/src/app/schemadesk"
  cli="$build/src/cli/schemadesk-cli"
  echo "== schemadesk-cli --project examples/demo status"
  "$cli" --project examples/demo status
  if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "== schemadesk examples/demo"
    # Opening the demo applies its migrations to examples/demo/demo.db
    # (a new SQLite file: DESIGN.md section 6).
    exec "$app" examples/demo
  fi
  echo
  echo "== no display: the desktop app needs one. On a desktop, run:"
  echo "   $app examples/demo"
  echo "   (or here: xvfb-run -a $app examples/demo, and look at it with a screenshot)"
  exit 0
fi

echo "== running the tests"
export QT_QPA_PLATFORM=offscreen
ctest --test-dir "$build" --output-on-failure --parallel 2 --timeout 900
