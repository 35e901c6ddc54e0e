/**
 * Reads the regular-file members of a tar archive held in memory: ustar (with its name prefix), pax
 * `path` records and GNU long names, which is what `tar czf` writes and what rule vendors publish.
 * Hand-written rather than a dependency because only this subset is needed and nothing is ever written
 * to disk: members are handed back as buffers, so none of the extraction hazards (`../` paths, links,
 * permissions) a tar library guards against can arise. Throws on a header whose checksum is wrong.
 */
const BLOCK = 512;

export interface TarMember {
  name: string;
  data: Buffer;
}

export class TarFormatError extends Error {}

export function readTarMembers(archive: Buffer, wanted: (name: string) => boolean): TarMember[] {
  const members: TarMember[] = [];
  let offset = 0;
  let longName: string | null = null;
  while (offset + BLOCK <= archive.length) {
    const header = archive.subarray(offset, offset + BLOCK);
    if (header.every((b) => b === 0)) break; // end-of-archive marker
    if (!checksumMatches(header)) throw new TarFormatError(`bad tar header checksum at byte ${offset}`);
    const size = readOctal(header, 124, 12, offset);
    const type = String.fromCharCode(header[156] || 0x30);
    const dataStart = offset + BLOCK;
    if (dataStart + size > archive.length) throw new TarFormatError(`tar member at byte ${offset} runs past the end of the archive`);
    const data = archive.subarray(dataStart, dataStart + size);
    offset = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'L') {
      longName = data.toString('utf8').replace(/\0+$/, '');
      continue;
    }
    if (type === 'x') {
      longName = paxPath(data) ?? longName;
      continue;
    }
    const name = longName ?? headerName(header);
    longName = null;
    if ((type === '0' || type === '7') && wanted(name)) members.push({ name, data: Buffer.from(data) });
  }
  return members;
}

function headerName(header: Buffer): string {
  const name = cString(header, 0, 100);
  const ustar = header.toString('latin1', 257, 262) === 'ustar';
  const prefix = ustar ? cString(header, 345, 155) : '';
  return prefix ? `${prefix}/${name}` : name;
}

function cString(buf: Buffer, start: number, length: number): string {
  const end = buf.indexOf(0, start);
  return buf.toString('utf8', start, end < 0 || end > start + length ? start + length : end);
}

function readOctal(header: Buffer, start: number, length: number, at: number): number {
  if (header[start] & 0x80) throw new TarFormatError(`tar member at byte ${at} is larger than 8 GiB`);
  const text = cString(header, start, length).trim();
  if (!/^[0-7]*$/.test(text)) throw new TarFormatError(`bad tar size field at byte ${at}`);
  return text === '' ? 0 : parseInt(text, 8);
}

function checksumMatches(header: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i];
  const stored = cString(header, 148, 8).trim();
  return /^[0-7]+$/.test(stored) && parseInt(stored, 8) === sum;
}

/** The `path` record of a pax extended header: `<len> path=<name>\n` records. */
function paxPath(data: Buffer): string | null {
  let i = 0;
  while (i < data.length) {
    const space = data.indexOf(0x20, i);
    if (space < 0) break;
    const length = Number(data.toString('latin1', i, space));
    if (!Number.isInteger(length) || length <= 0) break;
    const record = data.toString('utf8', space + 1, i + length - 1);
    if (record.startsWith('path=')) return record.slice(5);
    i += length;
  }
  return null;
}
