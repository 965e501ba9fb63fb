<?php
// Served at /__satupintu/status.php: what a test needs to know that this WordPress is the one set
// up here and that it cannot reach the internet (no update checks, no pings to wordpress.org).
header('Content-Type: text/plain');
require '/usr/share/wordpress/wp-load.php';
global $wpdb;
$http = new WP_Http();
printf("wordpress=%s\n", get_bloginfo('version'));
printf("posts=%d\n", (int)$wpdb->get_var("SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_type='post' AND post_status='publish'"));
printf("external_http_blocked=%s\n", $http->block_request('https://api.wordpress.org/core/version-check/1.7/') ? 'yes' : 'no');
printf("cron_disabled=%s\n", defined('DISABLE_WP_CRON') && DISABLE_WP_CRON ? 'yes' : 'no');
printf("auto_updates_disabled=%s\n", defined('AUTOMATIC_UPDATER_DISABLED') && AUTOMATIC_UPDATER_DISABLED ? 'yes' : 'no');
