#!/usr/bin/env bash
# Installs what the WordPress interop stage and the WordPress benchmarks need, from Debian's
# packages, only when missing: WordPress 6 (Debian 12: 6.1), nginx, php-fpm, MariaDB, wrk.
# No service is started here: wordpress.sh runs its own nginx, php-fpm and MariaDB processes.
set -euo pipefail
t0=$(date +%s)
missing() { local p m=(); for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || m+=("$p"); done; echo "${m[@]:-}"; }
as_root=""; [ "$(id -u)" -eq 0 ] || as_root="sudo"
# Order matters: nginx and php-fpm (which satisfies the `php` metapackage) go in before `wordpress`,
# or apt would take the first alternatives of "apache2 | httpd" and "libapache2-mod-php | php".
base=(nginx php-fpm php-cli php-mysql php php-mbstring php-xml mariadb-server mariadb-client curl wrk)
wp=(wordpress wordpress-theme-twentytwentythree)
m="$(missing "${base[@]}")"; w="$(missing "${wp[@]}")"
if [ -n "$m$w" ]; then
  echo "wordpress/install.sh: installing ${m} ${w} from Debian's packages"
  $as_root apt-get update -qq
  export DEBIAN_FRONTEND=noninteractive
  # The packages' own services (nginx on *:80, MariaDB, php-fpm) are not wanted: wordpress.sh runs
  # its own processes. Without a policy-rc.d, the maintainer scripts would start them.
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $as_root tee /usr/sbin/policy-rc.d >/dev/null && $as_root chmod 755 /usr/sbin/policy-rc.d
    trap '$as_root rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  # shellcheck disable=SC2086
  [ -z "$m" ] || $as_root apt-get install -y -qq --no-install-recommends $m >/dev/null
  # shellcheck disable=SC2086
  [ -z "$w" ] || $as_root apt-get install -y -qq --no-install-recommends $w >/dev/null
fi
echo "wordpress/install.sh: ready in $(( $(date +%s) - t0 ))s (wordpress $(dpkg-query -W -f='${Version}' wordpress))"
