#!/usr/bin/env node
// tests/site/site-test.js: the exported site in a real browser.
//
// Copyright 2026 The Portada authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Exports the demo newsroom and a generated one of 200 articles, serves each export on
// 127.0.0.1 and opens the home, a section page, the seed article and its Spanish
// translation in Debian's chromium (puppeteer-core) at 320, 390, 768 and 1366 px:
// axe-core (WCAG 2.2 A/AA and best practices) finds nothing, the layout budgets hold,
// no console error, no failed request, nothing loaded from outside the export, every
// image loads and has its size, every internal link is a file of the export, every
// sponsor strip shows the logos its placement says, from its own list. Screenshots at
// 390 and 1366 px go to OUT. Output is TAP.
//
//   node site-test.js PORTADA OUT [NODE_MODULES]

'use strict';

const fs = require('fs');
const path = require('path');
const http = require('http');
const os = require('os');
const { execFileSync } = require('child_process');

const [portada, outDir, nodeModules] = process.argv.slice(2);
if (!portada || !outDir) {
  console.error('usage: site-test.js PORTADA OUT [NODE_MODULES]');
  process.exit(2);
}
const modules = path.resolve(nodeModules || path.join(outDir, 'node_modules'));
const CHROMIUM = process.env.PORTADA_CHROMIUM || '/usr/bin/chromium';

function skip(why) {
  console.log(`1..0 # SKIP ${why}`);
  process.exit(0);
}
if (!fs.existsSync(CHROMIUM)) skip(`${CHROMIUM} is missing (apt-get install chromium)`);
if (!fs.existsSync(path.join(modules, 'puppeteer-core')))
  skip(`${modules} has no puppeteer-core (build-aux/dev test installs it with npm ci)`);
const puppeteer = require(path.join(modules, 'puppeteer-core'));
const axeSource = fs.readFileSync(path.join(modules, 'axe-core', 'axe.min.js'), 'utf8');

const WIDTHS = [320, 390, 768, 1366];
const HEIGHT = { 320: 640, 390: 844, 768: 1024, 1366: 768 };
const SHOT_WIDTHS = [390, 1366];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];
const SEED_EN = 'en/business/2023/us-latin-america-seek-to-boost-cybersecurity-2/';
const SEED_ES = 'es/noticias/economia/2023/ee-uu-y-america-latina-buscan-reforzar-la-ciberseguridad/';
const PAGES = [
  { name: 'home', path: 'en/', kind: 'listing' },
  { name: 'section', path: 'en/business/', kind: 'listing' },
  { name: 'article-en', path: SEED_EN, kind: 'article' },
  { name: 'article-es', path: SEED_ES, kind: 'article' },
  { name: 'page-en', path: 'en/about/', kind: 'page' },
  { name: 'page-es', path: 'es/quienes-somos/', kind: 'page' },
];

let n = 0;
let failed = 0;
function ok(cond, what, detail) {
  n++;
  if (cond) console.log(`ok ${n} - ${what}`);
  else {
    failed++;
    console.log(`not ok ${n} - ${what}`);
    for (const line of String(detail || '').split('\n')) console.log(`# ${line}`);
  }
}

// ---------------------------------------------------------------- the exports

function sh(file, args) {
  return execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function makeExport(work, name, articles) {
  const db = path.join(work, `${name}.db`);
  const out = path.join(work, name);
  sh(portada, ['demo', '--db', db, ...(articles ? ['--articles', String(articles)] : [])]);
  sh(portada, ['export', '--db', db, '--out', out, '--quiet']);
  return { name, db, root: out, expected: placementsOf(db), comments: commentsOf(db) };
}

// Approved comments and replies per article page, from the newsroom.
function commentsOf(db) {
  const rows = sh('sqlite3', ['-separator', '\t', db,
    "SELECT a.lang, a.slug, count(*), count(c.parent_id) FROM comment c JOIN article a ON a.id = c.article_id " +
    "WHERE c.status = 'approved' GROUP BY a.id"]).split('\n').filter(Boolean).map((l) => l.split('\t'));
  const out = {};
  for (const [lang, slug, approved, replies] of rows) {
    const page = PAGES.find((p) => p.kind === 'article' && p.path.startsWith(lang + '/') && p.path.endsWith(`/${slug}/`));
    if (page) out[page.path] = { approved: Number(approved), replies: Number(replies) };
  }
  return out;
}

// What each placement must show today: at most max_logos of its list's shown sponsors.
function placementsOf(db) {
  const today = new Date().toISOString().slice(0, 10);
  const q = (sql) =>
    sh('sqlite3', ['-separator', '\t', db, sql])
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split('\t'));
  const placements = {};
  for (const [id, slot, list, max] of q('SELECT id, slot, list_id, max_logos FROM placement'))
    placements[id] = { slot, list, max: Number(max) };
  const members = {};
  for (const [list, website] of q(
    `SELECT m.list_id, s.website FROM logo_list_member m JOIN sponsor s ON s.id = m.sponsor_id ` +
      `WHERE s.active AND (s.contract_start IS NULL OR s.contract_start <= '${today}') ` +
      `AND (s.contract_end IS NULL OR s.contract_end >= '${today}')`
  )) {
    (members[list] = members[list] || new Set()).add(website);
  }
  for (const p of Object.values(placements)) {
    p.websites = members[p.list] || new Set();
    p.count = p.max > 0 ? Math.min(p.max, p.websites.size) : p.websites.size;
  }
  return placements;
}

