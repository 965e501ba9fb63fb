#!/usr/bin/env bash
# A real WordPress 6 (Debian's package) on 127.0.0.1 for the interop tests and the benchmarks: its
# own MariaDB (unix socket only, no TCP), php-fpm and nginx processes with their data under one
# work folder, on a free loopback port. Idempotent; nothing leaves the machine (WordPress is set
# to block every outbound HTTP request, with cron and auto-updates off).
#   wordpress.sh up [N]        install what is missing, start, install WordPress, seed N posts (default 0)
#   wordpress.sh seed N [FILE] top up to N posts (generated, or from a bench/corpus-articles.py JSONL)
#   wordpress.sh edit ID TITLE | add TITLE      change content as an editor would (prints the post id)
#   wordpress.sh pause | resume                 stop / start only nginx: the site is down, data kept
#   wordpress.sh env | stop | down              print WP_URL=... | stop the servers, keep the data | stop and delete
# Settings: WP_DIR (default $TMPDIR/satupintu-wordpress), WP_PORT (default: a free port, kept in WP_DIR),
# WP_DB_BUFFER (InnoDB buffer pool, 256M), WP_FPM_CHILDREN (5, as Debian's pool), WP_FASTCGI_TIMEOUT (300 s).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
D=${WP_DIR:-${TMPDIR:-/tmp}/satupintu-wordpress}
T0=$(date +%s.%N)
log() { printf '[wordpress %5.1fs] %s\n' "$(awk -v a="$T0" -v b="$(date +%s.%N)" 'BEGIN{print b-a}')" "$*" >&2; }
alive() { [[ -f "$1" ]] && kill -0 "$(cat "$1" 2>/dev/null)" 2>/dev/null; }
stop_pid() { # pidfile: TERM, wait up to 10 s, then KILL
  alive "$1" || { rm -f "$1"; return 0; }
  local p; p=$(cat "$1" 2>/dev/null) || return 0; kill "$p" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$p" 2>/dev/null || true; rm -f "$1"
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
php_env() { env SATUPINTU_WP_CONFIG="$D/wp-config.php" WP_HOSTPORT="127.0.0.1:$WP_PORT" php -d memory_limit=1024M "$@"; }
load_env() { [[ -f "$D/env" ]] || { echo "no WordPress in $D: run '$0 up' first" >&2; exit 1; }; . "$D/env"; }

start_nginx() {
  nginx -p "$D" -c "$D/nginx.conf" -e "$D/log/nginx-error.log"
  for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$WP_PORT/__satupintu/status.php" && return 0; sleep 0.1; done
  echo "nginx did not answer on 127.0.0.1:$WP_PORT (log: $D/log/nginx-error.log)" >&2; exit 1
}

up() {
  "$HERE/install.sh" >&2
  mkdir -p "$D"/{log,run,db,tmp,wp-content/uploads}
  D=$(cd "$D" && pwd -P)
  [[ -f "$D/env" ]] && . "$D/env"
  WP_PORT=${WP_PORT:-$(free_port)}
  printf 'WP_PORT=%s\nWP_URL=http://127.0.0.1:%s\nWP_DIR=%s\n' "$WP_PORT" "$WP_PORT" "$D" >"$D/env"
  local user; user=$(id -un)
  # Debian's wp-config.php hands over to config-<WORDPRESS_CONFIG>.php; ours to the instance's file.
  if ! cmp -s "$HERE/config-shim.php" /etc/wordpress/config-satupintu.php; then
    ${SUDO:-$([ "$(id -u)" -eq 0 ] || echo sudo)} install -m 644 "$HERE/config-shim.php" /etc/wordpress/config-satupintu.php
  fi
  ln -sfn /usr/share/wordpress/wp-content/themes "$D/wp-content/themes"
  ln -sfn /usr/share/wordpress/wp-content/plugins "$D/wp-content/plugins"
  cp "$HERE/status.php" "$D/status.php"

  if ! alive "$D/run/mariadb.pid"; then
    if [[ ! -d "$D/db/mysql" ]]; then
      mariadb-install-db --no-defaults --user="$user" --datadir="$D/db" --auth-root-authentication-method=normal \
        --skip-test-db >"$D/log/mariadb-install.log" 2>&1 || { cat "$D/log/mariadb-install.log" >&2; exit 1; }
    fi
    # --skip-networking: the socket is the only way in. Durability is not wanted here (throwaway data).
    setsid mariadbd --no-defaults --user="$user" --datadir="$D/db" --socket="$D/run/mysql.sock" --skip-networking \
      --pid-file="$D/run/mariadb.pid" --log-error="$D/log/mariadb.err" --innodb-buffer-pool-size=${WP_DB_BUFFER:-256M} \
      --innodb-flush-log-at-trx-commit=0 --skip-log-bin --character-set-server=utf8mb4 </dev/null >/dev/null 2>&1 &
    for _ in $(seq 100); do mariadb-admin --no-defaults -uroot --socket="$D/run/mysql.sock" ping >/dev/null 2>&1 && break; sleep 0.1; done
    mariadb-admin --no-defaults -uroot --socket="$D/run/mysql.sock" ping >/dev/null || { tail "$D/log/mariadb.err" >&2; exit 1; }
    log "mariadb up (socket $D/run/mysql.sock)"
  fi
  mariadb --no-defaults -uroot --socket="$D/run/mysql.sock" -e 'CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci'

  if [[ ! -f "$D/wp-config.php" ]]; then
    local salts
    salts=$(php -r 'foreach (["AUTH_KEY","SECURE_AUTH_KEY","LOGGED_IN_KEY","NONCE_KEY","AUTH_SALT","SECURE_AUTH_SALT","LOGGED_IN_SALT","NONCE_SALT"] as $k) printf("define(%s, %s);\n", var_export($k, true), var_export(bin2hex(random_bytes(24)), true));')
    cat >"$D/wp-config.php" <<PHP
<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:$D/run/mysql.sock');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
$salts
\$table_prefix = 'wp_';
define('WP_HOME', 'http://127.0.0.1:$WP_PORT');
define('WP_SITEURL', 'http://127.0.0.1:$WP_PORT');
define('WP_CONTENT_DIR', '$D/wp-content');
define('WP_CONTENT_URL', 'http://127.0.0.1:$WP_PORT/wp-content');
define('WP_DEBUG', false);
// Not one packet off the machine: no update checks, pings or oEmbed fetches, no cron from page views.
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
define('WP_AUTO_UPDATE_CORE', false);
PHP
  fi

  if ! alive "$D/run/php-fpm.pid"; then
    local as_root=""; [[ $(id -u) -eq 0 ]] && as_root="-R"
    cat >"$D/php-fpm.conf" <<INI
[global]
pid = $D/run/php-fpm.pid
error_log = $D/log/php-fpm.log
daemonize = yes
[wp]
listen = $D/run/php-fpm.sock
$( [[ $(id -u) -eq 0 ]] && printf 'user = root\ngroup = root\n' )
; as Debian's default pool, so that figures compare with the anchor's
pm = dynamic
pm.max_children = ${WP_FPM_CHILDREN:-5}
pm.start_servers = 2
pm.min_spare_servers = 1
pm.max_spare_servers = 3
clear_env = yes
INI
    php-fpm8.2 $as_root -y "$D/php-fpm.conf"
    log "php-fpm up"
  fi

  cat >"$D/nginx.conf" <<NGX
$( [[ $(id -u) -eq 0 ]] && echo 'user root;' )
worker_processes auto;
pid $D/run/nginx.pid;
error_log $D/log/nginx-error.log;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log $D/log/access.log combined buffer=64k flush=5s;
  client_body_temp_path $D/tmp/body; fastcgi_temp_path $D/tmp/fastcgi; proxy_temp_path $D/tmp/proxy;
  uwsgi_temp_path $D/tmp/uwsgi; scgi_temp_path $D/tmp/scgi;
  server {
    listen 127.0.0.1:$WP_PORT;
    server_name 127.0.0.1;
    root /usr/share/wordpress;
    # WordPress's search on a big archive can take longer than nginx's default 60 s: let it answer
    fastcgi_read_timeout ${WP_FASTCGI_TIMEOUT:-300}s;
    index index.php;
    location / { try_files \$uri \$uri/ /index.php?\$args; }
    location ^~ /wp-content/ { alias $D/wp-content/; }
    location = /__satupintu/status.php {
      include /etc/nginx/fastcgi_params;
      fastcgi_param SCRIPT_FILENAME $D/status.php;
      fastcgi_param WORDPRESS_CONFIG satupintu;
      fastcgi_param SATUPINTU_WP_CONFIG $D/wp-config.php;
      fastcgi_pass unix:$D/run/php-fpm.sock;
    }
    location ~ \.php\$ {
      try_files \$fastcgi_script_name =404;
      include /etc/nginx/fastcgi.conf;
      fastcgi_param WORDPRESS_CONFIG satupintu;
      fastcgi_param SATUPINTU_WP_CONFIG $D/wp-config.php;
      fastcgi_pass unix:$D/run/php-fpm.sock;
    }
  }
}
NGX
  if alive "$D/run/nginx.pid"; then nginx -p "$D" -c "$D/nginx.conf" -e "$D/log/nginx-error.log" -s reload; else start_nginx; fi
  log "nginx up on 127.0.0.1:$WP_PORT"
  php_env "$HERE/wp-install.php" >&2
  log "WordPress installed"
  [[ "${1:-0}" -gt 0 ]] && seed "$1"
  cat "$D/env"
}

