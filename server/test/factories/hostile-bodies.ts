import { createDeflateRaw, deflateRawSync, deflateSync } from 'node:zlib';

/**
 * Hostile request bodies built in memory: a PNG that declares more pixels than it carries, an .xlsx
 * whose sheet inflates far beyond its size, a multipart form. Used by the db specs (bounds) and by
 * bench/abuse.bench.mjs (through bench/swc-register.cjs).
 */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 of `bytes`, continuing from `crc` (the CRC of what came before) when given. */
export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/**
 * A black 1-bit greyscale PNG of width × height. With `pixels: false` the image data is left out: the
 * header alone declares the size (enough for a check that must happen before decoding).
 */
export function hugePng(width: number, height: number, options: { pixels?: boolean } = {}): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 1; // bit depth; colour type 0 (greyscale)
  const rows = options.pixels === false ? 1 : height;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc((1 + Math.ceil(width / 8)) * rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

interface ZipEntry {
  name: string;
  text: string | Buffer;
  /** The uncompressed size written into the headers (default: the true one). */
  declaredSize?: number;
}

/** An entry already deflated: its compressed bytes, the CRC and size of what they inflate to. */
interface DeflatedEntry {
  name: string;
  data: Buffer;
  crc: number;
  size: number;
}

function deflated({ name, text, declaredSize }: ZipEntry): DeflatedEntry {
  const raw = Buffer.isBuffer(text) ? text : Buffer.from(text);
  return { name, data: deflateRawSync(raw, { level: 9 }), crc: crc32(raw), size: declaredSize ?? raw.length };
}

/** A zip of deflated entries: local headers, central directory, end record. */
export function zip(entries: (ZipEntry | DeflatedEntry)[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const { data, crc, size } = 'data' in entry ? entry : deflated(entry);
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
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

const NS = 'http://schemas.openxmlformats.org/';
const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}spreadsheetml/2006/main"><sheetData>`;
const SHEET_TAIL = '</sheetData></worksheet>';

/** A one-sheet workbook around `sheet` (the part xl/worksheets/sheet1.xml). */
function workbook(sheet: ZipEntry | DeflatedEntry): Buffer {
  return zip([
    {
      name: '[Content_Types].xml',
      text: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${NS}package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      text: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${NS}package/2006/relationships"><Relationship Id="rId1" Type="${NS}officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      text: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}spreadsheetml/2006/main" xmlns:r="${NS}officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      text: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${NS}package/2006/relationships"><Relationship Id="rId1" Type="${NS}officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    sheet,
  ]);
}

/** A one-sheet .xlsx whose sheet is `sheetBytes` of spaces (declared as `declaredSize` if given). */
export function xlsxWithSheetOf(sheetBytes: number, declaredSize?: number): Buffer {
  const text = Buffer.concat([
    Buffer.from(SHEET_HEAD),
    Buffer.alloc(sheetBytes, 0x20),
    Buffer.from(SHEET_TAIL),
  ]);
  return workbook({ name: 'xl/worksheets/sheet1.xml', text, declaredSize });
}

/**
 * An .xlsx whose one sheet is `megabytes` MB of spaces (~1 KB per MB once deflated), deflated as a
 * stream so that hundreds of MB never sit in memory at once.
 */
export async function xlsxBomb(megabytes: number): Promise<Buffer> {
  const head = Buffer.from(SHEET_HEAD);
  const tail = Buffer.from(SHEET_TAIL);
  const spaces = Buffer.alloc(1024 * 1024, 0x20);
  const deflate = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (part: Buffer) => parts.push(part));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  let crc = crc32(head);
  deflate.write(head);
  for (let i = 0; i < megabytes; i += 1) {
    crc = crc32(spaces, crc);
    if (!deflate.write(spaces)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  crc = crc32(tail, crc);
  deflate.end(tail);
  await done;
  const size = head.length + megabytes * spaces.length + tail.length;
  return workbook({ name: 'xl/worksheets/sheet1.xml', data: Buffer.concat(parts), crc, size });
}

export interface FormPart {
  name: string;
  filename?: string;
  type?: string;
  data: Buffer;
}

/** A multipart/form-data body as chunks, with its Content-Type. */
export function multipart(parts: FormPart[]): { contentType: string; chunks: Buffer[] } {
  const boundary = `----abuse${Date.now()}`;
  const chunks: Buffer[] = [];
  for (const { name, filename, type, data } of parts) {
    const disposition = `form-data; name="${name}"${filename ? `; filename="${filename}"` : ''}`;
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type ? `Content-Type: ${type}\r\n` : ''}\r\n`,
      ),
      data,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, chunks };
}
