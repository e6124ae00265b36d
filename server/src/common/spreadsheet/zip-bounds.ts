import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { inflateRaw as inflateRawCallback } from 'node:zlib';
import { type Entry, fromBuffer, type Options, type ZipFile } from 'yauzl';

/**
 * What an uploaded .xlsx (a zip) may unpack to. exceljs inflates every entry into memory before it
 * reads a cell, so a 400 KB file of one deflated sheet could take 400 MB and more than 1 GB to parse.
 * Real workbooks at the import limits (2 MB and 5 MB files) unpack to a few tens of MB at most, at
 * ratios far below 100.
 */
export const XLSX_BOUNDS = {
  maxEntries: 1_000,
  maxTotalBytes: 64 * 1024 * 1024,
  /** Uncompressed ÷ compressed, for entries above `ratioFrom` bytes (tiny entries compress oddly). */
  maxRatio: 100,
  ratioFrom: 1024 * 1024,
} as const;

const open = promisify<Buffer, Options, ZipFile>(fromBuffer);
const inflateRaw = promisify(inflateRawCallback);
const MB = 1024 * 1024;

/**
 * Null when the workbook stays within XLSX_BOUNDS, else the reason in Chinese. First the sizes the zip's
 * central directory declares (nothing is inflated), then every entry is inflated and thrown away,
 * stopping as soon as one yields more than it declared (declared sizes can lie; exceljs does not check
 * them until it holds the whole entry). `invalid` is the answer for a file that is no readable zip.
 */
export async function xlsxSizeProblem(file: Buffer, invalid: string): Promise<string | null> {
  try {
    const entries = await listEntries(file);
    const problem = declaredProblem(entries);
    if (problem) return problem;
    await inflateAll(file);
    return null;
  } catch (error) {
    if ((error as { code?: string } | null)?.code === 'ERR_BUFFER_TOO_LARGE') {
      return '表格中的内容解压后比声明的大小更大，文件可能已损坏或被篡改，未导入任何内容。';
    }
    return invalid;
  }
}

function declaredProblem(entries: Entry[]): string | null {
  if (entries.length > XLSX_BOUNDS.maxEntries) {
    return `表格文件内部包含的部件过多（超过 ${XLSX_BOUNDS.maxEntries} 个），不像正常的 Excel 文件，未导入任何内容。`;
  }
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > XLSX_BOUNDS.ratioFrom && ratio > XLSX_BOUNDS.maxRatio) {
      return `表格中的内容压缩比例异常（约 ${Math.round(ratio)} 倍），不像正常的 Excel 文件，未导入任何内容。`;
    }
  }
  if (total > XLSX_BOUNDS.maxTotalBytes) {
    return `表格解压后过大（约 ${Math.round(total / MB)}MB，最多 ${XLSX_BOUNDS.maxTotalBytes / MB}MB），请删除多余的行、图片或工作表后重新上传。`;
  }
  return null;
}

async function listEntries(file: Buffer): Promise<Entry[]> {
  const zip = await open(file, { lazyEntries: true });
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      if (entries.length > XLSX_BOUNDS.maxEntries) {
        zip.close();
        resolve(entries);
      } else zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

/**
 * Inflates each entry in turn, with zlib's output capped at the size the entry declares (a lying entry
 * fails at that point, not after it has unpacked), and throws the output away.
 */
async function inflateAll(file: Buffer): Promise<void> {
  const zip = await open(file, { lazyEntries: true });
  const rawStream = (entry: Entry) =>
    new Promise<Readable>((resolve, reject) =>
      zip.openReadStream(
        entry,
        { decompress: false, decrypt: null, start: null, end: null },
        (error, stream) => (error ? reject(error) : resolve(stream)),
      ),
    );
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: Entry) => {
      if (!entry.isCompressed()) return zip.readEntry(); // stored: its size is its compressed size
      rawStream(entry)
        .then(async (stream) => {
          const chunks: Buffer[] = [];
          for await (const chunk of stream) chunks.push(chunk as Buffer);
          await inflateRaw(Buffer.concat(chunks), { maxOutputLength: Math.max(1, entry.uncompressedSize) });
        })
        .then(() => zip.readEntry(), reject);
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
}
