#!/usr/bin/env bash
# End-to-end tests of the VS Code extension in a real VS Code (code-server 4.100.3 = VS Code 1.100.3) driven by
# Debian's headless chromium. Route B: the mocha suite in test/e2e/suite inside the real extension host.
# Route A: the packaged .vsix installed into code-server, driven through the UI, with screenshots in
# .e2e/screenshots/. Prints one PASS/FAIL line per route and exits non-zero when any fails.
# Needs dist/ built (npm run build); builds the .vsix itself (npm run package).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
E2E="$ROOT/.e2e"
T0=$(date +%s)
elapsed() { echo "$(( $(date +%s) - T0 ))s"; }

bash test/e2e/setup.sh
export TMPDIR="$E2E/tmp"
export XDG_DATA_HOME="$E2E/xdg/data" XDG_CONFIG_HOME="$E2E/xdg/config" XDG_CACHE_HOME="$E2E/xdg/cache"
CS="$E2E/tools/node_modules/.bin/code-server"

echo "== e2e: package the extension ($(elapsed))"
npm run --silent package > "$E2E/package.log" 2>&1 || { cat "$E2E/package.log"; echo 'FAIL e2e: npm run package'; exit 1; }
VSIX="$ROOT/aisec.vsix"
echo "vsix: $(du -k "$VSIX" | cut -f1) KB"

RUN="$E2E/run"
rm -rf "$RUN" "$E2E/screenshots"
mkdir -p "$RUN/user/User" "$RUN/extensions" "$E2E/screenshots" "$TMPDIR" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
# The workspaces live outside the repository: .e2e/ is git-ignored, and the workspace scan honours .gitignore.
WS=$(mktemp -d /tmp/aisec-e2e-ws.XXXXXX)
trap 'rm -rf "$WS"' EXIT
cp -r test/e2e/workspace "$WS/b"   # route B edits its own copy
cp -r test/e2e/workspace "$WS/a"   # route A edits another
cat > "$RUN/user/User/settings.json" << 'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "files.autoSave": "off",
  "git.openRepositoryInParentFolders": "never"
}
JSON
PORT=${AISEC_E2E_PORT:-$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}
printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$PORT" > "$RUN/config.yaml"
CSARGS=(--config "$RUN/config.yaml" --user-data-dir "$RUN/user" --extensions-dir "$RUN/extensions"
  --disable-telemetry --disable-update-check --disable-workspace-trust)
"$CS" "${CSARGS[@]}" --install-extension "$VSIX" > "$RUN/install.log" 2>&1 ||
  { cat "$RUN/install.log"; echo 'FAIL e2e: vsix install'; exit 1; }

# Route B runs the installed (packaged) extension as the development extension, plus the compiled suite: other
# work in this tree (npm run build) cannot change it mid-run, and it tests what the vsix ships. It stays under
# the repository so `mocha` resolves from its node_modules; `vscode` is provided by the extension host.
DEV="$RUN/ext-dev"
cp -r "$RUN"/extensions/aisec.aisec-* "$DEV"
npx esbuild test/e2e/suite/index.ts test/e2e/suite/extension.test.ts --platform=node --format=cjs \
  --target=node20 --outdir="$DEV/out/e2e/suite" --log-level=warning

# setsid: own process group, so the trap also ends the extension hosts and the file watcher.
setsid "$CS" "${CSARGS[@]}" > "$RUN/code-server.log" 2>&1 &
CSPID=$!
trap 'kill -TERM -- -$CSPID 2>/dev/null; sleep 1; kill -KILL -- -$CSPID 2>/dev/null; rm -rf "$WS" || true' EXIT
for _ in $(seq 1 240); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.25; done
curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz" || { cat "$RUN/code-server.log"; echo 'FAIL e2e: code-server did not start'; exit 1; }
echo "code-server up on 127.0.0.1:$PORT ($(elapsed))"

rc=0
B0=$(date +%s)
echo "== e2e route B: mocha suite in the real extension host"
if npx tsx test/e2e/ext-host.ts "http://127.0.0.1:$PORT" "$DEV" "$WS/b"; then
  echo "PASS e2e route B (extension host) in $(( $(date +%s) - B0 ))s"
else
  echo "FAIL e2e route B (extension host) in $(( $(date +%s) - B0 ))s"; rc=1
fi
A0=$(date +%s)
echo "== e2e route A: UI of the installed vsix in chromium"
if npx tsx test/e2e/ui.ts "http://127.0.0.1:$PORT" "$WS/a" "$E2E/screenshots"; then
  echo "PASS e2e route A (UI) in $(( $(date +%s) - A0 ))s"
else
  echo "FAIL e2e route A (UI) in $(( $(date +%s) - A0 ))s"; rc=1
  echo "--- code-server log (tail)"; tail -30 "$RUN/code-server.log"
fi
echo "screenshots: $(ls "$E2E"/screenshots/*.png 2>/dev/null | tr '\n' ' ')"
echo "e2e total: $(elapsed)"
exit $rc
