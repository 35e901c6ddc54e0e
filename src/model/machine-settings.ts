/**
 * Two values of machines' own notations (blind benign set 19, session 36, bb36, read):
 *
 * - **A grbl setting** (`$130=800`, `$110=5000.000`, `$22=1`): a CNC controller's console line that writes setting
 *   number N, sent as a line of a web sender's console (fabrication/6: 0.93). `$`, one to three digits, `=`, a number;
 *   nothing else, so no name, command, quote or operator rides in it.
 * - **A vector with parameter references** (`0 ${y} 0`, `${wheel_r} 0 ${-0.5}` refused): a robot description's
 *   `xyz`/`rpy` or a scene file's position, two to six components separated by spaces, each a number or a
 *   `${name}` reference to a property (xacro, URDF templates; robotics/2: 0.88, `${y}` alone 0.996). At least one
 *   component is a number. A reference is one identifier — no dot, call, operator, colon or lookup (`${7*7}`,
 *   `${jndi:…}`, `${T(…)}` fail the shape) — and not a name that reaches a template engine's state or a secret
 *   (as the screen's merge tags refuse them).
 */
import { isTemplateSinkName } from './data-mapping.js';

const GRBL_SETTING = /^\$\d{1,3}=-?\d{1,7}(?:\.\d{1,6})?$/;

export function isGrblSetting(text: string): boolean {
  return GRBL_SETTING.test(text);
}

const VECTOR = /^(?:-?\d{1,9}(?:\.\d{1,9})?(?:[eE]-?\d{1,3})?|\$\{[A-Za-z_][A-Za-z0-9_]{0,39}\})(?: {1,3}(?:-?\d{1,9}(?:\.\d{1,9})?(?:[eE]-?\d{1,3})?|\$\{[A-Za-z_][A-Za-z0-9_]{0,39}\})){1,5}$/;
const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
const ENGINE_STATE = /^(?:environ|app|mro|subclasses|init|url_for|dict|craft|session|cookies|IFS|class|request|application|header|param|cookie|env|sys|jndi)$|secret|key|passw|token|credential|private/i;

export function isParameterVector(text: string): boolean {
  if (text.length > 200 || !VECTOR.test(text) || !/(?:^| )-?\d/.test(text)) return false;
  let references = 0;
  for (const m of text.matchAll(REFERENCE)) {
    if (isTemplateSinkName(m[1]) || ENGINE_STATE.test(m[1])) return false;
    references++;
  }
  return references > 0;
}
