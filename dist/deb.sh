#!/usr/bin/env bash
# Builds portdeck_VERSION_ARCH.deb (run by `mvn -B package -Pdist`, which sets the variables below):
#   1. the jdeps check: every module the jar needs must be in PORTDECK_MODULES (the pom's dist.modules)
#   2. jlink: a runtime of only those modules, headless (no X11, sound, font or image libraries)
#   3. jpackage: the .deb with the runtime and the jar in /usr/lib/portdeck and its dependencies (Depends:)
#   4. dpkg-deb: the same package with bin/portdeck as the launcher, /usr/bin/portdeck linking to it, the man pages,
#      bash and zsh completion, the systemd unit and the Prometheus files in their standard places (jpackage 17
#      cannot place files outside its own tree)
# Needs: JDK 17 with jdeps, jlink and jpackage; fakeroot (jpackage runs dpkg-deb under it); dpkg-deb; gzip.
set -euo pipefail

: "${JAVA_HOME:?} ${PORTDECK_VERSION:?} ${PORTDECK_JAR:?} ${PORTDECK_MODULES:?} ${PORTDECK_MAN:?}"
: "${PORTDECK_COMPLETION:?} ${PORTDECK_DEPLOY:?} ${PORTDECK_LAUNCHER:?} ${PORTDECK_OUT:?}"

# java.desktop's native libraries that only a display, a sound card or font rendering load; headless AWT needs none.
DESKTOP_LIBS=(awt_xawt jawt fontmanager javajpeg jsound lcms splashscreen)

fail() { echo "deb.sh: $*" >&2; exit 1; }
took() { echo "deb.sh: $1 took ${SECONDS}s"; SECONDS=0; }
for tool in jdeps jlink jpackage; do
  [ -x "$JAVA_HOME/bin/$tool" ] || fail "$JAVA_HOME/bin/$tool is missing: the .deb needs a full JDK 17 (openjdk-17-jdk)"
done
command -v fakeroot >/dev/null || fail "fakeroot is missing (apt-get install fakeroot): jpackage builds the .deb under it"
command -v dpkg-deb >/dev/null || fail "dpkg-deb is missing: the .deb can only be built on Debian or Ubuntu"
[ -f "$PORTDECK_JAR" ] || fail "$PORTDECK_JAR is missing: build it first (mvn -B package -Pdist)"

work=$PORTDECK_OUT/deb-work
rm -rf "$work"
mkdir -p "$work/input"

