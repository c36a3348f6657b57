/**
 * Text for HTML the report pages build by hand: every string that came from a project (file names,
 * step text, messages) goes through `escapeHtml` before it meets markup, in text and in attributes
 * alike, so a `<`, `&` or quote in a file name shows as itself and never becomes markup.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** A figure as people read it: whole numbers as they are, others to one decimal, with thousands separated. */
export function formatNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: Number.isInteger(value) ? 0 : 1 });
}

/** An ISO time as `YYYY-MM-DD HH:MM` UTC: the same page whatever the machine's zone or locale. */
export function formatTime(iso: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso;
  return `${time.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Escaped text with its `backticked` spans as code, as the metric definitions write them. */
export function escapeWithCode(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}
