<?php
// Loads WordPress for a command-line script of this folder, against the instance that wordpress.sh
// stood up: its wp-config.php is named by SATUPINTU_WP_CONFIG (Debian's wp-config.php hands over to it
// through /etc/wordpress/config-satupintu.php), its address by WP_HOSTPORT.
$hostport = getenv('WP_HOSTPORT') ?: '127.0.0.1:8080';
$config = getenv('SATUPINTU_WP_CONFIG');
if (!$config || !is_file($config)) { fwrite(STDERR, "SATUPINTU_WP_CONFIG does not name an instance's wp-config.php\n"); exit(2); }
$_SERVER['SATUPINTU_WP_CONFIG'] = $config;
$_SERVER['WORDPRESS_CONFIG'] = 'satupintu';
$_SERVER['HTTP_HOST'] = $hostport;
$_SERVER['SERVER_NAME'] = explode(':', $hostport)[0];
$_SERVER['SERVER_PORT'] = explode(':', $hostport)[1] ?? '80';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
if (!empty($installing)) { define('WP_INSTALLING', true); }
require '/usr/share/wordpress/wp-load.php';
