# tools/install-deps, which make runs before the first compile: installed
# packages pass silently; as a user who is not root, missing ones are named
# with the exact command to run, and it stops with status 2.
$ "$TOP/tools/install-deps" make gcc

$ nobody() { if [ "$(id -u)" = 0 ]; then setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; else "$@"; fi; }; nobody "$TOP/tools/install-deps" make luong-no-such-package another-missing-one
! luong: missing Debian packages: luong-no-such-package another-missing-one
! luong: run: sudo apt-get update && sudo apt-get install -y luong-no-such-package another-missing-one
? 2
