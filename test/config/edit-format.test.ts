import { describe, expect, it } from 'vitest';
import { pathForConfig } from '../../src/config/edit-format.js';

describe('pathForConfig (how rules import and rules tune --write name a file in the config)', () => {
  it('writes a file relative to the config folder, climbing when the two share more than the root', () => {
    expect(pathForConfig('/srv/warden', '/srv/warden/rules/et.rules')).toBe('rules/et.rules');
    expect(pathForConfig('/srv/warden/conf', '/srv/warden/packs/et')).toBe('../packs/et');
  });

  it('writes it absolute when the only way there climbs to the filesystem root', () => {
    expect(pathForConfig('/home/ann/warden', '/work/shared/signatures-corpus/et-open')).toBe('/work/shared/signatures-corpus/et-open');
    expect(pathForConfig('/etc/warden', '/opt/packs/community.rules')).toBe('/opt/packs/community.rules');
  });

  it('keeps the file as given when it is the folder itself', () => {
    expect(pathForConfig('/srv/warden', '/srv/warden')).toBe('/srv/warden');
  });
});
