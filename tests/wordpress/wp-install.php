<?php
// Non-interactive install and site options of a test/benchmark WordPress (idempotent).
$installing = true;
require __DIR__ . '/boot.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

add_filter('pre_wp_mail', '__return_false');   // no MTA here: skip the "new site" e-mail
if (!is_blog_installed()) {
    wp_install('Dinas Kesehatan Kabupaten Kepahiang', 'admin', 'admin@example.invalid', true, '', 'satupintu-wp-admin-pass');
    echo "installed WordPress\n";
}
update_option('blogdescription', 'Berita dan layanan Dinas Kesehatan');
update_option('timezone_string', 'Asia/Jakarta');
update_option('posts_per_page', 10);
update_option('posts_per_rss', 10);
update_option('rss_use_excerpt', 0);
global $wp_rewrite;
if (get_option('permalink_structure') !== '/%postname%/') {
    $wp_rewrite->set_permalink_structure('/%postname%/');
}
// Taxonomy permastructs are only registered when a structure is set at init time: re-register first.
create_initial_taxonomies();
flush_rewrite_rules(false);
foreach (['hello-world', 'sample-page', 'privacy-policy'] as $slug) {
    $p = get_posts(['name' => $slug, 'post_type' => ['post', 'page'], 'post_status' => 'any', 'numberposts' => 1]);
    if ($p) { wp_delete_post($p[0]->ID, true); }
}
echo 'home=' . get_option('home') . ' permalink=' . get_option('permalink_structure') . "\n";