function serve(root) {
  const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.svg': 'image/svg+xml',
    '.png': 'image/png', '.jpg': 'image/jpeg', '.webp': 'image/webp', '.gif': 'image/gif',
    '.xml': 'application/xml', '.txt': 'text/plain' };
  const server = http.createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(root, path.normalize(rel));
    if (!file.startsWith(root) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${server.address().port}/` }))
  );
}

// ---------------------------------------------------------------- one page

async function measure(page) {
  return page.evaluate(() => {
    const top = (el) => (el ? el.getBoundingClientRect().top + window.scrollY : null);
    // The article's headline and first paragraph; on a listing, its first story's.
    const h1 = document.querySelector('.headline h1') || document.querySelector('main .teaser-title');
    const firstP = document.querySelector('#portada-body p') || document.querySelector('main .excerpt');
    const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1]));
    const strips = [...document.querySelectorAll('aside[data-placement]')].map((a) => ({
      id: a.dataset.placement,
      label: a.getAttribute('aria-label'),
      hrefs: [...a.querySelectorAll('a.sponsor')].map((l) => l.getAttribute('href')),
      logos: a.querySelectorAll('img').length,
    }));
    const images = [...document.images].map((img) => ({
      src: img.getAttribute('src'),
      width: img.getAttribute('width'),
      height: img.getAttribute('height'),
    }));
    const links = [...document.querySelectorAll('a[href], link[href]')].map((a) => a.href);
    return {
      h1Top: top(h1),
      pTop: top(firstP),
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      headings,
      strips,
      images,
      links,
      mains: document.querySelectorAll('main').length,
      headers: document.querySelectorAll('header').length,
      footers: document.querySelectorAll('footer').length,
      lang: document.documentElement.lang,
    };
  });
}

async function allImagesLoad(page) {
  return page.evaluate(async () => {
    const imgs = [...document.images];
    for (const img of imgs) img.loading = 'eager';
    await Promise.all(imgs.map((img) => (img.complete ? null : new Promise((r) => {
      img.addEventListener('load', r, { once: true });
      img.addEventListener('error', r, { once: true });
    }))));
    return imgs.filter((img) => !(img.complete && img.naturalWidth > 0)).map((img) => img.getAttribute('src'));
  });
}

function headingSkips(levels) {
  const bad = [];
  if (levels[0] !== 1) bad.push(`first heading is h${levels[0]}`);
  if (levels.filter((l) => l === 1).length !== 1) bad.push('not exactly one h1');
  for (let i = 1; i < levels.length; i++)
    if (levels[i] > levels[i - 1] + 1) bad.push(`h${levels[i - 1]} then h${levels[i]}`);
  return bad;
}

async function checkPage(browser, ex, base, spec, checkedLinks) {
  const page = await browser.newPage();
  const problems = { console: [], failed: [], outside: [], status: [] };
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    if (req.url().startsWith(base) || req.url().startsWith('data:')) req.continue();
    else {
      problems.outside.push(req.url());
      req.abort();
    }
  });
  page.on('console', (msg) => { if (msg.type() === 'error') problems.console.push(msg.text()); });
  page.on('pageerror', (err) => problems.console.push(String(err)));
  page.on('requestfailed', (req) => {
    if (req.url().startsWith(base)) problems.failed.push(`${req.url()} ${req.failure()?.errorText}`);
  });
  page.on('response', (res) => { if (res.status() >= 400) problems.status.push(`${res.status()} ${res.url()}`); });

  for (const width of WIDTHS) {
    const what = `${ex.name} ${spec.name} at ${width} px`;
    await page.setViewport({ width, height: HEIGHT[width] });
    const response = await page.goto(base + spec.path, { waitUntil: 'load' });
    ok(response && response.status() === 200, `${what}: loads`, response && response.status());
    const m = await measure(page);

    // Accessibility.
    const t0 = Date.now();
    await page.addScriptTag({ content: axeSource });
    const axe = await page.evaluate(async (tags) => {
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 3).map((x) => x.target.join(' ')).join('\n  ')}`);
    }, AXE_TAGS);
    ok(axe.length === 0, `${what}: axe-core finds no violation`, axe.join('\n'));
    if (process.env.PORTADA_SITE_TIMING) console.log(`# axe ${Date.now() - t0} ms`);

    // Layout.
    ok(m.scrollWidth <= m.innerWidth, `${what}: no horizontal scrolling (${m.scrollWidth} <= ${m.innerWidth})`);
    if (width === 390) {
      ok(m.h1Top !== null && m.h1Top <= 600, `${what}: headline top ${Math.round(m.h1Top)} <= 600 px`);
      ok(m.pTop !== null && m.pTop <= 900, `${what}: first paragraph top ${Math.round(m.pTop)} <= 900 px`);
    }
    if (width === 1366)
      ok(m.pTop !== null && m.pTop < 768, `${what}: first paragraph top ${Math.round(m.pTop)} above the fold (768 px)`);
    ok(m.mains === 1 && m.headers === 1 && m.footers === 1,
      `${what}: one <main>, one <header>, one <footer>`, JSON.stringify([m.mains, m.headers, m.footers]));
    const skips = headingSkips(m.headings);
    ok(skips.length === 0, `${what}: heading order without skips`, skips.join('\n') + `\n${m.headings.join(' ')}`);
    ok(m.lang === (spec.path.startsWith('es/') ? 'es' : 'en'), `${what}: lang="${m.lang}"`);

    // Images.
    const unsized = m.images.filter((i) => !(Number(i.width) > 0 && Number(i.height) > 0));
    ok(unsized.length === 0, `${what}: width and height on every <img> (${m.images.length})`, unsized.map((i) => i.src).join('\n'));
    const broken = await allImagesLoad(page);
    ok(broken.length === 0, `${what}: every image loads`, broken.join('\n'));

    // Strips: the count each placement says, from its own list, each with its own label.
    const labels = new Set();
    const bad = [];
    for (const s of m.strips) {
      const p = ex.expected[s.id];
      if (!p) { bad.push(`strip of unknown placement ${s.id}`); continue; }
      if (s.logos !== p.count) bad.push(`placement ${s.id} (${p.slot}): ${s.logos} logos, not ${p.count}`);
      const foreign = s.hrefs.filter((h) => !p.websites.has(h));
      if (foreign.length) bad.push(`placement ${s.id}: logos not on its list: ${foreign.join(' ')}`);
      if (!s.label || labels.has(s.label)) bad.push(`placement ${s.id}: label "${s.label}" missing or repeated`);
      labels.add(s.label);
    }
    const slots = spec.kind === 'article' ? Object.keys(ex.expected) : Object.keys(ex.expected).filter((id) => ['header', 'footer'].includes(ex.expected[id].slot));
    for (const id of slots)
      if (!m.strips.some((s) => s.id === id)) bad.push(`placement ${id} (${ex.expected[id].slot}) has no strip`);
    ok(bad.length === 0, `${what}: every strip shows its placement's logos (${m.strips.map((s) => s.logos).join('+')})`, bad.join('\n'));

    // Comments: the article's approved ones, threaded, the count as heading; none waiting
    // for moderation, no e-mail address.
    if (spec.kind === 'article' && width === WIDTHS[0]) {
      const want = ex.comments[spec.path] || { approved: 0, replies: 0 };
      const c = await page.evaluate(() => ({
        items: document.querySelectorAll('#responses .comment-list li.comment').length,
        nested: document.querySelectorAll('#responses .comment-list .children > li.comment').length,
        heading: (document.querySelector('#responses h2') || {}).textContent || '',
        text: document.body.innerText,
      }));
      ok(c.items === want.approved && c.nested === want.replies
        && (want.approved === 0 || c.heading.startsWith(String(want.approved))),
        `${what}: ${want.approved} approved comments, ${want.replies} nested as replies`,
        `${c.items} comments, ${c.nested} replies, heading "${c.heading}"`);
      ok(!/Waiting for a moderator|@example\.com/.test(c.text), `${what}: no pending comment, no e-mail address`);
    }

    // A page of the newsroom: its title and text, no date, section, related or comments;
    // linked from the footer of its language.
    if (spec.kind === 'page' && width === WIDTHS[0]) {
      const p = await page.evaluate((self) => ({
        news: document.querySelectorAll('.dateline, .section-name, #more-like-this, #comments, #responses, .share').length,
        footer: [...document.querySelectorAll('.footer-pages a')].map((a) => new URL(a.href).pathname),
        self,
      }), spec.path);
      ok(p.news === 0, `${what}: no date, section, related or comment block`);
      ok(p.footer.includes('/' + spec.path), `${what}: linked from the footer`, p.footer.join(' '));
    }

    // Internal links (once per page: the same at every width).
    if (width === WIDTHS[0]) {
      const missing = [];
      for (const link of m.links) {
        if (!link.startsWith(base)) continue;
        let rel = decodeURIComponent(new URL(link).pathname).slice(1);
        if (rel === '' || rel.endsWith('/')) rel += 'index.html';
        if (checkedLinks.has(rel)) continue;
        checkedLinks.add(rel);
        if (!fs.existsSync(path.join(ex.root, rel))) missing.push(rel);
      }
      ok(missing.length === 0, `${what}: every internal link is a file of the export`, missing.join('\n'));
    }

    if (SHOT_WIDTHS.includes(width)) {
      const file = path.join(outDir, `site-${ex.name}-${spec.name}-${width}.png`);
      const t1 = Date.now();
      await page.screenshot({ path: file, fullPage: true });
      if (process.env.PORTADA_SITE_TIMING) console.log(`# screenshot ${Date.now() - t1} ms`);
    }
  }
  ok(problems.console.length === 0, `${ex.name} ${spec.name}: no console error`, problems.console.join('\n'));
  ok(problems.failed.length === 0 && problems.status.length === 0,
    `${ex.name} ${spec.name}: no failed request`, problems.failed.concat(problems.status).join('\n'));
  ok(problems.outside.length === 0, `${ex.name} ${spec.name}: no request leaves the export`, problems.outside.join('\n'));
  await page.close();
}

