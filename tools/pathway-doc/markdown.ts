import type { Evidence, Phase } from '../../src/content/schema';

/** Markdown for the review copy (docs/pathway.md): escaping, links and the fixed wording of labels. */

/** Escapes text for Markdown running text: emphasis, code, links, HTML and table pipes are literal. */
export function md(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' ').trim();
  const escaped = flat.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
  // Block syntax only matters at the start of a line; text is always placed after a prefix or alone.
  return escaped.replace(/^(\d+)([.)]\s)/, '$1\\$2').replace(/^(#|[-+=]\s)/, '\\$1');
}

/** Text for a table cell. */
export const cell = (text: string) => md(text) || ' ';

export const code = (id: string) => `\`${id.replace(/`/g, '')}\``;

export function num(n: number): string {
  return Number.isInteger(n * 2) ? n.toFixed(1) : String(n);
}

/** "A", "A or B", "A, B or C" */
export function orList(parts: readonly string[], word = 'or'): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} ${word} ${parts[parts.length - 1]}`;
}

export function doiLink(doi: string): string {
  const url = `https://doi.org/${encodeURI(doi).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
  return `[doi:${md(doi)}](${url})`;
}

export function urlLink(url: string): string {
  return `<${url.replace(/[<>\s]/g, (c) => encodeURIComponent(c))}>`;
}

export const evidenceWords: Record<Evidence, string> = {
  verified: 'verified (read in the primary source)',
  secondary: 'secondary (read in a reliable secondary source that quotes the primary)',
  unverified: '**⚠️ UNVERIFIED**: could not be confirmed in a source; shown to the user as unverified',
};
export const evidenceTag: Record<Evidence, string> = {
  verified: 'verified',
  secondary: 'secondary source',
  unverified: '**⚠️ UNVERIFIED**',
};

export const phaseWords: Record<Phase, string> = {
  triage: 'Triage',
  imaging: 'Imaging',
  lesions: 'Lesions',
  prognosis: 'Prognosis',
  systemic: 'Systemic treatment',
  progression: 'Progression after local treatment',
};
