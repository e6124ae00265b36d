// Draws the tab bar icons (81×81 RGBA PNGs, as WeChat recommends) into src/assets/tabbar/.
// No image libraries: shapes are signed-distance functions, supersampled 4×4 for anti-aliasing,
// and the PNG is encoded by hand with node:zlib. Run: node scripts/make-tab-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 81;
const SS = 4; // supersamples per axis
const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'assets', 'tabbar');

// Keep in sync with tabBar.color / selectedColor in src/app.config.ts.
const COLORS = { normal: [0x4b, 0x55, 0x63], active: [0x1d, 0x4e, 0xd8] };

// --- signed distance helpers (negative inside) ---
const circle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r;
const ring = (x, y, cx, cy, r, w) => Math.abs(circle(x, y, cx, cy, r)) - w / 2;
function roundRect(x, y, x0, y0, x1, y1, r) {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const hx = (x1 - x0) / 2 - r;
  const hy = (y1 - y0) / 2 - r;
  const dx = Math.abs(x - cx) - hx;
  const dy = Math.abs(y - cy) - hy;
  return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0) - r;
}
function segment(x, y, ax, ay, bx, by, w) {
  const px = x - ax;
  const py = y - ay;
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, (px * vx + py * vy) / (vx * vx + vy * vy)));
  return Math.hypot(px - vx * t, py - vy * t) - w / 2;
}
const union = (...d) => Math.min(...d);
const subtract = (a, b) => Math.max(a, -b);

// --- the three icons ---
const SHAPES = {
  // A calendar page: outline, filled header band, two binder rings and a "today" dot.
  today: (x, y) =>
    union(
      subtract(roundRect(x, y, 12, 16, 69, 72, 8), roundRect(x, y, 18, 32, 63, 66, 3)),
      segment(x, y, 28, 9, 28, 22, 6),
      segment(x, y, 53, 9, 53, 22, 6),
      roundRect(x, y, 44, 47, 56, 59, 2),
    ),
  // A magnifying glass.
  find: (x, y) => union(ring(x, y, 35, 35, 20, 7), segment(x, y, 50, 50, 68, 68, 9)),
  // A person: head and shoulders.
  me: (x, y) =>
    union(
      circle(x, y, 40.5, 27, 14),
      subtract(circle(x, y, 40.5, 78, 30), roundRect(x, y, 0, 71, 81, 81, 0)),
    ),
};

function render(shape, [r, g, b]) {
  const rgba = Buffer.alloc(SIZE * SIZE * 4);
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      let hits = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          if (shape(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS) <= 0) hits++;
        }
      }
      const i = (py * SIZE + px) * 4;
      rgba[i] = r;
      rgba[i + 1] = g;
      rgba[i + 2] = b;
      rgba[i + 3] = Math.round((255 * hits) / (SS * SS));
    }
  }
  return rgba;
}

// --- minimal PNG encoder ---
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function encodePng(rgba, width, height) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT, { recursive: true });
for (const [name, shape] of Object.entries(SHAPES)) {
  for (const [state, colour] of Object.entries(COLORS)) {
    const file = join(OUT, `${name}${state === 'active' ? '-active' : ''}.png`);
    const png = encodePng(render(shape, colour), SIZE, SIZE);
    writeFileSync(file, png);
    console.log(`${file} ${png.length} B`);
  }
}
