<?php
// Installed by tests/wordpress/wordpress.sh as /etc/wordpress/config-satupintu.php. Debian's
// wp-config.php loads it when the request carries WORDPRESS_CONFIG=satupintu (README.Debian); each
// instance's nginx also passes its own wp-config.php in SATUPINTU_WP_CONFIG, so several instances
// (tests, benchmarks) share 127.0.0.1 on their own ports, databases and upload folders.
if (empty($_SERVER['SATUPINTU_WP_CONFIG']) || !is_file($_SERVER['SATUPINTU_WP_CONFIG'])) {
    header('HTTP/1.1 500 Internal Server Error');
    exit("SATUPINTU_WP_CONFIG names no instance configuration.\n");
}
require $_SERVER['SATUPINTU_WP_CONFIG'];
