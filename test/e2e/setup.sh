#!/usr/bin/env bash
# One-time setup for the end-to-end tests (idempotent; a second run takes < 1 s when everything is there).
# Installs Debian's chromium (+ the toolchain code-server's native modules need) and code-server 4.100.3 into a
# separate npm prefix, .e2e/tools, so the project's own node_modules stay small (playwright-core, which drives
# chromium and downloads nothing, is a devDependency of the project).
# Only the npm registry and Debian's apt are used: @vscode/ripgrep's postinstall would download rg from
# GitHub, so its cache is seeded with Debian's rg first (see shared/research/e2e-feasibility.md).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
E2E="$ROOT/.e2e"
TOOLS="$E2E/tools"
mkdir -p "$TOOLS" "$E2E/tmp"
export TMPDIR="$E2E/tmp"
export XDG_DATA_HOME="$E2E/xdg/data" XDG_CONFIG_HOME="$E2E/xdg/config" XDG_CACHE_HOME="$E2E/xdg/cache"

# Why 4.100.3: the last code-server whose engines.node is 20 (4.103+ need 22); it bundles VS Code 1.100.3.
CODE_SERVER_VERSION=4.100.3

need_apt=()
command -v chromium > /dev/null || need_apt+=(chromium)
command -v rg > /dev/null || need_apt+=(ripgrep)
command -v curl > /dev/null || need_apt+=(curl)
if [ ! -x "$TOOLS/node_modules/.bin/code-server" ]; then
  # kerberos (a native module of the VS Code server) needs libkrb5-dev; the others need the toolchain.
  for p in build-essential pkg-config python3 libkrb5-dev libsecret-1-dev libxkbfile-dev libx11-dev; do
    dpkg -s "$p" > /dev/null 2>&1 || need_apt+=("$p")
  done
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "e2e setup: apt-get install ${need_apt[*]}"
  # Fresh package lists first (a fresh machine may have none). Another apt run may hold the locks for a while
  # (a parallel session, unattended upgrades): dpkg's lock is waited for, the lists' lock is retried.
  for try in 1 2 3 4 5 6; do
    apt-get update -qq > "$E2E/apt.log" 2>&1 && break
    [ "$try" = 6 ] && { tail -20 "$E2E/apt.log"; echo 'e2e setup: apt-get update failed'; exit 1; }
    sleep 10
  done
  apt-get install -y --no-install-recommends -o DPkg::Lock::Timeout=600 "${need_apt[@]}" >> "$E2E/apt.log" 2>&1 ||
    { tail -20 "$E2E/apt.log"; echo 'e2e setup: apt-get install failed'; exit 1; }
  command -v chromium > /dev/null || { echo 'e2e setup: chromium missing after apt-get install'; exit 1; }
fi

if [ ! -x "$TOOLS/node_modules/.bin/code-server" ]; then
  RG_NPM=1.15.11
  RG_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
  mkdir -p "$TMPDIR/vscode-ripgrep-cache-$RG_NPM" "$TMPDIR/rgbin"
  cp "$(command -v rg)" "$TMPDIR/rgbin/rg"
  tar czf "$TMPDIR/vscode-ripgrep-cache-$RG_NPM/$RG_ASSET" -C "$TMPDIR/rgbin" rg
  cd "$TOOLS"
  [ -f package.json ] || echo '{ "name": "aisec-e2e-tools", "private": true }' > package.json
  echo "e2e setup: npm install code-server@$CODE_SERVER_VERSION (≈ 2 min: native modules are built)"
  # unsafe_perm: code-server's postinstall refuses root without it; yes: node-pty runs `npx node-gyp`;
  # nodedir: node-gyp uses the installed Node headers instead of downloading them.
  npm_config_unsafe_perm=true npm_config_yes=true npm_config_nodedir=/usr \
    npm install --no-audit --no-fund --save-exact \
    "code-server@$CODE_SERVER_VERSION" > "$E2E/npm.log" 2>&1 ||
    { tail -40 "$E2E/npm.log"; echo 'e2e setup: npm install failed'; exit 1; }
  test -x node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg
fi
"$TOOLS/node_modules/.bin/code-server" --version | head -1
