#!/usr/bin/env node
// Builds src/catalog/data/catalog-2022.json from the official PDF of the
// 政府采购品目分类目录（2022年，财库〔2022〕31号）.
//
// Usage (from the repo root):
//   node scripts/catalog/build-catalog.mjs [source.pdf] [--raw catalogs-full.json] [--out file.json]
//
// Defaults:
//   source.pdf  ../shared/reference/procurement-catalog-2022/source.pdf   (relative to the repo root)
//   --raw       catalogs-full.json next to the PDF (optional cross-check; skipped if absent, --no-raw to disable)
//   --out       src/catalog/data/catalog-2022.json
//
// How it works: the PDF (WPS export) draws every table cell as a rectangular
// clip path. We read those rectangles from the page operator list, put every
// text item into the cell that contains its centre, find the three columns
// (编码 / 品目名称 / 说明) from each page's header row, and pair each code cell
// with the name cell of the same row. Names that wrap inside a cell are joined
// line by line; a name cell continued at the top of the next page is appended
// to the last row of the previous page. Description cells are ignored.
//
// Every check below throws, so any inconsistency exits non-zero.

import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

const SOURCE = '政府采购品目分类目录（2022年，财库〔2022〕31号）';
const ROOTS = [
  { code: 'A', name: '货物', type: 'goods' },
  { code: 'B', name: '工程', type: 'works' },
  { code: 'C', name: '服务', type: 'services' },
];
const TYPE_BY_ROOT = Object.fromEntries(ROOTS.map((r) => [r.code, r.type]));
// Counts of the PDF's table codes as published (verified 2022 edition).
const EXPECTED_COUNTS = { goods: 3481, works: 200, services: 620 };
const CODE_RE = /^[ABC]\d{8}$/;
const HEADER = ['编码', '品目名称', '说明'];

const scriptDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(scriptDir, '..', '..');

function parseArgs(argv) {
  const opts = {
    pdf: path.resolve(repoRoot, '../shared/reference/procurement-catalog-2022/source.pdf'),
    raw: undefined,
    out: path.resolve(repoRoot, 'src/catalog/data/catalog-2022.json'),
  };
  let pdfSet = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--raw') opts.raw = path.resolve(argv[++i]);
    else if (a === '--no-raw') opts.raw = null;
    else if (a === '--out') opts.out = path.resolve(argv[++i]);
    else if (a === '-h' || a === '--help') {
      console.log('node scripts/catalog/build-catalog.mjs [source.pdf] [--raw catalogs-full.json | --no-raw] [--out file.json]');
      process.exit(0);
    } else if (a.startsWith('-')) fail(`unknown option ${a}`);
    else if (!pdfSet) {
      opts.pdf = path.resolve(a);
      pdfSet = true;
    } else fail(`unexpected argument ${a}`);
  }
  if (opts.raw === undefined) {
    const guess = path.join(path.dirname(opts.pdf), 'catalogs-full.json');
    opts.raw = fs.existsSync(guess) ? guess : null;
  }
  return opts;
}

function fail(msg) {
  const err = new Error(msg);
  err.isCheck = true;
  throw err;
}

const sameRange = (a, b) => Math.abs(a.y0 - b.y0) < 0.5 && Math.abs(a.y1 - b.y1) < 0.5;
const sameCol = (a, b) => Math.abs(a.x0 - b.x0) < 1 && Math.abs(a.x1 - b.x1) < 1;
const cellText = (cell) =>
  cell.items
    .map((i) => i.str)
    .join('')
    .replace(/\s+/g, '');

