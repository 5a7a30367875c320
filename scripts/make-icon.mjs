// Draw the extension icon (a lens over a model-name line) as a 128×128 PNG, without any image library.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 128;
const px = Buffer.alloc(size * size * 4);
const set = (x, y, [r, g, b, a]) => {
  const i = (y * size + x) * 4;
  const alpha = a / 255;
  px[i] = Math.round(r * alpha + px[i] * (1 - alpha));
  px[i + 1] = Math.round(g * alpha + px[i + 1] * (1 - alpha));
  px[i + 2] = Math.round(b * alpha + px[i + 2] * (1 - alpha));
  px[i + 3] = Math.max(px[i + 3], a);
};
const bg = [30, 41, 59, 255];
const glass = [56, 189, 248, 255];
const rim = [226, 232, 240, 255];
const text = [250, 204, 21, 255];
for (let y = 0; y < size; y++) {
  for (let x = 0; x < size; x++) {
    // Rounded square background.
    const r = 22;
    const cx = Math.min(Math.max(x, r), size - 1 - r);
    const cy = Math.min(Math.max(y, r), size - 1 - r);
    if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) set(x, y, bg);
    // A "name" bar, two underscores wide gaps: __ __
    if (y >= 84 && y <= 92 && ((x >= 16 && x <= 40) || (x >= 46 && x <= 58) || (x >= 64 && x <= 112))) set(x, y, text);
    // The lens: ring and glass.
    const d = Math.hypot(x - 56, y - 52);
    if (d <= 26) set(x, y, [...glass.slice(0, 3), 90]);
    if (d > 26 && d <= 33) set(x, y, rim);
    // Handle.
    const t = ((x - 80) + (y - 76)) / 2;
    const off = Math.abs((x - 80) - (y - 76)) / Math.SQRT2;
    if (t >= 0 && t <= 22 && off <= 6) set(x, y, rim);
  }
}
const raw = Buffer.alloc((size * 4 + 1) * size);
for (let y = 0; y < size; y++) px.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const c = Buffer.alloc(4);
  c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(size, 0);
ihdr.writeUInt32BE(size, 4);
ihdr[8] = 8;
ihdr[9] = 6;
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(new URL('../images/icon.png', import.meta.url), png);
console.log(`images/icon.png: ${png.length} bytes`);
