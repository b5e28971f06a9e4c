// A person's edit of a real xlsx workbook, for the browser tests: the workbook (a zip of XML parts) is opened with
// Node's zlib, a value is typed into a cell of a sheet's XML, and the workbook is zipped again. Only what a typed value
// needs is handled: stored and deflated entries, shared and inline strings, a cell that exists or not.
import { deflateRawSync, inflateRawSync, crc32 } from 'node:zlib';

/** The entries of a zip archive, in order: { name, data } with data uncompressed. */
export function readZip(buffer) {
  let end = buffer.length - 22;
  while (end >= 0 && buffer.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip archive: no end of central directory');
  const count = buffer.readUInt16LE(end + 10);
  let offset = buffer.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (buffer.readUInt32LE(offset) !== 0x02014b50) throw new Error('broken central directory');
    const method = buffer.readUInt16LE(offset + 10);
    const compressedSize = buffer.readUInt32LE(offset + 20);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const local = buffer.readUInt32LE(offset + 42);
    const name = buffer.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
    const dataStart = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const raw = buffer.subarray(dataStart, dataStart + compressedSize);
    if (method !== 0 && method !== 8) throw new Error(`${name}: compression method ${method} is not handled`);
    entries.push({ name, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** A zip archive of the entries, each deflated. */
export function writeZip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const compressed = deflateRawSync(data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, compressed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const unescapeXml = text => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const escapeXml = text => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
// Parts may name their elements with a namespace prefix (<x:row>, as the Open XML SDK writes them) or without.
const textOf = xml => [...xml.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?t>/g)].map(m => unescapeXml(m[1])).join('');
const columnOf = reference => reference.replace(/\d+$/, '');
const columnIndex = letters => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);

/** An xlsx workbook opened for typing into its cells. */
export class Workbook {
  constructor(bytes) {
    this.entries = readZip(Buffer.from(bytes));
    const part = name => this.entries.find(e => e.name === name)?.data.toString('utf8');
    const shared = part('xl/sharedStrings.xml');
    this.sharedStrings = shared ? [...shared.matchAll(/<(?:\w+:)?si>([\s\S]*?)<\/(?:\w+:)?si>/g)].map(m => textOf(m[1])) : [];
    const rels = new Map([...part('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)]
      .map(m => [/Id="([^"]+)"/.exec(m[0])[1], /Target="([^"]+)"/.exec(m[0])[1]]));
    this.sheets = [...part('xl/workbook.xml').matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map(m => {
      const target = rels.get(/r:id="([^"]+)"/.exec(m[0])[1]).replace(/^\/?(xl\/)?/, '');
      return { name: unescapeXml(/name="([^"]+)"/.exec(m[0])[1]), path: `xl/${target}` };
    });
  }

  xmlOf(sheet) {
    return this.entries.find(e => e.name === this.sheets.find(s => s.name === sheet).path).data.toString('utf8');
  }

  /** The texts of a sheet's cells, as rows: [{ row, cells: Map(letter → text) }]. */
  rows(sheet) {
    return [...this.xmlOf(sheet).matchAll(/<(?:\w+:)?row\b[^>]*\br="(\d+)"[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g)].map(m => ({
      row: Number(m[1]),
      cells: new Map([...(m[2] ?? '').matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)].map(c => {
        const reference = /\br="([A-Z]+\d+)"/.exec(c[1])[1];
        const type = /\bt="([^"]+)"/.exec(c[1])?.[1];
        const inner = c[2] ?? '';
        const value = /<(?:\w+:)?v>([^<]*)<\/(?:\w+:)?v>/.exec(inner)?.[1];
        const text = type === 's' ? this.sharedStrings[Number(value)] : type === 'inlineStr' ? textOf(inner) : unescapeXml(value ?? '');
        return [columnOf(reference), text ?? ''];
      })),
    }));
  }

  /** Types a value into a cell as a person would: a number as a number, text as an inline string; the cell keeps its style. */
  type(sheet, reference, value) {
    const entry = this.entries.find(e => e.name === this.sheets.find(s => s.name === sheet).path);
    let xml = entry.data.toString('utf8');
    const p = /<(\w+:)?sheetData\b/.exec(xml)?.[1] ?? '';
    const content = typeof value === 'number' ? `<${p}v>${value}</${p}v>` : `<${p}is><${p}t xml:space="preserve">${escapeXml(value)}</${p}t></${p}is>`;
    const typeAttribute = typeof value === 'number' ? '' : ' t="inlineStr"';
    const cellPattern = new RegExp(`<${p}c\\b([^>]*?)\\br="${reference}"([^>]*?)(?:\\/>|>[\\s\\S]*?<\\/${p}c>)`);
    const existing = cellPattern.exec(xml);
    if (existing) {
      const attributes = `${existing[1]} r="${reference}"${existing[2]}`.replace(/\s+t="[^"]*"/, '').replace(/\s+$/, '');
      xml = xml.replace(cellPattern, `<${p}c${attributes}${typeAttribute}>${content}</${p}c>`);
    } else {
      const row = Number(/\d+$/.exec(reference)[0]);
      const rowPattern = new RegExp(`<${p}row\\b([^>]*?)\\br="${row}"([^>]*?)(\\/>|>([\\s\\S]*?)<\\/${p}row>)`);
      const match = rowPattern.exec(xml);
      if (!match) throw new Error(`${sheet} has no row ${row}`);
      const cell = `<${p}c r="${reference}"${typeAttribute}>${content}</${p}c>`;
      const cells = [...(match[4] ?? '').matchAll(new RegExp(`<${p}c\\b[^>]*?\\br="([A-Z]+)\\d+"[^>]*?(?:\\/>|>[\\s\\S]*?<\\/${p}c>)`, 'g'))];
      const after = cells.find(c => columnIndex(c[1]) > columnIndex(columnOf(reference)));
      const inner = after ? match[4].replace(after[0], cell + after[0]) : (match[4] ?? '') + cell;
      const attributes = `${match[1]} r="${row}"${match[2]}`.replace(/\s+$/, '');
      xml = xml.replace(rowPattern, `<${p}row${attributes}>${inner}</${p}row>`);
    }
    entry.data = Buffer.from(xml, 'utf8');
  }

  /** The workbook as saved after the edits. */
  save() {
    return writeZip(this.entries);
  }
}
