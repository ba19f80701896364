#!/usr/bin/env bash
# Installs the pinned test peers (package-lock.json) into a cache folder outside the repository, once per lockfile.
# Tests find them at $PORTDECK_NODE_PEERS (default ~/.cache/portdeck/node)/node_modules.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dest="${PORTDECK_NODE_PEERS:-$HOME/.cache/portdeck/node}"
mkdir -p "$dest"
if ! cmp -s "$here/package-lock.json" "$dest/package-lock.json" || [ ! -d "$dest/node_modules" ]; then
  cp "$here/package.json" "$here/package-lock.json" "$dest/"
  (cd "$dest" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi
echo "test peers in $dest/node_modules"
