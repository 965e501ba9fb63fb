<?php
// Helpers of seed.php: a dependency-free PNG writer, block markup, and the built-in generator of
// Indonesian-looking agency news (used when no corpus JSONL is given).

function satupintu_png(int $w, int $h, int $r, int $g, int $b): string {
    $raw = '';
    for ($y = 0; $y < $h; $y++) {
        $raw .= "\0";
        for ($x = 0; $x < $w; $x++) { $raw .= chr(($r + $x) % 256) . chr(($g + $y) % 256) . chr($b % 256); }
    }
    $chunk = fn($t, $d) => pack('N', strlen($d)) . $t . $d . pack('N', crc32($t . $d));
    return "\x89PNG\r\n\x1a\n" . $chunk('IHDR', pack('NNCCCCC', $w, $h, 8, 2, 0, 0, 0)) . $chunk('IDAT', gzcompress($raw)) . $chunk('IEND', '');
}

function satupintu_blocks(string $body): string {
    $out = [];
    foreach (preg_split('/\n\s*\n/', trim($body)) as $p) {
        $out[] = "<!-- wp:paragraph -->\n<p>" . esc_html($p) . "</p>\n<!-- /wp:paragraph -->";
    }
    return implode("\n\n", $out);
}

const SATUPINTU_CATEGORIES = ['Berita', 'Pengumuman', 'Kesehatan Masyarakat', 'Pelayanan', 'Kegiatan', 'Program Prioritas',
    'Pencegahan Penyakit', 'Gizi & Stunting'];
const SATUPINTU_TAGS = ['Puskesmas', 'Posyandu', 'Stunting', 'Imunisasi', 'Bupati', 'APBD', 'Desa', 'Kecamatan', 'Rumah Sakit',
    'BPJS', 'Vaksinasi', 'Gizi', 'Kader', 'Sosialisasi', 'Pelatihan', 'Air Bersih', 'Sanitasi', 'Lansia', 'Balita', 'Ibu Hamil'];
const SATUPINTU_WORDS = 'pemerintah kabupaten pelayanan masyarakat anggaran kesehatan desa kecamatan daerah program kegiatan '
    . 'pelaksanaan peningkatan kualitas puskesmas posyandu rumah sakit tenaga medis bidan perawat imunisasi gizi stunting ibu anak '
    . 'balita lansia keluarga sosialisasi penyuluhan pemeriksaan gratis warga kader pelatihan koordinasi lintas sektor dinas '
    . 'kepala bidang seksi data sasaran target capaian laporan tahun bulan minggu akan telah sedang terus harus dapat untuk '
    . 'dengan dalam pada oleh bagi dari ke yang dan serta juga bahwa ini tersebut seluruh berbagai setiap sejumlah';
const SATUPINTU_PLACES = ['Desa Air Sempiang', 'Desa Pekalongan', 'Desa Sosokan', 'Kelurahan Pasar Ujung', 'Desa Tanjung Alam',
    'Desa Permu', 'Kecamatan Ujan Mas', 'Kecamatan Tebat Karai', 'Aula Dinas Kesehatan', 'Puskesmas Kepahiang'];
const SATUPINTU_TOPICS = ['Pelatihan Kader Posyandu', 'Pemeriksaan Kesehatan Gratis', 'Imunisasi Anak Sekolah', 'Penurunan Stunting',
    'Pemberian Makanan Tambahan', 'Pencegahan Demam Berdarah', 'Layanan Puskesmas Keliling', 'Pendataan Keluarga Berisiko'];

function satupintu_sentence(array $w): string {
    $s = [];
    for ($i = mt_rand(8, 18); $i > 0; $i--) { $s[] = $w[mt_rand(0, count($w) - 1)]; }
    return ucfirst(implode(' ', $s)) . '.';
}

/** Post $i of $n: deterministic per index, dates spread evenly over 2021-2025 so ids grow with date. */
function satupintu_generated_post(int $i, int $n): array {
    mt_srand(1000003 + $i);
    $w = explode(' ', SATUPINTU_WORDS);
    $pick = fn(array $a) => $a[mt_rand(0, count($a) - 1)];
    $paras = [];
    for ($p = mt_rand(3, 5); $p > 0; $p--) {
        $s = [];
        for ($k = mt_rand(3, 6); $k > 0; $k--) { $s[] = satupintu_sentence($w); }
        $paras[] = implode(' ', $s);
    }
    $t0 = gmmktime(1, 0, 0, 1, 1, 2021); $span = gmmktime(1, 0, 0, 1, 1, 2026) - $t0;
    $tags = [];
    for ($k = mt_rand(1, 3); $k > 0; $k--) { $tags[] = $pick(SATUPINTU_TAGS); }
    return [
        'n' => $i,
        'title' => $pick(SATUPINTU_TOPICS) . ' di ' . $pick(SATUPINTU_PLACES) . " ($i)",
        'summary' => '',
        'body' => implode("\n\n", $paras),
        'category' => $pick(SATUPINTU_CATEGORIES),
        'tags' => $tags,
        'date' => gmdate('Y-m-d\TH:i:s\Z', $t0 + intdiv($span * $i, max($n, 1)) + mt_rand(0, 3600)),
    ];
}
