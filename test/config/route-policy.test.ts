import { describe, expect, it } from 'vitest';
import { validateWardenConfig } from '../../src/config/load-config.js';
import { RoutePolicyResolver } from '../../src/config/route-policy.js';

const resolver = new RoutePolicyResolver(
  validateWardenConfig({
    mode: 'prevent',
    routes: [
      { match: { pathPrefix: '/healthz' }, mode: 'off' },
      { match: { pathPrefix: '/beta/', methods: ['post'] }, mode: 'detect', minimumConfidence: 'critical' },
      { match: { pathRegex: '^/admin(/|$)', sourceCidrs: ['10.0.0.0/8', 'fd00::/8'] }, minimumConfidence: 'medium' },
    ],
    exceptions: [
      { match: { pathPrefix: '/docs/' }, rules: ['1:9000010'], targets: ['body.content'] },
      { match: { pathPrefix: '/docs/edit' }, rules: ['9000011'] },
    ],
  }),
);

describe('route policy', () => {
  it('applies the global mode when no route matches', () => {
    const p = resolver.resolve('GET', '/products', '192.0.2.1');
    expect(p.mode).toBe('prevent');
    expect(p.minimumConfidence).toBe('high');
    expect(p.skip).toBe(false);
  });

  it('takes the first matching route, by prefix and method', () => {
    expect(resolver.resolve('POST', '/beta/x', '192.0.2.1')).toMatchObject({ mode: 'detect', minimumConfidence: 'critical' });
    expect(resolver.resolve('GET', '/beta/x', '192.0.2.1').mode).toBe('prevent');
    expect(resolver.resolve('GET', '/healthz', '192.0.2.1').skip).toBe(true);
  });

  it('matches source CIDRs for IPv4 and IPv6', () => {
    expect(resolver.resolve('GET', '/admin/users', '10.1.2.3').minimumConfidence).toBe('medium');
    expect(resolver.resolve('GET', '/admin/users', 'fd12::1').minimumConfidence).toBe('medium');
    expect(resolver.resolve('GET', '/admin/users', '192.0.2.1').minimumConfidence).toBe('high');
  });

  it('adds up every matching exception', () => {
    const p = resolver.resolve('POST', '/docs/edit/3', '192.0.2.1');
    expect([...p.disabledRules].sort()).toEqual(['1:9000010', '9000011']);
    expect([...p.ignoredTargets]).toEqual(['body.content']);
  });
});

describe('route policy for partial inspections', () => {
  it('defaults to medium and block, takes the global section, and a route overrides it key by key', () => {
    const r = new RoutePolicyResolver(
      validateWardenConfig({
        inspection: { partial: { minimumConfidence: 'low' } },
        routes: [{ match: { pathPrefix: '/import/' }, partial: { uncovered: 'judge' } }],
      }),
    );
    expect(r.resolve('GET', '/x', '192.0.2.1').partial).toEqual({ minimumConfidence: 'low', uncovered: 'block' });
    expect(r.resolve('POST', '/import/a', '192.0.2.1').partial).toEqual({ minimumConfidence: 'low', uncovered: 'judge' });
    expect(new RoutePolicyResolver(validateWardenConfig({})).resolve('GET', '/', '192.0.2.1').partial).toEqual({ minimumConfidence: 'medium', uncovered: 'block' });
  });

  it('takes the inspection budgets from the global section, and a route overrides each on its own', () => {
    const r = new RoutePolicyResolver(
      validateWardenConfig({
        inspection: { cpuBudgetMs: 150 },
        routes: [
          { match: { pathPrefix: '/bulk/' }, memoryBudgetMb: 256 },
          { match: { pathPrefix: '/search' }, cpuBudgetMs: 20 },
        ],
      }),
    );
    expect(r.resolve('POST', '/x', '192.0.2.1')).toMatchObject({ cpuBudgetMs: 150, memoryBudgetMb: 32 });
    expect(r.resolve('POST', '/bulk/a', '192.0.2.1')).toMatchObject({ cpuBudgetMs: 150, memoryBudgetMb: 256 });
    expect(r.resolve('POST', '/search', '192.0.2.1')).toMatchObject({ cpuBudgetMs: 20, memoryBudgetMb: 32 });
    expect(() => validateWardenConfig({ routes: [{ match: {}, memoryBudgetMb: -1 }] })).toThrow(/routes\[0\]\.memoryBudgetMb/);
    expect(() => validateWardenConfig({ routes: [{ match: {}, cpuBudgetMs: 1.5 }] })).toThrow(/routes\[0\]\.cpuBudgetMs/);
  });

  it('rejects an unknown value with the path of the bad key', () => {
    expect(() => validateWardenConfig({ routes: [{ match: {}, partial: { uncovered: 'maybe' } }] })).toThrow(/routes\/0\/partial\/uncovered|routes\[0\]\.partial\.uncovered/);
  });
});
