/**
 * A minimal SVG writer for horizontal grouped bar charts: one or more panels side by side sharing
 * the group labels and a legend. Self-contained SVG (no scripts, no external fonts) so it renders on
 * GitHub and in any browser.
 */

export interface ChartSeries {
  name: string;
  color: string;
}

export interface BarGroup {
  label: string;
  /** One value per series, in series order; null draws nothing (target not run). */
  values: (number | null)[];
  /** Optional text after a bar's value, e.g. the status most answers had when it was not 2xx. */
  notes?: (string | null)[];
}

export interface BarPanel {
  title: string;
  /** Formats a value for the label at the end of its bar. */
  format: (value: number) => string;
  groups: BarGroup[];
}

export interface BarChart {
  title: string;
  subtitle?: string;
  series: ChartSeries[];
  panels: BarPanel[];
  footnote?: string;
}

const FONT = 'font-family="system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif"';
const BAR = 13;
const BAR_GAP = 2;
const GROUP_GAP = 14;
const LABEL_W = 96;
const PANEL_W = 400;
const PANEL_GAP = 40;
const VALUE_ROOM = 96;

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

/**
 * Axis for values up to `max`: the axis ends at the largest value (bars use the full width) and ticks
 * fall on 1, 2 or 5 times a power of ten, about `ticks` of them.
 */
export function niceScale(max: number, ticks = 4): { max: number; step: number } {
  if (!(max > 0) || !Number.isFinite(max)) return { max: 1, step: 0.25 };
  const rough = max / ticks;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  return { max, step };
}

/** Greedy word wrap to lines of at most `width` characters (a long word stays whole). */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

const round = (n: number): string => (Math.round(n * 10) / 10).toString();

function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${round(x)}" y="${round(y)}" ${attrs}>${escapeXml(content)}</text>`;
}

export function renderBarChart(chart: BarChart): string {
  const groups = chart.panels[0]?.groups.length ?? 0;
  const groupH = chart.series.length * (BAR + BAR_GAP) - BAR_GAP;
  const top = chart.subtitle ? 96 : 80;
  const plotH = groups * groupH + Math.max(0, groups - 1) * GROUP_GAP;
  const width = LABEL_W + chart.panels.length * (PANEL_W + VALUE_ROOM) + (chart.panels.length - 1) * PANEL_GAP + 24;
  // About 6 px per character at 11 px: enough to keep the footnote inside the picture.
  const footLines = chart.footnote ? wrapText(chart.footnote, Math.floor((width - 32) / 6)) : [];
  const height = top + plotH + 40 + footLines.length * 15;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} font-size="12">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    text(16, 24, chart.title, 'font-size="16" font-weight="600" fill="#111"'),
  ];
  if (chart.subtitle) out.push(text(16, 42, chart.subtitle, 'fill="#555"'));

  // Legend, one swatch per series, in a row under the title.
  let lx = 16;
  const ly = top - 34;
  for (const s of chart.series) {
    out.push(`<rect x="${lx}" y="${ly - 10}" width="12" height="12" rx="2" fill="${s.color}"/>`, text(lx + 17, ly, s.name, 'fill="#333"'));
    lx += 17 + s.name.length * 7 + 18;
  }

  chart.panels.forEach((panel, p) => {
    const x0 = LABEL_W + p * (PANEL_W + VALUE_ROOM + PANEL_GAP);
    const all = panel.groups.flatMap((g) => g.values).filter((v): v is number => v !== null && Number.isFinite(v));
    const scale = niceScale(Math.max(0, ...all));
    const px = (v: number): number => x0 + (v / scale.max) * PANEL_W;
    out.push(text(x0, top - 12, panel.title, 'font-weight="600" fill="#222"'));
    for (let t = 0; t <= scale.max * 1.0001; t += scale.step) {
      const x = px(t);
      out.push(`<line x1="${round(x)}" y1="${top - 4}" x2="${round(x)}" y2="${top + plotH + 4}" stroke="#e5e5e5"/>`);
      out.push(text(x, top + plotH + 18, panel.format(t), 'text-anchor="middle" fill="#777" font-size="10"'));
    }
    panel.groups.forEach((group, g) => {
      const gy = top + g * (groupH + GROUP_GAP);
      if (p === 0) out.push(text(x0 - 8, gy + groupH / 2 + 4, group.label, 'text-anchor="end" fill="#222"'));
      group.values.forEach((value, s) => {
        if (value === null || !Number.isFinite(value)) return;
        const y = gy + s * (BAR + BAR_GAP);
        const w = Math.max(1, px(value) - x0);
        out.push(`<rect x="${x0}" y="${y}" width="${round(w)}" height="${BAR}" fill="${chart.series[s].color}"><title>${escapeXml(`${chart.series[s].name}, ${group.label}: ${panel.format(value)}`)}</title></rect>`);
        const note = group.notes?.[s];
        out.push(text(x0 + w + 4, y + BAR - 3, note ? `${panel.format(value)} ${note}` : panel.format(value), 'fill="#333" font-size="10"'));
      });
    });
    out.push(`<line x1="${x0}" y1="${top - 4}" x2="${x0}" y2="${top + plotH + 4}" stroke="#999"/>`);
  });
  footLines.forEach((line, i) => out.push(text(16, top + plotH + 44 + i * 15, line, 'fill="#666" font-size="11"')));
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