/** Rectangular clip paths (= table cells) of a page, in top-down coordinates. */
async function pageCells(page) {
  const ol = await page.getOperatorList();
  const [, , pageW, pageH] = page.view;
  let flipped = false;
  const cells = [];
  for (let i = 0; i < ol.fnArray.length; i++) {
    const fn = ol.fnArray[i];
    const args = ol.argsArray[i];
    if (fn === OPS.transform) {
      const t = args;
      if (t[0] === 1 && t[1] === 0 && t[2] === 0 && t[3] === -1 && t[4] === 0 && Math.abs(t[5] - pageH) < 0.5) flipped = true;
      else fail(`page ${page.pageNumber}: unexpected transform ${JSON.stringify(Array.from(t))}`);
    }
    if (fn !== OPS.constructPath || args[0] !== OPS.endPath) continue;
    // pdfjs-dist 5.x: [followingOp, [Float32Array pathData], minMax]; pathData for one
    // rectangle is moveTo x y lineTo x y lineTo x y lineTo x y closePath.
    const d = args[1] && args[1][0];
    if (!d || d.length !== 13 || d[0] !== 0 || d[3] !== 1 || d[6] !== 1 || d[9] !== 1 || d[12] !== 4) continue;
    const xs = [d[1], d[4], d[7], d[10]];
    const ys = [d[2], d[5], d[8], d[11]];
    const cell = { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys), items: [] };
    if (cell.x1 - cell.x0 > pageW * 0.9) continue; // whole-page clip
    cells.push(cell);
  }
  if (cells.length && !flipped) fail(`page ${page.pageNumber}: clip paths without the expected y-flip transform`);
  return cells;
}

async function readPdf(pdfPath) {
  const data = new Uint8Array(fs.readFileSync(pdfPath));
  const doc = await getDocument({ data, verbosity: 0, isEvalSupported: false, useSystemFonts: false }).promise;
  const rows = []; // { page, code, nameLines: [{x, text}], indent }
  const codeItems = []; // every bare code text item on table pages (independent of cells)
  const tocLines = [];
  let tablePages = 0;
  let lastRow = null;

  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const pageH = page.view[3];
    const tc = await page.getTextContent();
    const items = tc.items
      .filter((it) => typeof it.str === 'string' && it.str.trim() !== '')
      .map((it) => {
        const size = Math.hypot(it.transform[2], it.transform[3]);
        return { str: it.str, x: it.transform[4], y: pageH - it.transform[5], w: it.width, size };
      });

    const cells = await pageCells(page);
    for (const it of items) {
      const cx = it.x + it.w / 2;
      const cy = it.y - it.size * 0.35;
      const hit = cells.filter((c) => cx >= c.x0 && cx <= c.x1 && cy >= c.y0 && cy <= c.y1);
      if (hit.length === 1) hit[0].items.push(it);
      else if (hit.length > 1) fail(`page ${p}: text ${JSON.stringify(it.str)} lies in ${hit.length} cells`);
      else it.loose = true;
    }

    const header = HEADER.map((h) => cells.find((c) => cellText(c) === h));
    if (header.some((h) => !h)) {
      // Not a table page (preface / table of contents).
      if (cells.some((c) => CODE_RE.test(cellText(c)))) fail(`page ${p}: code cells on a page without a table header`);
      for (const it of items) tocLines.push(it.str);
      continue;
    }
    tablePages++;
    const headerY = header[0].y0;
    for (const it of items) {
      if (CODE_RE.test(it.str.trim())) codeItems.push({ code: it.str.trim(), page: p });
      if (it.loose && !/^\d+$/.test(it.str.trim())) fail(`page ${p}: text outside the table: ${JSON.stringify(it.str)}`);
    }
    const column = (c) => header.findIndex((h) => sameCol(h, c));
    const body = cells.filter((c) => !header.includes(c));
    for (const c of body) {
      if (column(c) < 0 && cellText(c) && !/^\d+$/.test(cellText(c))) {
        fail(`page ${p}: text in a cell outside the three columns: ${JSON.stringify(cellText(c))}`);
      }
      if (column(c) >= 0 && c.y0 < headerY) fail(`page ${p}: table cell above the header row`);
    }
    const codeCells = body.filter((c) => column(c) === 0).sort((a, b) => a.y0 - b.y0);
    const nameCells = body.filter((c) => column(c) === 1).sort((a, b) => a.y0 - b.y0);

    // A name cell with no code cell in its row continues the last name of the previous page.
    for (const n of nameCells) {
      if (codeCells.some((c) => sameRange(c, n)) || !cellText(n)) continue;
      const firstCode = codeCells[0];
      if (!lastRow || (firstCode && firstCode.y0 < n.y0)) {
        fail(`page ${p}: name cell without code: ${JSON.stringify(cellText(n))}`);
      }
      lastRow.nameLines.push(...cellLines(n));
      lastRow.continued = p;
    }

    for (const c of codeCells) {
      const code = cellText(c);
      if (!code) continue;
      const nameCell = nameCells.filter((n) => sameRange(n, c));
      if (nameCell.length !== 1) fail(`page ${p}: code ${code} has ${nameCell.length} name cells`);
      const lines = cellLines(nameCell[0]);
      if (!lines.length) fail(`page ${p}: code ${code} has an empty name cell`);
      lastRow = { page: p, code, nameLines: lines, indent: lines[0].x, cellX: nameCell[0].x0 };
      rows.push(lastRow);
    }
  }
  await doc.destroy();
  return { rows, codeItems, tocLines, tablePages };
}

