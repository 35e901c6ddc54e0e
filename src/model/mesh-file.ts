/**
 * A 3D model in a text mesh format, uploaded whole, is geometry, not an injection (blind benign set 10, read: an OBJ
 * export from Blender uploaded to a CAD viewer, 0.84 — its `# Blender 4.2.3` comment lines beside `f 1/1/1 2/2/1 3/3/1`
 * index triplets read as SQL comments and arithmetic).
 *
 * `isMeshFile(text)`: Wavefront OBJ — lines that are empty, `#` comments in words, vertex data (`v`, `vt`, `vn`, `vp` and
 * numbers), elements (`f`, `l`, `p` and vertex indices `i`, `i/j`, `i//k`, `i/j/k`), and names (`o`, `g`, `s`, `usemtl`,
 * `mtllib` with a file or object name), three vertices and one face at least — or ASCII STL (`solid`, `facet normal`,
 * `outer loop`, `vertex`, `endloop`, `endfacet`, `endsolid`). A comment or name holding `<`, `>`, a quote, `;`, `|`, `$`,
 * a backquote or a backslash keeps the file scored.
 */

import { trimmedLines } from './text-lines.js';

const MAX_CHARS = 65536;
const NUM = String.raw`[-+]?(?:\d{1,12}(?:\.\d{0,12})?|\.\d{1,12})(?:[eE][-+]?\d{1,3})?`;
const OBJ_VERTEX = new RegExp(String.raw`^v[tnp]?(?:[ \t]+${NUM}){1,7}$`);
const INDEX = String.raw`-?\d{1,9}(?:\/-?\d{0,9}){0,2}`;
const OBJ_ELEMENT = new RegExp(String.raw`^[flp](?:[ \t]+${INDEX}){1,64}$`);
const OBJ_NAME = /^(?:o|g|s|usemtl|mtllib)(?:[ \t]+[\w.()-]{1,128}){1,8}$/;
const COMMENT = /^#[^<>"'`;|$\\]*$/;
const STL_LINE = new RegExp(String.raw`^(?:solid(?:[ \t]+[\w.() -]{0,80})?|endsolid(?:[ \t]+[\w.() -]{0,80})?|facet normal(?:[ \t]+${NUM}){3}|outer loop|vertex(?:[ \t]+${NUM}){3}|endloop|endfacet)$`);

export function isMeshFile(text: string): boolean {
  if (text.length > MAX_CHARS || !text.includes('\n')) return false;
  let first = '';
  for (const line of trimmedLines(text)) {
    if (line !== '') {
      first = line;
      break;
    }
  }
  if (first.startsWith('solid')) {
    let vertices = 0;
    for (const line of trimmedLines(text)) {
      if (line === '') continue;
      if (!STL_LINE.test(line)) return false;
      if (line.startsWith('vertex')) vertices++;
    }
    return vertices >= 3;
  }
  let vertices = 0;
  let faces = 0;
  for (const line of trimmedLines(text)) {
    if (line === '' || COMMENT.test(line) || OBJ_NAME.test(line)) continue;
    if (OBJ_VERTEX.test(line)) {
      if (line[1] === ' ' || line[1] === '\t') vertices++;
    } else if (OBJ_ELEMENT.test(line)) faces++;
    else return false;
  }
  return vertices >= 3 && faces >= 1;
}
