import { describe, expect, it } from 'vitest';
import { generateCampaign, sessionOf } from '../../datasets/campaign.js';
import { recordProblem, type RequestRecord } from '../../src/eval/record.js';

const records = generateCampaign({ seed: 3, scale: 0.2 });
const sessions = new Map<string, RequestRecord[]>();
for (const r of records) {
  const list = sessions.get(sessionOf(r.id)) ?? [];
  list.push(r);
  sessions.set(sessionOf(r.id), list);
}
const ua = (r: RequestRecord): string => r.headers['User-Agent'] ?? r.headers['user-agent'] ?? '';

describe('generateCampaign', () => {
  it('is deterministic for a seed, and every record is a valid eval record with a client address', () => {
    expect(JSON.stringify(generateCampaign({ seed: 3, scale: 0.2 }))).toBe(JSON.stringify(records));
    expect(JSON.stringify(generateCampaign({ seed: 4, scale: 0.2 }))).not.toBe(JSON.stringify(records));
    for (const r of records) {
      expect(recordProblem(r)).toBeNull();
      expect(r.clientIp).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    }
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
  });

  it('opens every campaign with ten probes, then payloads, most of them obfuscated', () => {
    const campaigns = [...sessions].filter(([name]) => name.includes('scanner'));
    expect(campaigns.length).toBeGreaterThanOrEqual(2);
    for (const [, list] of campaigns) {
      expect(list.slice(0, 10).every((r) => r.category === 'probe' && r.label === 'attack')).toBe(true);
      const payloads = list.slice(10);
      expect(payloads.every((r) => r.label === 'attack' && r.category !== 'probe')).toBe(true);
      expect(payloads.filter((r) => r.category === 'obfuscated-payload').length).toBeGreaterThan(payloads.length / 3);
    }
  });

  it('keeps one client per benign session: one address, one user agent, one session cookie or token', () => {
    for (const [name, list] of sessions) {
      if (name.includes('scanner')) continue;
      expect(list.every((r) => r.label === 'benign')).toBe(true);
      expect(new Set(list.map((r) => r.clientIp)).size).toBe(1);
      expect(new Set(list.map(ua)).size).toBe(1);
      expect(new Set(list.map((r) => r.headers.Cookie ?? r.headers.Authorization)).size).toBe(1);
    }
  });

  it('puts several benign sessions and one campaign behind each shared address, every second campaign rotating its user agent', () => {
    const nats = new Map<string, Set<string>>();
    for (const r of records.filter((x) => x.source === 'campaign/shared-address')) {
      const set = nats.get(r.clientIp!) ?? new Set<string>();
      set.add(sessionOf(r.id));
      nats.set(r.clientIp!, set);
    }
    expect(nats.size).toBeGreaterThanOrEqual(1);
    for (const names of nats.values()) {
      expect([...names].filter((n) => n.endsWith('-scanner'))).toHaveLength(1);
      expect([...names].filter((n) => n.includes('-user-')).length).toBeGreaterThanOrEqual(2);
    }
    expect(new Set(sessions.get('nat-1-scanner')!.map(ua)).size).toBe(1);
    expect(records.filter((r) => r.category === 'shared-session').length).toBeGreaterThan(0);
  });

  it('emits records in time order, sessions interleaved', () => {
    const firstIndex = new Map<string, number>();
    records.forEach((r, i) => firstIndex.set(sessionOf(r.id), Math.min(firstIndex.get(sessionOf(r.id)) ?? i, i)));
    const firstSession = sessionOf(records[0].id);
    const rest = records.findIndex((r) => sessionOf(r.id) !== firstSession);
    expect(rest).toBeGreaterThan(0);
    expect(records.slice(rest).some((r) => sessionOf(r.id) === firstSession)).toBe(true);
  });
});