/** Lines of a cell, top to bottom, items left to right. */
function cellLines(cell) {
  const items = [...cell.items].sort((a, b) => (Math.abs(a.y - b.y) > 2 ? a.y - b.y : a.x - b.x));
  const lines = [];
  for (const it of items) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - it.y) <= 2) last.parts.push(it);
    else lines.push({ y: it.y, x: it.x, parts: [it] });
  }
  return lines.map((l) => ({ x: l.x, text: l.parts.map((i) => i.str).join('') }));
}

/**
 * The PDF's table text has no space glyphs at all (checked: every space that
 * pdf.js reports is synthesised from glyph positioning, e.g. WPS's CJK/Latin
 * spacing in "A3 黑白打印机" or a justified gap in "生产装 置"), so all
 * whitespace is dropped and wrapped lines are concatenated as they are.
 */
function cleanName(lines) {
  return lines
    .map((l) => l.text)
    .join('')
    .replace(/\s+/gu, '');
}

function levelOf(code) {
  const groups = [code.slice(1, 3), code.slice(3, 5), code.slice(5, 7), code.slice(7, 9)];
  const last = groups.map((g) => g !== '00').lastIndexOf(true);
  if (last < 0) return null;
  for (let i = 0; i < last; i++) if (groups[i] === '00') return null; // gap like A02000100
  return last + 1;
}

function parentOf(code, level) {
  if (level === 1) return code[0];
  const cut = 1 + (level - 1) * 2;
  return code.slice(0, cut) + '0'.repeat(9 - cut);
}

