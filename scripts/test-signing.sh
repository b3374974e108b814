#!/usr/bin/env bash
# Checks the code signing of make windows end to end, with a throw-away
# self-signed code-signing certificate (openssl, extendedKeyUsage
# codeSigning) in a scratch folder; no real certificate is needed or used.
#
#   bash scripts/test-signing.sh [DIST]     (default dist/windows, after make windows)
#
# 1. signs copies of DIST/dangjian.exe and DIST/dangjian-setup.exe (without
#    any signature they already carry) through scripts/windows-sign.sh, as
#    make windows does, and has `osslsigncode verify`, trusting only the
#    throw-away certificate, accept them: "Signature verification: ok", the
#    signer, SHA-256, the description 党员教育管理 and the URL;
# 2. checks that the unsigned copies and a signed copy with one byte changed
#    are refused;
# 3. builds a small installer from scripts/windows/installer.nsi (around a
#    stub program, so it takes a second) with the uninstaller-signing hook
#    make windows uses, and verifies the uninstaller that the hook signed
#    and the installer.
#
# Prints one line per check; exits non-zero at the first failure.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dist=${1:-$root/dist/windows}
if [[ ! -d "$dist" ]]; then
	echo "test-signing.sh: $dist is missing; run make windows first" >&2
	exit 1
fi
dist=$(cd "$dist" && pwd)
exe="$dist/dangjian.exe"
setup="$dist/dangjian-setup.exe"
for f in "$exe" "$setup" "$dist/build/dangjian.ico"; do
	if [[ ! -f "$f" ]]; then
		echo "test-signing.sh: $f is missing; run make windows first" >&2
		exit 1
	fi
done
for tool in openssl osslsigncode makensis x86_64-w64-mingw32-gcc; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "test-signing.sh: $tool is not installed (bash scripts/deps.sh installs it)" >&2
		exit 1
	fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() {
	echo "test-signing.sh: FAIL: $*" >&2
	exit 1
}
ok() {
	echo "ok   $*"
}

# --- the throw-away certificate -------------------------------------------
subject='/CN=dangjian test signing/O=dangjian'
url='https://example.edu.cn/dangjian'
password="test-$RANDOM$RANDOM"
openssl req -x509 -newkey rsa:2048 -sha256 -days 2 -nodes \
	-keyout "$tmp/key.pem" -out "$tmp/cert.pem" -subj "$subject" \
	-addext 'basicConstraints=critical,CA:FALSE' \
	-addext 'keyUsage=critical,digitalSignature' \
	-addext 'extendedKeyUsage=codeSigning' 2>"$tmp/openssl.log" ||
	{ cat "$tmp/openssl.log" >&2; fail "openssl req"; }
openssl pkcs12 -export -inkey "$tmp/key.pem" -in "$tmp/cert.pem" \
	-out "$tmp/test.pfx" -passout "pass:$password" 2>"$tmp/openssl.log" ||
	{ cat "$tmp/openssl.log" >&2; fail "openssl pkcs12"; }
openssl x509 -in "$tmp/cert.pem" -noout -ext extendedKeyUsage 2>/dev/null | grep -q 'Code Signing' ||
	fail "the certificate lacks extendedKeyUsage codeSigning"
ok "self-signed code-signing certificate: $subject"

sign() {
	DANGJIAN_SIGN_PFX="$tmp/test.pfx" DANGJIAN_SIGN_PASSWORD="$password" \
		DANGJIAN_SIGN_URL="$url" DANGJIAN_SIGN_TIMESTAMP='' \
		bash "$root/scripts/windows-sign.sh" "$@" >/dev/null
}

