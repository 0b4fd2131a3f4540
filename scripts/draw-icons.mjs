// Draws the app icon for every platform and size electron-builder packages: resources/icon.png
// (512²), resources/icons/NxN.png (Linux, 16–1024), resources/icon.ico (Windows, 16–256) and
// resources/icon.icns (macOS, 16–1024 with @2x), all PNG-encoded; and the tray icons
// resources/tray-{online,offline,unread}.png (32²): a ship's wheel, with a status dot on the tray
// icons. Each size is drawn from the shape, not scaled down. Run: node scripts/draw-icons.mjs
import { Buffer } from 'node:buffer';
import { mkdirSync, writeFileSync } from 'node:fs';
import { URL } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

function png(size, paint) {
  const rows = Buffer.alloc(size * (size * 4 + 1));
  const ss = 4; // 4×4 samples per pixel for smooth edges
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let i = 0; i < ss * ss; i++) {
        const c = paint((x + ((i % ss) + 0.5) / ss) / size, (y + (Math.floor(i / ss) + 0.5) / ss) / size);
        if (c) for (let k = 0; k < 3; k++) acc[k] += c[k] * c[3];
        if (c) acc[3] += c[3];
      }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      for (let k = 0; k < 3; k++) rows[o + k] = acc[3] ? Math.round(acc[k] / acc[3]) : 0;
      rows[o + 3] = Math.round((acc[3] / (ss * ss)) * 255);
    }
  }
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc32(body));
    return Buffer.concat([head, body, tail]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

// Ship's wheel centred at (cx, cy) with outer (knob) radius s, in unit coordinates.
function wheel(x, y, cx, cy, s) {
  const dx = (x - cx) / s, dy = (y - cy) / s, r = Math.hypot(dx, dy);
  if (r < 0.24 || (r > 0.56 && r < 0.74)) return true; // hub, rim
  for (let k = 0; k < 8; k++) {
    const a = (k * Math.PI) / 4, along = dx * Math.cos(a) + dy * Math.sin(a);
    const across = Math.abs(-dx * Math.sin(a) + dy * Math.cos(a));
    if (along > 0 && along < 0.86 && across < 0.085) return true; // spoke
    if (Math.hypot(dx - 0.9 * Math.cos(a), dy - 0.9 * Math.sin(a)) < 0.12) return true; // handle
  }
  return false;
}

const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
const tray = (dot) => (x, y) => {
  const d = Math.hypot(x - 0.78, y - 0.78);
  if (d < 0.19) return [...hex(dot), 1];
  if (d < 0.25) return null; // clear ring so the dot reads on any panel colour
  return wheel(x, y, 0.46, 0.46, 0.44) ? [...hex('#5b7fa3'), 1] : null;
};
const icon = (x, y) => {
  const m = 0.06, rad = 0.2, qx = Math.max(Math.abs(x - 0.5) - (0.5 - m - rad), 0), qy = Math.max(Math.abs(y - 0.5) - (0.5 - m - rad), 0);
  if (Math.hypot(qx, qy) > rad) return null;
  return wheel(x, y, 0.5, 0.5, 0.34) ? [...hex('#f4f7fb'), 1] : [...hex('#1d4e89'), 1];
};

// ICO: a directory of PNG images (Vista and later); a width/height byte of 0 means 256.
function ico(sizes) {
  const images = sizes.map((size) => png(size, icon));
  const header = Buffer.alloc(6 + 16 * sizes.length);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(sizes.length, 4);
  let offset = header.length;
  sizes.forEach((size, i) => {
    const entry = 6 + 16 * i;
    header[entry] = header[entry + 1] = size >= 256 ? 0 : size;
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(images[i].length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += images[i].length;
  });
  return Buffer.concat([header, ...images]);
}

// ICNS: 'icns', total length, then (type, length, PNG) per element; the @2x types hold double size.
function icns(elements) {
  const chunks = elements.map(([type, size]) => {
    const data = png(size, icon);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + chunks.reduce((n, c) => n + c.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

const dir = new URL('../resources/', import.meta.url);
writeFileSync(new URL('icon.png', dir), png(512, icon));
mkdirSync(new URL('icons/', dir), { recursive: true });
for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) writeFileSync(new URL(`icons/${size}x${size}.png`, dir), png(size, icon));
writeFileSync(new URL('icon.ico', dir), ico([16, 24, 32, 48, 64, 128, 256]));
const icnsElements = [['icp4', 16], ['icp5', 32], ['ic11', 32], ['ic12', 64], ['ic07', 128], ['ic13', 256], ['ic08', 256], ['ic14', 512], ['ic09', 512], ['ic10', 1024]];
writeFileSync(new URL('icon.icns', dir), icns(icnsElements));
for (const [name, dot] of [['online', '#2ecc71'], ['offline', '#9e9e9e'], ['unread', '#e53935']]) {
  writeFileSync(new URL(`tray-${name}.png`, dir), png(32, tray(dot)));
}
