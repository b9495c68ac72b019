#!/bin/sh
# Installs Harvester for one person: the single-file binary in ~/.local/bin, the README (the units' Documentation=)
# in ~/.local/share/doc/harvester, the user units in ~/.config/systemd/user, then enables the weekly timer.
#
#   deploy/install-user-units.sh                   publish from this checkout, install, enable the timer
#   deploy/install-user-units.sh --binary FILE     install FILE instead of publishing
#   deploy/install-user-units.sh --no-enable       install only (no systemctl calls)
#
# The draft is written to ~/newsletter/drafts/next-issue.md (edit ExecStart in harvester.service to change it).
set -eu

repo=$(cd "$(dirname "$0")/.." && pwd)
binary=""
enable=yes
while [ $# -gt 0 ]; do
    case "$1" in
        --binary) binary=$2; shift 2 ;;
        --no-enable) enable=no; shift ;;
        *) echo "usage: $0 [--binary FILE] [--no-enable]" >&2; exit 2 ;;
    esac
done

bin_dir="$HOME/.local/bin"
doc_dir="$HOME/.local/share/doc/harvester"
unit_dir="${XDG_CONFIG_HOME:-$HOME/.config}/systemd/user"
mkdir -p "$bin_dir" "$doc_dir" "$unit_dir" "$HOME/newsletter/drafts"

if [ -z "$binary" ]; then
    publish_dir=$(mktemp -d)
    dotnet publish "$repo/src/Harvester" -c Release -r linux-x64 --self-contained -p:PublishSingleFile=true -o "$publish_dir"
    binary="$publish_dir/harvester"
fi

install -m 0755 "$binary" "$bin_dir/harvester"
install -m 0644 "$repo/README.md" "$doc_dir/README.md"
for unit in harvester.service harvester.timer harvester-failed@.service; do
    install -m 0644 "$repo/deploy/systemd/user/$unit" "$unit_dir/$unit"
done
echo "installed $bin_dir/harvester and the units in $unit_dir"

if [ "$enable" = yes ]; then
    systemctl --user daemon-reload
    systemctl --user enable --now harvester.timer
    systemctl --user list-timers harvester.timer
fi