# verify FILE: osslsigncode accepts the signature, trusting the certificate.
verify() {
	local out
	out=$(osslsigncode verify -CAfile "$tmp/cert.pem" -in "$1" 2>&1) ||
		{ echo "$out" >&2; fail "osslsigncode verify $(basename "$1") exited non-zero"; }
	grep -q 'Signature verification: ok' <<<"$out" ||
		{ echo "$out" >&2; fail "$(basename "$1"): no 'Signature verification: ok'"; }
	grep -q "Subject: $subject" <<<"$out" ||
		{ echo "$out" >&2; fail "$(basename "$1"): signer is not $subject"; }
	grep -q 'Message digest algorithm *: SHA256' <<<"$out" ||
		{ echo "$out" >&2; fail "$(basename "$1"): not SHA-256"; }
	grep -q 'Text description: 党员教育管理' <<<"$out" ||
		{ echo "$out" >&2; fail "$(basename "$1"): description is not 党员教育管理"; }
	grep -q "URL description: $url" <<<"$out" ||
		{ echo "$out" >&2; fail "$(basename "$1"): URL is not $url"; }
}

# refused FILE WHY: osslsigncode does not accept FILE.
refused() {
	if osslsigncode verify -CAfile "$tmp/cert.pem" -in "$1" >"$tmp/verify.log" 2>&1; then
		cat "$tmp/verify.log" >&2
		fail "$(basename "$1") ($2) verified"
	fi
}

# --- 1 and 2: the built program and installer -------------------------------
for f in "$exe" "$setup"; do
	base=$(basename "$f" .exe)
	# A copy without the signature make windows may have given it.
	osslsigncode remove-signature -in "$f" -out "$tmp/$base.exe" >/dev/null 2>&1 ||
		cp "$f" "$tmp/$base.exe"
	cp "$tmp/$base.exe" "$tmp/$base-unsigned.exe"

	refused "$tmp/$base-unsigned.exe" "unsigned"
	sign "$tmp/$base.exe"
	verify "$tmp/$base.exe"
	ok "$base.exe: signed by windows-sign.sh, osslsigncode verify: ok (SHA-256, 党员教育管理, $url)"

	# One byte changed past the headers: the digest no longer matches.
	cp "$tmp/$base.exe" "$tmp/$base-tampered.exe"
	byte=$(od -An -tu1 -j 4096 -N 1 "$tmp/$base-tampered.exe" | tr -d ' ')
	printf '%b' "\\0$(printf '%o' $(((byte + 1) % 256)))" |
		dd of="$tmp/$base-tampered.exe" bs=1 seek=4096 conv=notrunc status=none
	refused "$tmp/$base-tampered.exe" "one byte changed"
	ok "$base.exe: refused unsigned, and refused with one byte changed after signing"
done

# --- 3: the uninstaller, signed by makensis's !uninstfinalize hook ----------
printf 'int main(void) { return 0; }\n' >"$tmp/stub.c"
x86_64-w64-mingw32-gcc -mwindows -o "$tmp/stub.exe" "$tmp/stub.c"
# The hook as the Makefile passes it, plus a copy of what it signed.
hook="bash \"$root/scripts/windows-sign.sh\" \"%1\" && cp \"%1\" \"$tmp/uninstall.exe\""
if ! DANGJIAN_SIGN_PFX="$tmp/test.pfx" DANGJIAN_SIGN_PASSWORD="$password" \
	DANGJIAN_SIGN_URL="$url" DANGJIAN_SIGN_TIMESTAMP='' \
	makensis -V2 -INPUTCHARSET UTF8 -DVERSION=0.0.0 -DBUILD=1 \
	-DEXE="$tmp/stub.exe" -DICON="$dist/build/dangjian.ico" \
	-DASSETS="$root/assets" -DOUTFILE="$tmp/stub-setup.exe" \
	-DSIGN_UNINSTALLER="$hook" "$root/scripts/windows/installer.nsi" >"$tmp/makensis.log" 2>&1; then
	cat "$tmp/makensis.log" >&2
	fail "makensis with the uninstaller-signing hook"
fi
[[ -f "$tmp/uninstall.exe" ]] || fail "the !uninstfinalize hook did not run"
verify "$tmp/uninstall.exe"
sign "$tmp/stub-setup.exe"
verify "$tmp/stub-setup.exe"
ok "installer.nsi: the uninstaller is signed while makensis builds it, and verifies"

echo "test-signing.sh: all signing checks passed"
