/**
 * A graphics value as the whole text: an SVG or CSS transform list (`rotate(72)`, `matrix(1.8213 0 0 1.7505
 * -239.14 -356.63)`, `scale(4.16667 4.16667) rotate(0) translate(4 182.5)`, `translateX(-50%) rotate(45deg)`), a
 * colour function (`rgb(36, 27, 27)`, `hsla(210, 40%, 50%, .5)`), or a paint server reference (`url(#d)`, `url(#grad)
 * none`). Every attribute of an uploaded SVG is a target, and the model read these function calls as code: 4 of the
 * 12 SVG files of this machine uploaded as files were blocked (lead session 37, /work/coord/probes/bins.sh), by
 * `transform` and `fill` alone. The grammar holds only the transform and colour functions' names, numbers with a CSS
 * unit, commas and spaces, and `url(` with a fragment id alone: no word beyond those names, no quote, no other URL.
 */
const NUMBER = String.raw`[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?(?:px|deg|rad|grad|turn|%|em|rem|vh|vw)?`;
const TRANSFORM_NAME = 'matrix(?:3d)?|translate(?:3d|[XYZ])?|scale(?:3d|[XYZ])?|rotate(?:3d|[XYZ])?|skew[XY]?|perspective';
const COLOUR_NAME = 'rgba?|hsla?';
// Separators that cannot share a space between them (one `\s*` beside another would make a run of spaces a search).
const BETWEEN_ARGUMENTS = String.raw`(?:\s*[,/]\s*|\s+)`;
const BETWEEN_CALLS = String.raw`(?:\s*,\s*|\s*)`;
const CALL = (names: string): string => String.raw`(?:${names})\(\s*${NUMBER}(?:${BETWEEN_ARGUMENTS}${NUMBER}){0,15}\s*\)`;
const TRANSFORM_LIST = new RegExp(String.raw`^\s*${CALL(TRANSFORM_NAME)}(?:${BETWEEN_CALLS}${CALL(TRANSFORM_NAME)}){0,15}\s*$`, 'i');
const COLOUR = new RegExp(String.raw`^\s*${CALL(COLOUR_NAME)}\s*$`, 'i');
const PAINT_REFERENCE = /^\s*url\(\s*#[\w.-]{1,64}\s*\)(?:\s+(?:none|currentColor|#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20}))?\s*$/;
const MAX_CHARS = 1024;

export function isGraphicsValue(text: string): boolean {
  if (text.length > MAX_CHARS) return false;
  return TRANSFORM_LIST.test(text) || COLOUR.test(text) || PAINT_REFERENCE.test(text);
}
