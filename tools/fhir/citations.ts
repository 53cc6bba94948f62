import type { RelatedArtifact } from '@medplum/fhirtypes';
import type { Pathway, Ref } from '../../src/content/schema';
import { citationText } from '../../src/view/text-parts';

/** A source of a statement or a decision's row, as a RelatedArtifact: the point as label, the grade with the citation. */
export function citationArtifact(content: Pathway, ref: Ref): RelatedArtifact {
  const c = content.citations.find((x) => x.id === ref.citation);
  if (!c) throw new Error(`unknown citation "${ref.citation}"`);
  const url = c.url ?? (c.doi ? `https://doi.org/${c.doi}` : undefined);
  return {
    type: 'citation',
    ...(ref.point ? { label: ref.point } : {}),
    display: c.title,
    citation: `${citationText(c)}${ref.strength ? ` [${ref.strength}]` : ''}`,
    ...(url ? { url } : {}),
  };
}
