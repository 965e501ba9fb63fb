<?php
// Seeds N posts into a test/benchmark WordPress quickly: categories, tags and a few featured images
// through WordPress's own API, posts and their term/thumbnail rows by multi-row SQL INSERTs (the
// per-post API would take ~15 ms a post). Deterministic and resumable (option satupintu_seeded).
// Usage: php seed.php N [articles.jsonl]   (JSONL lines from bench/corpus-articles.py:
//        {"n","title","summary","body","category","tags","date"}; without it: generated text)
require __DIR__ . '/boot.php';
require __DIR__ . '/seed-lib.php';
require_once ABSPATH . 'wp-admin/includes/image.php';
global $wpdb;
$N = (int)($argv[1] ?? 100);
$jsonl = $argv[2] ?? '';
$done = (int)get_option('satupintu_seeded', 0);
if ($done >= $N) { echo "posts already seeded: $done\n"; exit(0); }
$start = microtime(true);
wp_set_current_user(1);

$terms = [];
function tt_id(string $name, string $tax): int {
    global $terms;
    $key = "$tax|$name";
    if (!isset($terms[$key])) {
        $t = term_exists($name, $tax) ?: wp_insert_term($name, $tax);
        if (is_wp_error($t)) { fwrite(STDERR, "$tax $name: " . $t->get_error_message() . "\n"); exit(1); }
        $terms[$key] = (int)$t['term_taxonomy_id'];
    }
    return $terms[$key];
}

// Featured images: a dozen small real PNGs in this instance's uploads, as attachments.
$images = get_posts(['post_type' => 'attachment', 'post_status' => 'inherit', 'numberposts' => -1, 'fields' => 'ids', 'orderby' => 'ID', 'order' => 'ASC']);
if (count($images) < 12) {
    $up = wp_upload_dir('2024/01');
    wp_mkdir_p($up['path']);
    for ($k = count($images); $k < 12; $k++) {
        $file = $up['path'] . "/kegiatan-$k.png";
        file_put_contents($file, satupintu_png(96, 64, 40 + $k * 17, 120, 200 - $k * 9));
        $id = wp_insert_attachment(['post_mime_type' => 'image/png', 'post_title' => "Dokumentasi kegiatan $k",
            'post_status' => 'inherit', 'guid' => $up['url'] . "/kegiatan-$k.png"], $file);
        wp_update_attachment_metadata($id, ['width' => 96, 'height' => 64, 'file' => "2024/01/kegiatan-$k.png", 'sizes' => []]);
        $images[] = $id;
    }
}
$imageUrls = array_map('wp_get_attachment_url', $images);

$in = $jsonl !== '' ? fopen($jsonl, 'r') : null;
if ($jsonl !== '' && !$in) { fwrite(STDERR, "cannot read $jsonl\n"); exit(2); }
for ($skip = 0; $in && $skip < $done && fgets($in) !== false; $skip++) { }

$home = home_url();
$nextId = (int)$wpdb->get_var("SELECT COALESCE(MAX(ID), 0) FROM {$wpdb->posts}") + 1;
$batch = 500;
for ($i = $done; $i < $N; $i += $batch) {
    $posts = $rels = $meta = [];
    for ($j = $i; $j < min($N, $i + $batch); $j++) {
        $a = $in ? json_decode(fgets($in) ?: 'null', true) : satupintu_generated_post($j, $N);
        if (!$a) { fwrite(STDERR, "$jsonl ended after $j articles\n"); exit(1); }
        mt_srand(7000003 + $j);
        $id = $nextId++;
        $content = satupintu_blocks($a['body']);
        if (mt_rand(1, 100) <= 20) {   // some posts carry an image in their content, not only a featured one
            $content .= "\n\n<!-- wp:image -->\n<figure class=\"wp-block-image\"><img src=\"" . esc_url($imageUrls[$j % count($imageUrls)]) . "\" alt=\"Dokumentasi\"/></figure>\n<!-- /wp:image -->";
        }
        $gmt = gmdate('Y-m-d H:i:s', strtotime($a['date']));
        $local = get_date_from_gmt($gmt);
        // generated titles are unique already; corpus titles may repeat, so those get the index
        $slug = sanitize_title(mb_substr($a['title'], 0, 120)) . ($in ? "-$j" : '');
        $posts[] = $wpdb->prepare("(%d,1,%s,%s,%s,%s,%s,'publish','open','closed','',%s,'','',%s,%s,'',0,%s,0,'post','',0)",
            $id, $local, $gmt, $content, $a['title'], $a['summary'] ?? '', $slug, $local, $gmt, "$home/?p=$id");
        $rels[] = "($id," . tt_id($a['category'], 'category') . ',0)';
        foreach (array_unique($a['tags'] ?? []) as $tag) { $rels[] = "($id," . tt_id($tag, 'post_tag') . ',0)'; }
        if (mt_rand(1, 100) <= 70) { $meta[] = "($id,'_thumbnail_id','" . $images[$j % count($images)] . "')"; }
    }
    $wpdb->query('START TRANSACTION');
    $wpdb->query("INSERT INTO {$wpdb->posts} (ID,post_author,post_date,post_date_gmt,post_content,post_title,post_excerpt,post_status,comment_status,ping_status,post_password,post_name,to_ping,pinged,post_modified,post_modified_gmt,post_content_filtered,post_parent,guid,menu_order,post_type,post_mime_type,comment_count) VALUES " . implode(',', $posts)) !== false || exit(1);
    $wpdb->query("INSERT IGNORE INTO {$wpdb->term_relationships} (object_id,term_taxonomy_id,term_order) VALUES " . implode(',', array_unique($rels)));
    if ($meta) { $wpdb->query("INSERT INTO {$wpdb->postmeta} (post_id,meta_key,meta_value) VALUES " . implode(',', $meta)); }
    $wpdb->query($wpdb->prepare("UPDATE {$wpdb->options} SET option_value = %s WHERE option_name = 'satupintu_seeded'", (string)$j))
        || add_option('satupintu_seeded', (string)$j, '', 'no');
    $wpdb->query('COMMIT');
    if ($j % 10000 < $batch || $j == $N) { printf("seeded %d/%d (%.1fs)\n", $j, $N, microtime(true) - $start); }
}
$wpdb->query("UPDATE {$wpdb->term_taxonomy} tt SET count = (SELECT COUNT(*) FROM {$wpdb->term_relationships} tr JOIN {$wpdb->posts} p ON p.ID = tr.object_id AND p.post_status = 'publish' WHERE tr.term_taxonomy_id = tt.term_taxonomy_id) WHERE taxonomy IN ('category','post_tag')");
clean_term_cache(array_values($terms));
wp_cache_flush();
printf("done: %d posts in %.1fs\n", $N - $done, microtime(true) - $start);
