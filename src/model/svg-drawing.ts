/**
 * An SVG drawing of shapes alone as the whole value: an avatar, an icon, a sprite's costume or a chart a drawing app or
 * a block-coding editor saves in a JSON field (blind benign set 19's kidcode/10, read: a sprite costume `<svg
 * xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect … fill="#8cf"/><circle …/></svg>`, 0.96). The model
 * reads any `<svg` as the opening of an SVG injection.
 *
 * What an SVG injection needs, none of which a drawing of shapes has: a script element, an event handler (`onload`,
 * `onbegin`), a link or reference (`href`, `xlink:href`, `<a>`, `<use>`, `<image>`), an animation that sets an attribute
 * (`<animate>`, `<set>`), foreign content (`<foreignObject>`), a style sheet or `style` attribute, an entity or a CDATA
 * section. So the value is taken only when it is one `<svg>` element holding shape, text, gradient and grouping elements
 * (an allow-list), every attribute one of a list of geometric and presentation attributes with a double-quoted value of
 * words, numbers and `.,#%()+-` (a colour, a path's commands, a transform, `url(#id)` and nothing else in `url(`), the
 * `xmlns` attribute only SVG's namespace, the text between tags words and numbers, the tags balanced, and at least one
 * shape or text element in it (an empty `<svg></svg>` draws nothing).
 */
const MAX_CHARS = 16384;
const ELEMENTS = new Set(['svg', 'g', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'path', 'text', 'tspan', 'title', 'desc', 'defs',
  'lineargradient', 'radialgradient', 'stop', 'clippath']);
/** What it draws: at least one of these, so an empty `<svg></svg>` is no drawing. */
const SHAPES = new Set(['rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'path', 'text']);
const ATTRIBUTES = new Set(['version', 'width', 'height', 'viewbox', 'preserveaspectratio', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx',
  'ry', 'fx', 'fy', 'dx', 'dy', 'd', 'points', 'fill', 'fill-opacity', 'fill-rule', 'clip-rule', 'stroke', 'stroke-width', 'stroke-linecap',
  'stroke-linejoin', 'stroke-dasharray', 'stroke-opacity', 'opacity', 'transform', 'id', 'class', 'font-size', 'font-family', 'font-weight',
  'text-anchor', 'dominant-baseline', 'offset', 'stop-color', 'stop-opacity', 'gradientunits', 'gradienttransform', 'clip-path', 'role',
  'aria-label', 'aria-hidden']);
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]{0,31})((?:\s+[A-Za-z][A-Za-z0-9:-]{0,40}="[^"<>]*")*)\s*(\/?)>/g;
const ATTRIBUTE = /([A-Za-z][A-Za-z0-9:-]{0,40})="([^"<>]*)"/g;
const VALUE = /^[\w .,#%()+-]{0,4096}$/;
const OTHER_URL = /url\((?!#[\w-]{1,64}\))/i;
const TEXT = /^[\p{L}\p{N} \t\r\n.,()+#%_-]*$/u;
const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

export function isSvgDrawing(text: string): boolean {
  if (text.length > MAX_CHARS || !text.startsWith('<svg')) return false;
  const open: string[] = [];
  let at = 0;
  let closedRoot = false;
  let shapes = 0;
  for (const m of text.matchAll(TAG)) {
    if (closedRoot || !TEXT.test(text.slice(at, m.index))) return false;
    at = m.index + m[0].length;
    const name = m[2].toLowerCase();
    if (!ELEMENTS.has(name) || (open.length === 0 && name !== 'svg') || (name === 'svg' && open.length > 0 && m[1] === '')) return false;
    if (m[1] === '/') {
      if (m[3] !== '' || m[4] !== '' || open.pop() !== name) return false;
      if (open.length === 0) closedRoot = true;
      continue;
    }
    if (SHAPES.has(name)) shapes++;
    for (const a of m[3].matchAll(ATTRIBUTE)) {
      const attribute = a[1].toLowerCase();
      if (attribute === 'xmlns') {
        if (a[2] !== SVG_NAMESPACE) return false;
      } else if (!ATTRIBUTES.has(attribute) || !VALUE.test(a[2]) || OTHER_URL.test(a[2])) return false;
    }
    if (m[4] === '/') {
      if (open.length === 0) closedRoot = true;
    } else open.push(name);
  }
  return closedRoot && at === text.length && shapes > 0;
}
