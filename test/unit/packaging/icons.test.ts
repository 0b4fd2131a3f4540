// The app icon in every size each platform's packaging takes from resources/ (drawn by
// scripts/draw-icons.mjs): read back from the files' own headers, as the OS would.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../support/app-build';

const resources = join(projectRoot, 'resources');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('app icons', () => {
  it('Linux: a square PNG per size, named for its size', () => {
    const files = readdirSync(join(resources, 'icons')).sort((a, b) => parseInt(a) - parseInt(b));
    expect(files).toEqual(['16x16.png', '24x24.png', '32x32.png', '48x48.png', '64x64.png', '128x128.png', '256x256.png', '512x512.png', '1024x1024.png']);
    for (const file of files) {
      const size = parseInt(file);
      expect(pngSize(readFileSync(join(resources, 'icons', file)))).toEqual([size, size]);
    }
  });

  it('Windows: an ICO holding 16 to 256 px', () => {
    const ico = readFileSync(join(resources, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
      const entry = 6 + 16 * i;
      const image = ico.subarray(ico.readUInt32LE(entry + 12), ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8));
      const [width, height] = pngSize(image);
      expect([ico[entry] || 256, ico[entry + 1] || 256]).toEqual([width, height]);
      return width;
    });
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('macOS: an ICNS with every size up to 512@2x', () => {
    const icns = readFileSync(join(resources, 'icon.icns'));
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const elements: Record<string, number> = {};
    for (let offset = 8; offset < icns.length; offset += icns.readUInt32BE(offset + 4)) {
      const [width] = pngSize(icns.subarray(offset + 8, offset + icns.readUInt32BE(offset + 4)));
      elements[icns.toString('latin1', offset, offset + 4)] = width;
    }
    expect(elements).toEqual({ icp4: 16, icp5: 32, ic11: 32, ic12: 64, ic07: 128, ic13: 256, ic08: 256, ic14: 512, ic09: 512, ic10: 1024 });
  });
});
