#!/usr/bin/env bash
# Release dry run: stages what `./mvnw -P release deploy` would upload to Maven Central, signed with a throwaway
# GPG key, into target/stage-release/, without uploading, and refuses what Central would refuse.
#   - builds a copy of the tree at the release version (X.Y.Z-SNAPSHOT -> X.Y.Z; Central takes no snapshots)
#   - generates a passphrase-less key in a private GNUPGHOME (gnupg from Debian when gpg is missing)
#   - runs the release profile against a local stand-in of the Central Portal's upload API
#     (scripts/lib/central-stub.py): central-publishing-maven-plugin bundles and uploads as it would to Central
#   - scripts/lib/check-central-bundle.py checks the bundle: per published module the POM with name,
#     description, url, licenses, developers and scm (inherited from the parent POM counts), the jar with an
#     Automatic-Module-Name, sources and Javadoc jars, an .asc signature that gpg verifies and md5/sha1
#     checksums that match, for every file; and that the applications and examples are not in it.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$root/target/stage-release
snapshot=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)
version=${snapshot%-SNAPSHOT}

missing=()
command -v gpg >/dev/null || missing+=(gnupg)
command -v python3 >/dev/null || missing+=(python3)
if ((${#missing[@]})); then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    echo "stage-release: installing ${missing[*]} (Debian) for the signing key and the bundle check"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "stage-release: ${missing[*]} not installed; install them (e.g. apt-get install ${missing[*]}) and run again" >&2
    exit 2
  fi
fi

rm -rf "$work"
mkdir -p "$work/src" "$work/gnupg"
chmod 700 "$work/gnupg"
export GNUPGHOME=$work/gnupg
trap 'gpgconf --kill all 2>/dev/null || true' EXIT   # the agent this key started, nothing else
gpg --batch --quiet --passphrase '' --quick-gen-key 'jit-elevate release dry run <dry-run@jit-elevate.invalid>' \
  ed25519 sign 1d 2>/dev/null
key=$(gpg --batch --list-secret-keys --with-colons 2>/dev/null | awk -F: '/^fpr/ { print $10; exit }')
echo "stage-release: throwaway key $key (expires in a day, lives in $GNUPGHOME)"

# The tree as committed plus local edits, without build outputs, at the release version.
tar -C "$root" --exclude=./target --exclude='*/target' --exclude=./.git -cf - . | tar -C "$work/src" -xf -
find "$work/src" -name pom.xml -exec sed -i "s/>$snapshot</>$version</" {} +

echo "stage-release: staging jit-elevate $version (tests ran in the earlier stage, so they are skipped here)"
# The Central plugin runs for real, against a local stand-in of the Portal's upload API (its credentials are
# placeholders, in a global settings file so the user's own settings still apply): it bundles, checksums and
# "uploads" the deployment, which lands in target/. Nothing leaves the machine.
cat >"$work/settings.xml" <<'XML'
<settings><servers><server><id>central</id><username>dry-run</username><password>dry-run</password></server></servers></settings>
XML
python3 scripts/lib/central-stub.py "$work/stub.port" "$work/uploaded.body" 2>"$work/stub.log" &
stub=$!
trap 'kill "$stub" 2>/dev/null || true; gpgconf --kill all 2>/dev/null || true' EXIT
for _ in $(seq 50); do [[ -s $work/stub.port ]] && break; sleep 0.1; done
[[ -s $work/stub.port ]] || { echo "stage-release: the Central stand-in did not start (see $work/stub.log)" >&2; exit 1; }
# install is skipped: the release artifacts must not land in the shared ~/.m2.
(cd "$work/src" && ./mvnw -B -ntp -q -gs "$work/settings.xml" -P release deploy -DskipTests -Dmaven.install.skip=true \
  -Dgpg.keyname="$key" -DcentralBaseUrl="http://127.0.0.1:$(cat "$work/stub.port")" -DautoPublish=false \
  -DwaitUntil=UPLOADED)
[[ -s $work/uploaded.body ]] || { echo "stage-release: the plugin uploaded nothing" >&2; exit 1; }

# The plugin writes the bundle under the first reactor project that runs it (the BOM's target/).
bundle=$(find "$work/src" -path '*/target/central-publishing/*' -name '*.zip' | head -n 1)
[[ -n $bundle ]] || { echo "stage-release: no bundle was written under $work/src/*/target/central-publishing" >&2; exit 1; }
python3 -m zipfile -e "$bundle" "$work/unpacked"
python3 scripts/lib/check-central-bundle.py "$work/unpacked" "$version" \
  --publish jit-elevate-parent,jit-elevate-bom,jit-elevate-emulator,jit-elevate-core,jit-elevate-graph,jit-elevate-pim-config,jit-elevate-audit \
  --exclude jit-elevate-action-runner,jit-elevate-examples,jit-elevate-example-java-library,jit-elevate-bench
