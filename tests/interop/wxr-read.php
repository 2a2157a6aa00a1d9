<?php
/* wxr-read.php: reads a WXR file the two ways WordPress's importer does, and
 * prints what each way found, for test-wxr-wordpress.
 *
 * Copyright 2026 The Portada authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written for this test from the WXR 1.2 format (what wp-admin/includes/export.php
 * writes), following what the wordpress-importer plugin's parsers do with it:
 *  - "simplexml": the whole document through SimpleXML, text and CDATA joined,
 *    entities decoded; authors from /rss/channel/wp:author.
 *  - "regex": the file read line by line with an 8,192-byte read buffer (so a
 *    line of 8,192 bytes or more is cut, and the pieces joined by a newline),
 *    each line right-trimmed; a <wp:author> only when it is whole on its line;
 *    items gathered between <item> and </item>; a field is the text between its
 *    tags, CDATA unwrapped (split sections joined only in the "]]]]><![CDATA[>"
 *    form), entities NOT decoded.
 *
 * Usage: php wxr-read.php simplexml|regex FILE
 * Output, one record per line, fields separated by tabs, text base64-encoded:
 *   author LOGIN DISPLAY_NAME
 *   item POST_ID TYPE STATUS SLUG CREATOR TITLE EXCERPT CONTENT META
 *   comment POST_ID COMMENT_ID PARENT APPROVED TYPE AUTHOR EMAIL URL DATE_GMT CONTENT
 * where META is base64 of "key=value\n"... for every postmeta.
 */

function out(array $fields)
{
    echo implode("\t", $fields), "\n";
}

function b(string $s): string
{
    return base64_encode($s);
}

function meta_text(array $meta): string
{
    $text = '';
    foreach ($meta as $key => $value) {
        $text .= $key . '=' . $value . "\n";
    }
    return $text;
}

/* SimpleXML */

function read_simplexml(string $file)
{
    $dom = new DOMDocument();
    $old = libxml_use_internal_errors(true);
    if (!$dom->loadXML(file_get_contents($file))) {
        foreach (libxml_get_errors() as $e) {
            fwrite(STDERR, "$file:{$e->line}: " . trim($e->message) . "\n");
        }
        exit(1);
    }
    libxml_use_internal_errors($old);
    $xml = simplexml_import_dom($dom);
    $ns = $xml->getDocNamespaces();
    if (!isset($ns['wp'])) {
        fwrite(STDERR, "$file: no wp namespace\n");
        exit(1);
    }
    $xml->registerXPathNamespace('wp', $ns['wp']);
    foreach ($xml->xpath('/rss/channel/wp:author') as $node) {
        $a = $node->children($ns['wp']);
        out(['author', b((string) $a->author_login), b((string) $a->author_display_name)]);
    }
    foreach ($xml->channel->item as $item) {
        $wp = $item->children($ns['wp']);
        $dc = $item->children('http://purl.org/dc/elements/1.1/');
        $content = $item->children('http://purl.org/rss/1.0/modules/content/');
        $excerpt = $item->children($ns['excerpt']);
        $meta = [];
        foreach ($wp->postmeta as $m) {
            $meta[(string) $m->meta_key] = (string) $m->meta_value;
        }
        out(['item', (string) (int) $wp->post_id, b((string) $wp->post_type),
             b((string) $wp->status), b((string) $wp->post_name), b((string) $dc->creator),
             b((string) $item->title), b((string) $excerpt->encoded),
             b((string) $content->encoded), b(meta_text($meta))]);
        foreach ($wp->comment as $c) {
            out(['comment', (string) (int) $wp->post_id, (string) (int) $c->comment_id,
                 (string) (int) $c->comment_parent, b((string) $c->comment_approved),
                 b((string) $c->comment_type), b((string) $c->comment_author),
                 b((string) $c->comment_author_email), b((string) $c->comment_author_url),
                 b((string) $c->comment_date_gmt), b((string) $c->comment_content)]);
        }
    }
}

