import { outlineOf } from '../../src/view/outline';
import { distinctRecommendations } from '../../test/view/distinct';
it('prints', () => {
  const out: string[] = [];
  for (const r of distinctRecommendations()) {
    const o = outlineOf('c1', r);
    const lines = [...(o.head.plan ? [o.head.plan] : []), ...o.head.bottomLine, ...(o.head.gpa ? [o.head.gpa] : [])];
    const w = lines.join(' ').split(/\s+/).filter(Boolean).length;
    if (w > 99) out.push(`${w} ${r.outcome.id}\n${lines.join('\n')}\n`);
  }
  require('fs').writeFileSync('/tmp/over.txt', out.join('\n'));
});
