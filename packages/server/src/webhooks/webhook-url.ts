/** Longest webhook URL accepted, in characters. */
export const maxWebhookUrlLength = 2048;

/**
 * What is wrong with a webhook URL, as the end of a sentence about it, or null when it is
 * usable: absolute http(s) with a host, at most `maxWebhookUrlLength` characters, and
 * without credentials (the sender refuses those) or anything URL parsing would forgive,
 * such as spaces and line breaks.
 */
export function webhookUrlProblem(text: string): string | null {
  const clean = /^[\x21-\x7e]+$/.test(text) && /^https?:\/\//i.test(text);
  let url: URL | undefined;
  try {
    url = clean && text.length <= maxWebhookUrlLength ? new URL(text) : undefined;
  } catch {
    url = undefined;
  }
  const usable =
    url !== undefined &&
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.hostname !== '' &&
    url.username === '' &&
    url.password === '';
  return usable ? null : 'must be an absolute http or https URL without spaces or credentials';
}

/** The URL as it will be used: parsed and written back, so what is stored is where it goes. */
export function normalizeWebhookUrl(text: string): string {
  return new URL(text).href;
}
