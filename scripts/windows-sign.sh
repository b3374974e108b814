#!/usr/bin/env bash
# Signs Windows programs (Authenticode, SHA-256) with osslsigncode, when a
# code-signing certificate is given through the environment:
#
#   DANGJIAN_SIGN_PFX        the certificate with its private key, a .pfx/.p12
#                            file; unset or empty: nothing is signed
#   DANGJIAN_SIGN_PASSWORD   its password (may be unset for none)
#   DANGJIAN_SIGN_TIMESTAMP  optional: an RFC 3161 time-stamping server, say
#                            http://timestamp.digicert.com, so the signature
#                            stays valid after the certificate expires
#   DANGJIAN_SIGN_URL        optional: the URL shown with the signature
#                            (osslsigncode -i), say the project's home page
#
#   bash scripts/windows-sign.sh FILE...       sign each FILE in place
#   bash scripts/windows-sign.sh --enabled     exit 0 when DANGJIAN_SIGN_PFX is set
#   bash scripts/windows-sign.sh --stamp FILE  write to FILE what identifies
#                                              the signing set-up, only when it
#                                              changed (make rebuilds the signed
#                                              files then); no secrets in it
#
# The description in the signature (-n) is 党员教育管理. make windows signs
# dangjian.exe before it goes into the installer, the uninstaller while
# makensis builds it, and the installer; scripts/test-signing.sh checks all
# this with a throw-away certificate. The password reaches osslsigncode
# through a private temporary file, never its command line.
set -euo pipefail

name='党员教育管理'
pfx=${DANGJIAN_SIGN_PFX:-}

usage() {
	echo "usage: bash scripts/windows-sign.sh FILE... | --enabled | --stamp FILE" >&2
	exit 2
}

case "${1:-}" in
"") usage ;;
--enabled)
	[[ -n "$pfx" ]]
	exit
	;;
--stamp)
	[[ $# -eq 2 ]] || usage
	if [[ -z "$pfx" ]]; then
		want='unsigned'
	else
		[[ -f "$pfx" ]] || {
			echo "windows-sign.sh: DANGJIAN_SIGN_PFX=$pfx: no such file" >&2
			exit 1
		}
		want="pfx sha256 $(sha256sum <"$pfx" | cut -d' ' -f1)
timestamp ${DANGJIAN_SIGN_TIMESTAMP:-}
url ${DANGJIAN_SIGN_URL:-}"
	fi
	if [[ ! -f "$2" || "$(cat "$2")" != "$want" ]]; then
		mkdir -p "$(dirname "$2")"
		printf '%s\n' "$want" >"$2"
	fi
	exit 0
	;;
-*) usage ;;
esac

if [[ -z "$pfx" ]]; then
	echo "windows-sign.sh: DANGJIAN_SIGN_PFX is not set, not signing $*" >&2
	exit 1
fi
if [[ ! -f "$pfx" ]]; then
	echo "windows-sign.sh: DANGJIAN_SIGN_PFX=$pfx: no such file" >&2
	exit 1
fi
if ! command -v osslsigncode >/dev/null 2>&1; then
	echo "windows-sign.sh: osslsigncode is not installed (bash scripts/deps.sh installs it)" >&2
	exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(umask 077 && printf '%s' "${DANGJIAN_SIGN_PASSWORD:-}" >"$tmp/pass")

args=(-pkcs12 "$pfx" -readpass "$tmp/pass" -h sha256 -n "$name")
if [[ -n "${DANGJIAN_SIGN_URL:-}" ]]; then
	args+=(-i "$DANGJIAN_SIGN_URL")
fi
if [[ -n "${DANGJIAN_SIGN_TIMESTAMP:-}" ]]; then
	args+=(-ts "$DANGJIAN_SIGN_TIMESTAMP")
fi

for f in "$@"; do
	if [[ ! -f "$f" ]]; then
		echo "windows-sign.sh: $f: no such file" >&2
		exit 1
	fi
	if ! log=$(osslsigncode sign "${args[@]}" -in "$f" -out "$tmp/signed" 2>&1); then
		echo "windows-sign.sh: signing $f failed:" >&2
		echo "$log" >&2
		exit 1
	fi
	# In place, keeping the mode (makensis hands over a temporary file).
	cat "$tmp/signed" >"$f"
	rm -f "$tmp/signed"
	echo "windows-sign.sh: signed $f"
done
