/** The most expensive request bodies the default limits admit (bench/worst-case-mix.ts, bench/inspection-stages.ts). */
import { gzipSync } from 'node:zlib';

export interface Heavy {
  name: string;
  contentType: string;
  encoding?: string;
  body: Buffer;
}

const MiB = 1_048_576;
const fit = (s: string): Buffer => Buffer.from(s.slice(0, MiB));

export function heavyRequests(): Heavy[] {
  const form = fit(Array.from({ length: 90_000 }, (_, i) => `f${i}=hello+${i}`).join('&'));
  const array = JSON.stringify(Array.from({ length: 30_000 }, (_, i) => ({ id: i, name: `item ${i}`, tags: ['a', 'b'], note: `${(i * 2654435761) % 1e9}` })));
  const json = `${array.slice(0, array.lastIndexOf('},{', MiB - 2) + 1)}]`;
  const b = 'XyZb';
  const parts = `${Array.from({ length: 12_000 }, (_, i) => `--${b}\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\nhello ${i}\r\n`).join('').slice(0, MiB - 20)}\r\n--${b}--\r\n`;
  const prose = fit(Array.from({ length: 20_000 }, (_, i) => `Line ${i}: "quoted" text (with parens) & <b>tags</b>; more words here.`).join('\n'));
  const items = Array.from({ length: 40_000 }, (_, i) => `<item id="${i}"><name>item ${i}</name><note>${(i * 2654435761) % 1e9}</note></item>`).join('');
  const xml = `<items>${items.slice(0, items.lastIndexOf('<item ', MiB - 20))}</items>`;
  const inflated = gzipSync(JSON.stringify(Array.from({ length: 200_000 }, (_, i) => ({ id: i, name: `item ${i}` }))));
  return [
    { name: 'form 1 MiB, 90k fields', contentType: 'application/x-www-form-urlencoded', body: form },
    { name: 'JSON 1 MiB, 30k objects', contentType: 'application/json', body: Buffer.from(json) },
    { name: 'multipart 1 MiB, 12k parts', contentType: `multipart/form-data; boundary=${b}`, body: Buffer.from(parts) },
    { name: 'prose 1 MiB', contentType: 'text/plain', body: prose },
    { name: 'XML 1 MiB, ~15,500 items', contentType: 'application/xml', body: Buffer.from(xml) },
    { name: `gzip ${Math.round(inflated.length / 1024)} KiB → 6 MB JSON`, contentType: 'application/json', encoding: 'gzip', body: inflated },
  ];
}
