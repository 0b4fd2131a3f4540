// Tags as the doc describes them: a map of strings on users, conversations and messages, where
// posting an empty value (or null) unsets a key. Stored as a JSON object per row.
import { BpError } from '../errors';

export type Tags = Record<string, string>;

/** The tags a new record gets: empty values are "not set". */
export function initialTags(input: Record<string, string | null> | undefined): Tags {
  return mergeTags({}, input);
}

/** `current` with `patch` applied: null or '' removes a key, anything else sets it. */
export function mergeTags(current: Tags, patch: Record<string, string | null> | undefined): Tags {
  const next: Tags = { ...current };
  for (const [key, value] of Object.entries(patch ?? {})) {
    if (value === null || value === '') delete next[key];
    else next[key] = value;
  }
  return next;
}

/**
 * What getOrCreate looks an existing record up by: the tags named in `discriminateByTags`, or
 * else every tag given. Null when there is nothing to match on (then it always creates).
 */
export function lookupTags(tags: Tags, discriminateByTags: string[] | undefined): Tags | null {
  const keys = discriminateByTags ?? Object.keys(tags);
  const lookup: Tags = {};
  for (const key of keys) {
    const value = tags[key];
    if (value === undefined) throw new BpError('InvalidPayload', `body.discriminateByTags: tag ${key} is not among the tags given`);
    lookup[key] = value;
  }
  return Object.keys(lookup).length > 0 ? lookup : null;
}

export const parseTags = (json: string): Tags => JSON.parse(json) as Tags;
