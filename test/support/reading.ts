/** How a reader meets a message: the drugs it names without a dose, the words shown before anything is opened. */

/**
 * The drugs a short form may name: each named in a bottom line or an "Act now" comes with its dose (a drug
 * listed here: keep it in step with the content).
 */
const drugs = [
  'dexamethasone',
  'levetiracetam',
  'lacosamide',
  'midazolam',
  'lorazepam',
  'diazepam',
  'fosphenytoin',
  'phenytoin',
  'valproate',
  'mannitol',
  'hypertonic saline',
  'saline',
  'propofol',
  'memantine',
  'trastuzumab deruxtecan',
  'trastuzumab emtansine',
  'tucatinib',
  'capecitabine',
  'neratinib',
  'lapatinib',
  'trastuzumab',
  'pertuzumab',
  'trimethoprim-sulfamethoxazole',
];
const dose = /\d[\d.,–-]*\s*(mg|g|mcg|micrograms|units|mmol|mL)\b/i;
/** "No dexamethasone." names a drug to withhold: no dose is due. */
const withheld = /\b(no|not|avoid|stop|without)\s+(\S+\s+){0,2}$/i;

/** Drugs named without a dose in one line of the bottom line. */
export function undosed(line: string): string[] {
  const found: { drug: string; at: number }[] = [];
  const lower = line.toLowerCase();
  for (const drug of drugs) {
    for (let at = lower.indexOf(drug); at >= 0; at = lower.indexOf(drug, at + 1))
      // A longer name already found here ("trastuzumab deruxtecan") covers the shorter one.
      if (!found.some((f) => at >= f.at && at < f.at + f.drug.length)) found.push({ drug, at });
  }
  found.sort((a, b) => a.at - b.at);
  return found
    .filter((f, i) => {
      if (withheld.test(line.slice(0, f.at))) return false;
      const upTo = found[i + 1]?.at ?? line.length;
      return !dose.test(line.slice(f.at, upTo));
    })
    .map((f) => f.drug);
}

export const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** The words a reader sees on a card before opening anything: hidden containers are skipped. */
export function visibleWords(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((n: number, x) => n + visibleWords(x), 0);
  if (!node || typeof node !== 'object') return 0;
  const o = node as Record<string, unknown>;
  if (o.isVisible === false) return 0;
  let n = 0;
  if (o.type === 'TextBlock' && typeof o.text === 'string') n += words(o.text);
  if (typeof o.type === 'string' && o.type.startsWith('Action.') && typeof o.title === 'string')
    n += words(o.title);
  for (const [k, v] of Object.entries(o))
    if (k !== 'fallbackText' && k !== 'fallback' && typeof v === 'object') n += visibleWords(v);
  return n;
}