# 1. A module the jar needs but the runtime lacks would only fail when a user reaches that code: fail the build now.
needed=$("$JAVA_HOME/bin/jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 "$PORTDECK_JAR")
missing=()
for module in ${needed//,/ }; do
  [[ ",$PORTDECK_MODULES," == *",$module,"* ]] || missing+=("$module")
done
if [ ${#missing[@]} -gt 0 ]; then
  fail "the jar needs ${missing[*]}, which the runtime would lack: add it to dist.modules in dist/pom.xml (jdeps says: $needed)"
fi

# 2. The runtime. Debian's JDK libraries are already stripped, so only the Java debug attributes go (no objcopy needed).
excluded=$(printf '**/lib/lib%s.so,' "${DESKTOP_LIBS[@]}")
"$JAVA_HOME/bin/jlink" --add-modules "$PORTDECK_MODULES" --strip-java-debug-attributes --no-header-files \
  --no-man-pages --exclude-files="${excluded%,}" --generate-cds-archive --output "$work/runtime" >/dev/null
# The archive for heaps over 32 GB is never used with -Xmx256m.
rm -f "$work/runtime/lib/server/classes_nocoops.jsa"
took "jdeps and jlink"

# 3. jpackage. Its native launcher is replaced below: in JDK 17 it runs `rpm -qf`, `dpkg -S` and `dpkg -L` on every
# start to find its own files (half a second or more, measured). bin/portdeck, the checkout's and the tarball's
# launcher, has the JVM flags and the class-data archive (see its comments) and finds the runtime beside itself.
# A Debian version sorts 0.1.0~SNAPSHOT before 0.1.0; jpackage wants digits, dpkg-deb gets the real one.
deb_version=${PORTDECK_VERSION/-/\~}
cp "$PORTDECK_JAR" "$work/input/portdeck.jar"
# Its package is only unpacked again below: not compressing it saves a minute (dpkg 1.21.10+ reads this variable).
DPKG_DEB_COMPRESSOR_TYPE=none "$JAVA_HOME/bin/jpackage" --type deb --name portdeck --app-version "${PORTDECK_VERSION%%-*}" \
  --description "Terminal dashboard and port-testing agent for game-server network allocations" \
  --vendor portdeck --linux-app-category net \
  --input "$work/input" --main-jar portdeck.jar --main-class dev.portdeck.tui.Main \
  --runtime-image "$work/runtime" --install-dir /usr/lib \
  --dest "$work/jpackage" --temp "$work/jpackage-tmp"
jpackaged=$(ls "$work"/jpackage/*.deb)
took jpackage

# 4. Unpack, add the files jpackage cannot place, pack again.
root=$work/root
dpkg-deb --raw-extract "$jpackaged" "$root"
app=$root/usr/lib/portdeck
# The native launcher, its library and settings, and a desktop icon (portdeck has no desktop entry) go.
rm -f "$app/bin/portdeck" "$app/lib/libapplauncher.so" "$app/lib/app/portdeck.cfg" "$app/lib/portdeck.png"
install -m 0755 "$PORTDECK_LAUNCHER" "$app/bin/portdeck"
mkdir -p "$root/usr/bin"
ln -s ../lib/portdeck/bin/portdeck "$root/usr/bin/portdeck"

man=$root/usr/share/man/man1
mkdir -p "$man"
for page in "$PORTDECK_MAN"/*.1; do
  gzip -9n <"$page" >"$man/$(basename "$page").gz"
done
install -D -m 0644 "$PORTDECK_COMPLETION/portdeck" "$root/usr/share/bash-completion/completions/portdeck"
install -D -m 0644 "$PORTDECK_COMPLETION/_portdeck" "$root/usr/share/zsh/vendor-completions/_portdeck"
# deploy/ as it is on this branch: systemd units to /lib/systemd/system (not enabled), Prometheus files to
# /usr/share/portdeck/prometheus. Whatever is absent is skipped.
for unit in "$PORTDECK_DEPLOY"/systemd/*.service "$PORTDECK_DEPLOY"/systemd/*.timer; do
  [ -f "$unit" ] && install -D -m 0644 "$unit" "$root/lib/systemd/system/$(basename "$unit")"
done
if [ -d "$PORTDECK_DEPLOY/prometheus" ]; then
  mkdir -p "$root/usr/share/portdeck"
  cp -R "$PORTDECK_DEPLOY/prometheus" "$root/usr/share/portdeck/prometheus"
  find "$root/usr/share/portdeck" -type d -exec chmod 0755 {} + -o -type f -exec chmod 0644 {} +
fi

control=$root/DEBIAN/control
installed_kb=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -i -e "s/^Version: .*/Version: $deb_version/" -e "s/^Installed-Size: .*/Installed-Size: $installed_kb/" \
  -e '/^Provides: portdeck *$/d' "$control"
# jpackage lists the libraries' packages without versions, but the runtime needs the versions its JDK was built
# against (libc6 >= 2.34 for Debian 12's): take them from the JDK's own package when it is a Debian one.
jdk_package=$(dpkg -S "$(readlink -f "$JAVA_HOME/lib/server/libjvm.so")" 2>/dev/null | cut -d: -f1 || true)
jdk_depends=$( [ -n "$jdk_package" ] && dpkg-query -W -f='${Depends}' "$jdk_package" 2>/dev/null | tr ',' '\n' || true)
depends=()
for dep in $(sed -n 's/^Depends: //p' "$control" | tr -d ','); do
  versioned=$(printf '%s\n' "$jdk_depends" | sed -n "s/^ *\($dep ([^)]*)\) *$/\1/p" | head -1)
  depends+=("${versioned:-$dep}")
done
deps_line=$(IFS=,; echo "${depends[*]}" | sed 's/,/, /g')
sed -i "s/^Depends: .*/Depends: $deps_line/" "$control"
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) >"$root/DEBIAN/md5sums"

arch=$(sed -n 's/^Architecture: //p' "$control")
deb=$PORTDECK_OUT/portdeck_${deb_version}_${arch}.deb
rm -f "$PORTDECK_OUT"/portdeck_*.deb
# xz -1: a quarter of the CPU time of dpkg's default -6 (16 s against 70 s here) for a package 12% larger.
dpkg-deb --root-owner-group -Zxz -z1 --build "$root" "$deb" >/dev/null
took "adding the files and packing with xz"
echo "deb.sh: built $deb ($(du -k "$deb" | cut -f1) KB; installs $installed_kb KB; runtime modules $PORTDECK_MODULES)"
