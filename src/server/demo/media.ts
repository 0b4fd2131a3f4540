// Everything the demo payloads point to, by file name: served at /media/demo/<name> by
// routes/media.ts. Names are looked up in this fixed table, never joined onto a path, so a
// request cannot reach any other file. Pictures, PDFs and voice notes are made in code; the one
// video, a 3-second 256x144 VP8 clip of a parcel crossing the frame (7.7 KB), lives in
// resources/demo and was made once with Debian's ffmpeg 5.1:
//   F=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
//   ffmpeg -f lavfi -i color=c=0x1e3a5f:s=256x144:r=15:d=3 -f lavfi -i color=c=0xc8935a:s=60x44:r=15:d=3
//     -filter_complex "[1]drawbox=x=0:y=0:w=60:h=8:color=0xa87440@1:t=fill,drawbox=x=26:y=0:w=8:h=44:color=0xe8d3a9@1:t=fill[box];
//       [0]drawbox=x=0:y=104:w=256:h=40:color=0x2e5a87@1:t=fill,drawbox=x=0:y=102:w=256:h=3:color=0x9fb8d1@1:t=fill,
//       drawtext=fontfile=$F:text='Ihr Paket ist unterwegs':fontcolor=white:fontsize=15:x=(w-tw)/2:y=18,
//       drawtext=fontfile=$F:text='Your parcel is on its way':fontcolor=0x9fb8d1:fontsize=11:x=(w-tw)/2:y=38[bg];
//       [bg][box]overlay=x='-60+t*105':y=58:shortest=1"
//     -c:v libvpx -b:v 60k -auto-alt-ref 0 -pix_fmt yuv420p -an -f webm parcel.webm
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoImages } from './media-images';
import { demoAudio, demoDocuments } from './media-documents';

const resourceFiles = { 'parcel.webm': 'parcel.webm' } as const;

export type DemoMediaName =
  | keyof typeof demoImages
  | keyof typeof demoDocuments
  | keyof typeof demoAudio
  | keyof typeof resourceFiles;

/** The path a payload stores; the conversation store makes it absolute when it answers. */
export const mediaPath = (name: DemoMediaName): string => `/media/demo/${name}`;

export interface DemoMedia {
  contentType: string;
  body: Buffer;
  etag: string;
}

const contentTypes: Record<string, string> = {
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
  wav: 'audio/wav',
  webm: 'video/webm',
};

// The server runs from src/ (tsx, vitest) and from a bundle in out/ (electron-vite), so the
// resources folder is found by walking up from this module rather than at a fixed depth.
function resourceDir(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'resources', 'demo');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

function bytesOf(name: string): Buffer | string | undefined {
  if (Object.hasOwn(demoImages, name)) return demoImages[name as keyof typeof demoImages];
  if (Object.hasOwn(demoDocuments, name)) return demoDocuments[name as keyof typeof demoDocuments];
  if (Object.hasOwn(demoAudio, name)) return demoAudio[name as keyof typeof demoAudio];
  if (Object.hasOwn(resourceFiles, name)) {
    const dir = resourceDir();
    const file = dir && join(dir, resourceFiles[name as keyof typeof resourceFiles]);
    return file && existsSync(file) ? readFileSync(file) : undefined;
  }
  return undefined;
}

const cache = new Map<string, DemoMedia>();

/** The file for a name in the table, or undefined for any other name. */
export function demoMedia(name: string): DemoMedia | undefined {
  const cached = cache.get(name);
  if (cached) return cached;
  const raw = bytesOf(name);
  if (raw === undefined) return undefined;
  const body = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  const media = {
    contentType: contentTypes[name.slice(name.lastIndexOf('.') + 1)] ?? 'application/octet-stream',
    body,
    etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`,
  };
  cache.set(name, media);
  return media;
}