/* Line-based, as the importer's regex parser */

function tag_text(string $text, string $tag): string
{
    if (!preg_match('|<' . preg_quote($tag, '|') . '(?:\s[^>]*)?>(.*?)</' . preg_quote($tag, '|') . '>|s',
                    $text, $m)) {
        return '';
    }
    $inner = $m[1];
    if (strncmp($inner, '<![CDATA[', 9) != 0) {
        return $inner;
    }
    if (strpos($inner, ']]]]><![CDATA[>') !== false) {
        preg_match_all('|<!\[CDATA\[(.*?)\]\]>|s', $inner, $parts);
        return implode('', $parts[1]);
    }
    return preg_replace('|^<!\[CDATA\[(.*)\]\]>$|s', '$1', $inner);
}

function regex_item(string $text)
{
    $meta = [];
    if (preg_match_all('|<wp:postmeta>(.+?)</wp:postmeta>|s', $text, $metas)) {
        foreach ($metas[1] as $m) {
            $meta[tag_text($m, 'wp:meta_key')] = tag_text($m, 'wp:meta_value');
        }
    }
    out(['item', (string) (int) tag_text($text, 'wp:post_id'), b(tag_text($text, 'wp:post_type')),
         b(tag_text($text, 'wp:status')), b(tag_text($text, 'wp:post_name')),
         b(tag_text($text, 'dc:creator')), b(tag_text($text, 'title')),
         b(tag_text($text, 'excerpt:encoded')), b(tag_text($text, 'content:encoded')),
         b(meta_text($meta))]);
    if (preg_match_all('|<wp:comment>(.+?)</wp:comment>|is', $text, $comments)) {
        foreach ($comments[1] as $c) {
            out(['comment', (string) (int) tag_text($text, 'wp:post_id'),
                 (string) (int) tag_text($c, 'wp:comment_id'),
                 (string) (int) tag_text($c, 'wp:comment_parent'),
                 b(tag_text($c, 'wp:comment_approved')), b(tag_text($c, 'wp:comment_type')),
                 b(tag_text($c, 'wp:comment_author')), b(tag_text($c, 'wp:comment_author_email')),
                 b(tag_text($c, 'wp:comment_author_url')), b(tag_text($c, 'wp:comment_date_gmt')),
                 b(tag_text($c, 'wp:comment_content'))]);
        }
    }
}

function read_regex(string $file)
{
    $fp = fopen($file, 'r');
    if (!$fp) {
        exit(1);
    }
    $in_item = false;
    $item = '';
    while (($line = fgets($fp, 8192)) !== false) {
        $line = rtrim($line);
        if (strpos($line, '<wp:author>') !== false) {
            if (preg_match('|<wp:author>(.*?)</wp:author>|s', $line, $m)) {
                out(['author', b(tag_text($m[1], 'wp:author_login')),
                     b(tag_text($m[1], 'wp:author_display_name'))]);
            }
            continue;
        }
        if (preg_match('|<item>(.*?)</item>|s', $line, $m)) {
            regex_item($m[1]);
            continue;
        }
        if (($pos = strpos($line, '<item>')) !== false) {
            $in_item = true;
            $item = trim(substr($line, $pos + 6));
            continue;
        }
        if (($pos = strpos($line, '</item>')) !== false) {
            $in_item = false;
            regex_item($item . trim(substr($line, 0, $pos)));
            continue;
        }
        if ($in_item && $line !== '') {
            $item .= $line . "\n";
        }
    }
    fclose($fp);
}

if ($argc != 3 || !in_array($argv[1], ['simplexml', 'regex'], true)) {
    fwrite(STDERR, "usage: php wxr-read.php simplexml|regex FILE\n");
    exit(2);
}
if ($argv[1] === 'simplexml') {
    read_simplexml($argv[2]);
} else {
    read_regex($argv[2]);
}
