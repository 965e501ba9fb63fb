<?php
// Changes at the source, as an OPD editor would make them in wp-admin: `edit ID TITLE` gives a post
// a new title and one more paragraph (WordPress updates its modified date); `add TITLE` publishes a
// new post now. Prints the post's id.
require __DIR__ . '/boot.php';
wp_set_current_user(1);
[$cmd, $a, $b] = [$argv[1] ?? '', $argv[2] ?? '', $argv[3] ?? ''];
if ($cmd === 'edit') {
    $post = get_post((int)$a) ?: exit("no post $a\n");
    $r = wp_update_post(['ID' => $post->ID, 'post_title' => $b,
        'post_content' => $post->post_content . "\n\n<!-- wp:paragraph -->\n<p>Pembaruan: jadwal kegiatan diperbarui.</p>\n<!-- /wp:paragraph -->"], true);
} elseif ($cmd === 'add') {
    $r = wp_insert_post(['post_type' => 'post', 'post_status' => 'publish', 'post_author' => 1, 'post_title' => $a,
        'post_content' => "<!-- wp:paragraph -->\n<p>Dinas Kesehatan mengumumkan kegiatan baru untuk warga.</p>\n<!-- /wp:paragraph -->",
        'post_category' => [(int)get_option('default_category')], 'tags_input' => ['Pengumuman Baru']], true);
} else {
    fwrite(STDERR, "usage: post.php edit ID TITLE | add TITLE\n"); exit(2);
}
if (is_wp_error($r)) { fwrite(STDERR, $r->get_error_message() . "\n"); exit(1); }
echo $r, "\n";
