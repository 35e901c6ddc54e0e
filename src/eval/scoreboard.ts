/** Confusion counts per group (source, category) and the rates operators read: TPR, TNR, balanced accuracy. */
export interface Counts {
  attacks: number;
  blockedAttacks: number;
  benign: number;
  blockedBenign: number;
}

export interface Rates extends Counts {
  tpr: number | null;
  tnr: number | null;
  balancedAccuracy: number | null;
}

export class Scoreboard {
  readonly total: Counts = { attacks: 0, blockedAttacks: 0, benign: 0, blockedBenign: 0 };
  readonly bySource = new Map<string, Counts>();
  readonly byCategory = new Map<string, Counts>();

  add(source: string, category: string, label: 'attack' | 'benign', blocked: boolean): void {
    for (const counts of [this.total, group(this.bySource, source), group(this.byCategory, `${label}/${category}`)]) {
      if (label === 'attack') {
        counts.attacks++;
        if (blocked) counts.blockedAttacks++;
      } else {
        counts.benign++;
        if (blocked) counts.blockedBenign++;
      }
    }
  }
}

function group(map: Map<string, Counts>, key: string): Counts {
  let c = map.get(key);
  if (c === undefined) {
    c = { attacks: 0, blockedAttacks: 0, benign: 0, blockedBenign: 0 };
    map.set(key, c);
  }
  return c;
}

export function rates(c: Counts): Rates {
  const tpr = c.attacks > 0 ? c.blockedAttacks / c.attacks : null;
  const tnr = c.benign > 0 ? (c.benign - c.blockedBenign) / c.benign : null;
  const balancedAccuracy = tpr !== null && tnr !== null ? (tpr + tnr) / 2 : (tpr ?? tnr);
  return { ...c, tpr, tnr, balancedAccuracy };
}

const pct = (v: number | null): string => (v === null ? '   -   ' : `${(v * 100).toFixed(2).padStart(6)}%`);

export function formatTable(title: string, rows: Map<string, Counts>): string {
  const names = [...rows.keys()].sort();
  const width = Math.max(title.length, ...names.map((n) => n.length));
  const lines = [`${title.padEnd(width)}  attacks  blocked     TPR   benign  blocked     TNR`];
  for (const name of names) {
    const r = rates(rows.get(name)!);
    lines.push(
      `${name.padEnd(width)}  ${String(r.attacks).padStart(7)}  ${String(r.blockedAttacks).padStart(7)} ${pct(r.tpr)}  ${String(r.benign).padStart(7)}  ${String(r.blockedBenign).padStart(7)} ${pct(r.tnr)}`,
    );
  }
  return lines.join('\n');
}