function build(pdfData) {
  const { rows, codeItems, tocLines, tablePages } = pdfData;
  if (tablePages < 100) fail(`only ${tablePages} table pages recognised — PDF layout or pdfjs-dist version changed?`);

  // Roots: rows "A 货物", "B 工程", "C 服务".
  const rootRows = rows.filter((r) => /^[ABC]$/.test(r.code));
  for (const root of ROOTS) {
    const found = rootRows.filter((r) => r.code === root.code);
    if (found.length !== 1) fail(`root ${root.code} appears ${found.length} times in the table`);
    const name = cleanName(found[0].nameLines);
    if (name !== root.name) fail(`root ${root.code} is named ${name} in the PDF, expected ${root.name}`);
  }
  const other = rows.filter((r) => !/^[ABC]$/.test(r.code));
  const malformed = other.filter((r) => !CODE_RE.test(r.code));
  if (malformed.length) fail(`malformed codes: ${malformed.map((r) => `${r.code} (p.${r.page})`).join(', ')}`);

  const seen = new Map();
  const entries = [];
  for (const r of other) {
    if (seen.has(r.code)) fail(`duplicate code ${r.code} (pages ${seen.get(r.code)} and ${r.page})`);
    seen.set(r.code, r.page);
    const level = levelOf(r.code);
    if (!level) fail(`malformed code padding: ${r.code} (p.${r.page})`);
    const name = cleanName(r.nameLines);
    entries.push({ code: r.code, name, level, parent: parentOf(r.code, level), type: TYPE_BY_ROOT[r.code[0]], _row: r });
  }
  entries.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

  // Table order must already be code order (catches mis-read codes).
  for (let i = 1; i < other.length; i++) {
    if (other[i - 1].code >= other[i].code) fail(`table order broken: ${other[i - 1].code} before ${other[i].code}`);
  }

  // Independent code list: every bare code text item on the table pages.
  const listed = new Map();
  for (const c of codeItems) {
    if (listed.has(c.code)) fail(`code ${c.code} printed twice in the table (pages ${listed.get(c.code)} and ${c.page})`);
    listed.set(c.code, c.page);
  }
  const missing = [...listed.keys()].filter((c) => !seen.has(c));
  const extra = [...seen.keys()].filter((c) => !listed.has(c));
  if (missing.length || extra.length)
    fail(`row extraction vs code list: missing ${missing.join(',') || '-'}; extra ${extra.join(',') || '-'}`);

  const counts = { goods: 0, works: 0, services: 0 };
  const listCounts = { goods: 0, works: 0, services: 0 };
  for (const e of entries) counts[e.type]++;
  for (const c of listed.keys()) listCounts[TYPE_BY_ROOT[c[0]]]++;
  for (const t of Object.keys(counts)) {
    if (counts[t] !== listCounts[t]) fail(`${t}: ${counts[t]} entries but ${listCounts[t]} codes in the PDF table`);
    if (counts[t] !== EXPECTED_COUNTS[t]) fail(`${t}: ${counts[t]} entries, expected ${EXPECTED_COUNTS[t]} for the 2022 catalogue`);
  }

  // Parents, names.
  const byCode = new Map(entries.map((e) => [e.code, e]));
  for (const e of entries) {
    if (e.level === 1) {
      if (!TYPE_BY_ROOT[e.parent]) fail(`${e.code}: root ${e.parent} unknown`);
    } else if (!byCode.has(e.parent)) fail(`${e.code}: parent ${e.parent} missing`);
    if (!e.name) fail(`${e.code}: empty name`);
    if (e.name.includes('——')) fail(`${e.code}: name contains ——: ${e.name}`);
    if (/\s/u.test(e.name)) fail(`${e.code}: whitespace in name`);
    if (/[ABC]\d{8}/.test(e.name)) fail(`${e.code}: code inside name: ${e.name}`);
    if (/品目名称|^编码|^说明/.test(e.name)) fail(`${e.code}: header text in name: ${e.name}`);
    if (/^包括|[。；]/.test(e.name)) fail(`${e.code}: name looks like description text: ${e.name}`);
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    if (/[\u0000-\u001f\u007f\ufffd]/u.test(e.name)) fail(`${e.code}: control or replacement character in name`);
  }

  // Levels come from the code padding (checked above: no gaps, parent exists, table
  // order = code order). The PDF also indents the first name line one step per
  // level; that indentation is not fully consistent in the PDF (e.g. the
  // C24xx0000 rows are indented like level 3), so differences are reported, not fatal.
  const indentNotes = [];
  for (const root of ROOTS) {
    const sec = entries.filter((e) => e.code[0] === root.code);
    const offsets = new Map(); // level -> Map(offset -> count)
    for (const e of sec) {
      const off = Math.round((e._row.indent - e._row.cellX) * 2) / 2;
      if (!offsets.has(e.level)) offsets.set(e.level, new Map());
      offsets.get(e.level).set(off, (offsets.get(e.level).get(off) || 0) + 1);
    }
    const modes = [...offsets.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([lvl, m]) => [lvl, [...m.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0]]);
    for (let i = 1; i < modes.length; i++) {
      if (!(modes[i][1] > modes[i - 1][1])) fail(`section ${root.code}: typical indent does not increase with level`);
    }
    for (const e of sec) {
      const off = e._row.indent - e._row.cellX;
      let best = modes[0];
      for (const m of modes) if (Math.abs(off - m[1]) < Math.abs(off - best[1])) best = m;
      if (best[0] !== e.level) indentNotes.push(`${e.code} (level ${e.level}, indented like ${best[0]})`);
    }
  }

  // Table of contents: level-1 codes and names.
  const toc = new Map();
  for (const line of tocLines) {
    const m = /^([ABC]\d{8})\s*(.+?)\s*\.{3,}\s*\d+\s*$/.exec(line.trim());
    if (m) toc.set(m[1], m[2].replace(/\s+/gu, ''));
  }
  const level1 = entries.filter((e) => e.level === 1);
  if (toc.size !== level1.length) fail(`table of contents lists ${toc.size} level-1 codes, table has ${level1.length}`);
  for (const e of level1) {
    if (toc.get(e.code) !== e.name) fail(`${e.code}: table name ${e.name} differs from table of contents ${toc.get(e.code)}`);
  }

  return { entries, counts, indentNotes };
}

