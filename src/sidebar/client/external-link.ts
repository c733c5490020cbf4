/**
 * The one kind of link the sidebar shows: to a page of Google's that the server built (the
 * quarterly review's Google Calendar template). dom.ts refuses URL attributes outright; this is
 * the single, narrow exception: only an https URL under an allowed prefix, of printable ASCII (so
 * everything in it was URL-encoded), opened in a new tab with no access back to the sidebar.
 */
import { h } from './dom';

const ALLOWED_PREFIXES: readonly string[] = ['https://calendar.google.com/calendar/render?'];

function isAllowedExternalUrl(url: string): boolean {
  return /^[\x21-\x7e]+$/.test(url) && ALLOWED_PREFIXES.some((prefix) => url.startsWith(prefix));
}

/** A link that opens `url` in a new tab; throws for any URL not on the list. */
export function externalLink(url: string, text: string, attrs: Record<string, string> = {}): HTMLAnchorElement {
  if (!isAllowedExternalUrl(url)) throw new Error('This link goes somewhere the sidebar does not open.');
  const link = h('a', { ...attrs, target: '_blank', rel: 'noopener noreferrer' }, text, h('span', { class: 'sr-only' }, ' (opens in a new tab)'));
  link.href = url;
  return link;
}
