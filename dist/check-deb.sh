#!/usr/bin/env bash
# Installs the .deb that `mvn -B package -Pdist` built, uses it as an admin would, removes it and checks that nothing
# it installed is left. Needs root, a Debian-like system, man-db and openssl; run by .ci/run. Traffic goes to 127.0.0.1
# only.
# Usage: dist/check-deb.sh [PACKAGE.deb]   (default: the one in dist/target)
# A portdeck package installed before is purged first: this is a check for CI and test machines.
set -euo pipefail
cd "$(dirname "$0")/.."

deb=${1:-$(ls dist/target/portdeck_*.deb 2>/dev/null | head -1)}
[ -f "$deb" ] || { echo "check-deb: no .deb; build it with: mvn -B package -Pdist -DskipTests" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "check-deb: needs root (dpkg -i)" >&2; exit 2; }
work=$(mktemp -d)
demo_pid=
tls_pid=
cleanup() {
  [ -n "$demo_pid" ] && kill "$demo_pid" 2>/dev/null
  [ -n "$tls_pid" ] && kill "$tls_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
failures=0
pass() { echo "check-deb: ok    $*"; }
fail() { echo "check-deb: FAIL  $*" >&2; failures=$((failures + 1)); }

if dpkg -s portdeck >/dev/null 2>&1; then
  echo "check-deb: purging the portdeck package installed before"
  dpkg --purge portdeck >/dev/null
fi

# What was there before the install is not the package's to remove (on usrmerge systems /lib is a link to usr/lib).
dpkg-deb --fsys-tarfile "$deb" | tar -t | sed -e 's|^\.||' -e 's|/$||' | grep -v '^$' | while IFS= read -r path; do
  if [ -e "$path" ] || [ -L "$path" ]; then echo "$path"; fi
done >"$work/there-before"

# Install. Its dependencies (libc6, zlib1g, ...) are on every Debian, so plain dpkg -i is enough.
dpkg -i "$deb" >/dev/null
dpkg -L portdeck >"$work/files"
pass "installed $(basename "$deb"): $(wc -l <"$work/files") paths, $(du -sk /usr/lib/portdeck | cut -f1) KB in /usr/lib/portdeck"

# The command, its version and its man pages.
[ "$(command -v portdeck)" = /usr/bin/portdeck ] && pass "portdeck is /usr/bin/portdeck" || fail "portdeck is not /usr/bin/portdeck"
version=$(timeout 30 portdeck --version 2>&1 || true)
[[ $version =~ ^portdeck\ [0-9].*\ \((commit\ [0-9a-f]{7,}|unknown\ commit)\)$ ]] && pass "--version: $version" \
  || fail "--version printed: $version"
other_java=$(JAVA_HOME=/nonexistent timeout 30 portdeck --version 2>&1 || true)
[ "$other_java" = "$version" ] && pass "the package's own runtime runs it (JAVA_HOME is not used)" \
  || fail "with JAVA_HOME=/nonexistent: $other_java"
# A page for the root, every command in --help and every alloc subcommand: generated, so a new command has one too.
commands=$(portdeck --help | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\)[ ,].*/\1/p')
subcommands=$(portdeck alloc --help | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\)[ ,].*/alloc-\1/p')
pages=0
for page in portdeck $(printf 'portdeck-%s ' $commands $subcommands); do
  path=$(man -w "$page" 2>/dev/null || true)
  if [ "$path" = "/usr/share/man/man1/$page.1.gz" ]; then
    pages=$((pages + 1))
  else
    fail "man -w $page: '$path'"
  fi
done
[ "$pages" -ge 10 ] && pass "man -w finds all $pages pages: portdeck, $(echo $commands) and alloc's $(echo $subcommands)" \
  || fail "only $pages man pages were checked"
man -P cat portdeck-probe 2>/dev/null | grep -q -- '--timeout' && pass "man portdeck-probe lists --timeout" \
  || fail "man portdeck-probe does not render the options"

# Bash completion as bash-completion loads it: the function completes a subcommand. (Outside a real Tab, bash's
# compopt complains on stderr; the answer is on stdout.)
words=$(bash -c 'source /usr/share/bash-completion/completions/portdeck
  COMP_WORDS=(portdeck pro); COMP_CWORD=1; COMP_LINE="portdeck pro"; COMP_POINT=12
  _complete_portdeck; echo "${COMPREPLY[*]}"' 2>/dev/null)
[ "$words" = probe ] && pass "bash completion: 'portdeck pro<Tab>' gives probe" || fail "bash completion gave: $words"
[ -s /usr/share/zsh/vendor-completions/_portdeck ] && head -1 /usr/share/zsh/vendor-completions/_portdeck | grep -q '^#compdef portdeck' \
  && pass "zsh completion installed" || fail "zsh completion missing"

# The demo panel on a loopback port of its own, then a probe of that port and a panel call through the runtime.
timeout 120 portdeck demo --serve-only >"$work/demo.out" 2>"$work/demo.err" &
demo_pid=$!
for _ in $(seq 1 300); do
  grep -q '^export PORTDECK_PANEL_URL=' "$work/demo.out" && break
  kill -0 "$demo_pid" 2>/dev/null || break
  sleep 0.1
done
export_line=$(grep '^export PORTDECK_PANEL_URL=' "$work/demo.out" || true)
if [[ $export_line =~ PORTDECK_PANEL_URL=http://127\.0\.0\.1:([0-9]+)\ PORTDECK_API_KEY=([A-Za-z0-9_]+) ]]; then
  port=${BASH_REMATCH[1]}
  pass "demo --serve-only serves on 127.0.0.1:$port"
  probe=$(timeout 30 portdeck probe "127.0.0.1:$port" 2>&1) && [[ $probe == *open* ]] \
    && pass "probe 127.0.0.1:$port: $(echo "$probe" | tail -1)" || fail "probe 127.0.0.1:$port: $probe"
  servers=$(PORTDECK_PANEL_URL=http://127.0.0.1:$port PORTDECK_API_KEY=${BASH_REMATCH[2]} timeout 30 portdeck servers 2>&1) \
    && [[ $servers == *"FiveM Roleplay"* ]] && pass "servers on the demo panel: $(echo "$servers" | wc -l) lines" \
    || fail "servers on the demo panel: $servers"
else
  fail "demo --serve-only printed no export line: $(cat "$work/demo.out" "$work/demo.err")"
fi
kill -TERM "$demo_pid" 2>/dev/null || true
status=0
wait "$demo_pid" || status=$?
demo_pid=
[ "$status" = 143 ] && pass "demo stopped by SIGTERM (exit 143)" || fail "demo ended with exit $status"

# HTTPS to a panel with an EC certificate (most today) needs the runtime's jdk.crypto.ec, which jdeps cannot see: a
# TLS server on loopback with such a certificate, trusted through a trust store of its own. It is no panel, so the
# answer is an HTML page with HTTP 200; a missing provider fails the handshake instead.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=127.0.0.1 \
  -addext subjectAltName=IP:127.0.0.1 -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
/usr/lib/portdeck/lib/runtime/bin/keytool -importcert -noprompt -alias panel -file "$work/cert.pem" \
  -keystore "$work/trust.p12" -storetype PKCS12 -storepass changeit >/dev/null 2>&1
timeout 120 openssl s_server -accept 127.0.0.1:0 -cert "$work/cert.pem" -key "$work/key.pem" -www \
  >"$work/tls.out" 2>&1 &
tls_pid=$!
for _ in $(seq 1 100); do
  grep -q '^ACCEPT' "$work/tls.out" && break
  sleep 0.1
done
tls_port=$(sed -n 's/^ACCEPT 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$work/tls.out")
tls=$(PORTDECK_API_KEY=ptlc_check PORTDECK_JAVA_OPTS="-Djavax.net.ssl.trustStore=$work/trust.p12 \
  -Djavax.net.ssl.trustStorePassword=changeit" timeout 30 portdeck servers --panel "https://127.0.0.1:${tls_port:-0}" 2>&1 || true)
kill "$tls_pid" 2>/dev/null || true
tls_pid=
[[ $tls == *"HTTP 200"* ]] && pass "HTTPS to a server with an EC certificate: $tls" || fail "HTTPS with an EC certificate: $tls"

# Remove; every file it installed must be gone, and every directory too unless another package still uses it.
dpkg --purge portdeck >/dev/null
dpkg -s portdeck >/dev/null 2>&1 && fail "dpkg still lists portdeck after --purge"
left=0
while IFS= read -r path; do
  if grep -qxF -- "$path" "$work/there-before"; then
    continue
  elif [ -d "$path" ] && [ ! -L "$path" ]; then
    [ -z "$(ls -A "$path")" ] && ! dpkg -S "$path" >/dev/null 2>&1 && { echo "  left: $path/" >&2; left=$((left + 1)); }
  elif [ -e "$path" ] || [ -L "$path" ]; then
    echo "  left: $path" >&2
    left=$((left + 1))
  fi
done <"$work/files"
for dir in /usr/lib/portdeck /usr/share/portdeck /usr/share/doc/portdeck; do
  [ -e "$dir" ] && { echo "  left: $dir" >&2; left=$((left + 1)); }
done
[ "$left" = 0 ] && pass "dpkg --purge removed all $(wc -l <"$work/files") paths" || fail "$left paths left after --purge"

if [ "$failures" -gt 0 ]; then
  echo "check-deb: $failures check(s) failed" >&2
  exit 1
fi
echo "check-deb: the .deb installs, runs and removes cleanly"