// The root sends readers to the default language.
async function checkRoot(browser, ex, base) {
  const page = await browser.newPage();
  await page.goto(base, { waitUntil: 'load' });
  await page.waitForFunction((b) => location.href !== b, { timeout: 5000 }, base).catch(() => {});
  ok(page.url() === base + 'en/', `${ex.name} /: goes to en/ (${page.url()})`);
  const html = fs.readFileSync(path.join(ex.root, 'index.html'), 'utf8');
  ok(/rel="canonical" href="[^"]*\/en\/"/.test(html) && /hreflang="x-default"/.test(html),
    `${ex.name} /: canonical to en/, x-default alternate`);
  const sitemap = fs.readFileSync(path.join(ex.root, 'sitemap.xml'), 'utf8');
  ok(/hreflang="x-default"/.test(sitemap), `${ex.name} sitemap.xml: x-default alternates`);
  await page.close();
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portada-site-'));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'portada-chromium-'));
  const exports = [makeExport(work, 'demo', 0), makeExport(work, 'generated', 200)];
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    userDataDir: profile,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage',
      `--user-data-dir=${profile}`],
  });
  try {
    // The two exports side by side: a tab each.
    await Promise.all(exports.map(async (ex) => {
      const { server, base } = await serve(ex.root);
      const checkedLinks = new Set();
      try {
        for (const spec of PAGES) await checkPage(browser, ex, base, spec, checkedLinks);
        await checkRoot(browser, ex, base);
      } finally {
        server.close();
      }
    }));
  } finally {
    await browser.close();
    fs.rmSync(work, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  }
  console.log(`1..${n}`);
  console.log(`# screenshots in ${outDir}`);
  process.exit(failed ? 1 : 0);
}

main().catch((err) => {
  console.log(`not ok ${n + 1} - the suite ran\n# ${String(err.stack || err).split('\n').join('\n# ')}`);
  console.log(`1..${n + 1}`);
  process.exit(1);
});