seed() { # N [jsonl]
  php_env "$HERE/seed.php" "$1" "${2:-}" >&2
  log "seeded"
}

stop() {
  [[ -f "$D/run/nginx.pid" ]] && { nginx -p "$D" -c "$D/nginx.conf" -e "$D/log/nginx-error.log" -s quit 2>/dev/null || true; }
  for f in nginx php-fpm mariadb; do stop_pid "$D/run/$f.pid"; done
}

down() {
  [[ -d "$D" ]] || return 0
  stop
  rm -rf "$D"
  log "stopped and removed $D"
}

cmd=${1:-}; shift || true
case "$cmd" in
  up) up "$@" ;;
  seed) load_env; seed "$@" ;;
  edit|add) load_env; php_env "$HERE/post.php" "$cmd" "$@" ;;
  pause) load_env; nginx -p "$D" -c "$D/nginx.conf" -e "$D/log/nginx-error.log" -s quit; for _ in $(seq 50); do alive "$D/run/nginx.pid" || break; sleep 0.1; done; stop_pid "$D/run/nginx.pid" ;;
  resume) load_env; alive "$D/run/nginx.pid" || start_nginx ;;
  env) load_env; cat "$D/env" ;;
  stop) stop; log "stopped; '$0 up' starts it again with its data" ;;
  down) down ;;
  *) sed -n '2,12p' "$0" >&2; exit 2 ;;
esac
