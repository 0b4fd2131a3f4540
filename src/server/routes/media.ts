// Public files the demo payloads link to (GET /media/demo/<name>): no key, because an <img> or
// <video> in the inbox cannot send one, and the content is the same fixed demo material for
// everyone. Only names in the demo table resolve; everything else is a 404.
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { ApiError } from '../http/errors';
import { demoMedia } from '../demo/media';

// A single `bytes=a-b` range, as <video> and <audio> ask for; anything fancier gets the whole file.
function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'invalid' | null {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match) return null;
  const [, from = '', to = ''] = match;
  if (from === '' && to === '') return null;
  let start: number;
  let end: number;
  if (from === '') {
    start = Math.max(0, size - Number(to)); // the last N bytes
    end = size - 1;
  } else {
    start = Number(from);
    end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  }
  return start > end || start >= size ? 'invalid' : { start, end };
}

export function mediaRoutes(app: FastifyInstance, _ctx: ServerContext): void {
  app.get<{ Params: { name: string } }>(
    '/media/demo/:name',
    { config: { permission: null } },
    async (request, reply) => {
      const media = demoMedia(request.params.name);
      if (!media) throw new ApiError('ResourceNotFound', `No demo media named ${request.params.name}`);
      void reply
        .header('content-type', media.contentType)
        .header('cache-control', 'public, max-age=86400')
        .header('etag', media.etag)
        .header('accept-ranges', 'bytes')
        .header('x-content-type-options', 'nosniff')
        // SVGs are documents when opened directly; they get no scripts and no outside loads.
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
      if (request.headers['if-none-match'] === media.etag) return reply.status(304).send();
      const size = media.body.length;
      const range = parseRange(request.headers.range, size);
      if (range === 'invalid') {
        // 416 is what a media element understands here; the body is the error shape all the same.
        const error = new ApiError('InvalidPayload', `The range asked for lies outside the ${size} bytes of ${request.params.name}`);
        return reply
          .status(416)
          .header('content-range', `bytes */${size}`)
          .header('content-type', 'application/json; charset=utf-8')
          .send(JSON.stringify(error.body()));
      }
      if (range) {
        return reply
          .status(206)
          .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
          .send(media.body.subarray(range.start, range.end + 1));
      }
      return reply.send(media.body);
    },
  );
}
