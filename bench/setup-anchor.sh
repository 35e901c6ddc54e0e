#!/bin/sh
# Installs the comparison anchor for `npm run bench`: NGINX with the ModSecurity v3 connector and the
# OWASP Core Rule Set from Debian's archive. The bench configures both itself under a temp dir
# (paranoia level 1, blocking mode); this script only installs packages and changes no system config.
# Debian/Ubuntu only; run as root (or via sudo).
set -eu

if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-anchor: apt-get not found; install nginx, libnginx-mod-http-modsecurity and modsecurity-crs by hand" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends \
  nginx libnginx-mod-http-modsecurity modsecurity-crs

# The Debian nginx package starts a system service on port 80; the bench never uses it.
# /etc/modsecurity/modsecurity.conf-recommended ships with libapache2-mod-security2, not with these
# packages; the bench uses it when present and otherwise writes the same core directives itself.
for path in /usr/lib/nginx/modules/ngx_http_modsecurity_module.so /usr/share/modsecurity-crs/owasp-crs.load; do
  if [ ! -e "$path" ]; then
    echo "setup-anchor: expected $path after install; the bench will skip the ModSecurity target" >&2
    exit 1
  fi
done
echo "setup-anchor: NGINX + ModSecurity + CRS installed; npm run bench will include the nginx+modsec target"