function crossCheck(entries, rawPath) {
  const raw = JSON.parse(fs.readFileSync(rawPath, 'utf8'));
  const rawEntries = (raw.entries || []).filter((e) => CODE_RE.test(e.catalog_code));
  const rawByCode = new Map(rawEntries.map((e) => [e.catalog_code, e]));
  const pdfCodes = new Set(entries.map((e) => e.code));
  const missingFromRaw = entries.filter((e) => !rawByCode.has(e.code)).map((e) => e.code);
  const notInPdf = rawEntries.filter((e) => !pdfCodes.has(e.catalog_code)).map((e) => e.catalog_code);
  let trailing = 0;
  const otherDiffs = [];
  for (const e of entries) {
    const r = rawByCode.get(e.code);
    if (!r || r.catalog_name === e.name) continue;
    if (r.catalog_name.startsWith(e.name)) trailing++;
    else otherDiffs.push([e.code, r.catalog_name, e.name]);
  }
  return { rawCount: rawEntries.length, missingFromRaw, notInPdf, trailing, otherDiffs };
}

function serialise(entries) {
  const line = (o) => JSON.stringify(o);
  const out = [];
  out.push('{');
  out.push(`  "source": ${JSON.stringify(SOURCE)},`);
  out.push('  "roots": [');
  out.push(ROOTS.map((r) => `    ${line(r)}`).join(',\n'));
  out.push('  ],');
  out.push('  "entries": [');
  out.push(entries.map((e) => `    ${line({ code: e.code, name: e.name, level: e.level, parent: e.parent, type: e.type })}`).join(',\n'));
  out.push('  ]');
  out.push('}');
  return out.join('\n') + '\n';
}

async function main() {
  const started = Date.now();
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(opts.pdf)) fail(`PDF not found: ${opts.pdf}`);
  const pdfData = await readPdf(opts.pdf);
  const { entries, counts, indentNotes } = build(pdfData);
  const continued = entries.filter((e) => e._row.continued).map((e) => `${e.code} ${e.name} (p.${e._row.page}→${e._row.continued})`);
  const wrapped = entries.filter((e) => e._row.nameLines.length > 1).length;

  const text = serialise(entries);
  // Round-trip check of what we write.
  const back = JSON.parse(text);
  if (back.entries.length !== entries.length) fail('serialisation lost entries');

  fs.mkdirSync(path.dirname(opts.out), { recursive: true });
  fs.writeFileSync(opts.out, text);

  const total = entries.length;
  console.log(`PDF: ${path.relative(process.cwd(), opts.pdf) || opts.pdf} (${pdfData.tablePages} table pages)`);
  console.log(`entries: ${total} = goods ${counts.goods} + works ${counts.works} + services ${counts.services}`);
  console.log(`names wrapped over several lines: ${wrapped}; continued across a page break: ${continued.join('; ') || 'none'}`);
  console.log(
    `indentation differs from the code level (PDF layout quirk, level kept from the code): ${indentNotes.length}${indentNotes.length ? ' — ' + indentNotes.join(', ') : ''}`,
  );
  if (opts.raw) {
    const x = crossCheck(entries, opts.raw);
    console.log(`raw cross-check (${path.basename(opts.raw)}, ${x.rawCount} codes):`);
    console.log(`  missing from raw: ${x.missingFromRaw.length}${x.missingFromRaw.length ? ' — ' + x.missingFromRaw.join(' ') : ''}`);
    console.log(`  in raw but not in the PDF table: ${x.notInPdf.length}${x.notInPdf.length ? ' — ' + x.notInPdf.join(' ') : ''}`);
    console.log(`  raw names with trailing description text: ${x.trailing}`);
    console.log(`  other raw names that differ: ${x.otherDiffs.length}`);
    for (const [code, rawName, name] of x.otherDiffs) console.log(`    ${code}: raw ${JSON.stringify(rawName)} → ${JSON.stringify(name)}`);
  }
  console.log(`wrote ${path.relative(process.cwd(), opts.out) || opts.out} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((err) => {
  console.error(`build-catalog: ${err.isCheck ? 'CHECK FAILED: ' : ''}${err.message}`);
  if (!err.isCheck) console.error(err.stack);
  process.exit(1);
});
