import { describe, expect, it } from 'vitest';
import { playgroundSources, runPlayground } from '../../support/run-playground';

describe('monolith-vs-microservices/decision-framework', () => {
  const id = 'monolith-vs-microservices/decision-framework';

  it("recommends a style per organisation, with the answer's reasons and the anti-pattern", async () => {
    const { status, lines } = await runPlayground(id);
    expect(status).toBe('ok');
    const after = (header: string) => lines.slice(lines.indexOf(header) + 1);

    const startup = after('--- Seed-stage startup: 4 developers, 1 team ---');
    expect(startup[0]).toBe('→ monolith');
    expect(startup).toContain('  + small team (4 developers): move fast in one codebase');
    expect(startup).toContain('  + limited domain knowledge: still validating product-market fit');
    expect(startup).toContain(
      '  ! anti-pattern: starting with microservices "because it\'s modern" without clear justification',
    );

    const enterprise = after('--- Enterprise without a platform team: 40 developers, 5 teams ---');
    expect(enterprise.slice(0, 6)).toEqual([
      '→ modular monolith',
      '  + 40 developers in 5 teams, but microservices are not justified yet',
      '  + clear module boundaries without distributed-system complexity',
      '  + a single deployment unit, with modules ready to extract later',
      '  - microservices would need distributed-systems expertise in the team',
      '  - microservices would need the operational maturity to handle many services',
    ]);

    const marketplace = after('--- Marketplace scale-up: 60 developers, 7 teams ---');
    expect(marketplace[0]).toBe('→ microservices');
    expect(marketplace).toContain("  + 60 developers in 7 teams (Conway's law)");

    expect(lines.slice(lines.indexOf('--- summary ---') + 1)).toEqual([
      '(index) | developers | teams | recommendation',
      "Seed-stage startup | 4 | 1 | 'monolith'",
      "Enterprise without a platform team | 40 | 5 | 'modular monolith'",
      "Marketplace scale-up | 60 | 7 | 'microservices'",
      "Your organisation | 9 | 1 | 'modular monolith'",
    ]);
    expect(lines.length).toBeLessThanOrEqual(60);
  });

  it('follows the facts a reader edits', async () => {
    const main = playgroundSources()[`/${id}/main.ts`]!;
    const edited = main
      .replace('developers: 9,\n  teams: 1,', 'developers: 30,\n  teams: 4,')
      .replace("domain: 'moderately complex',", "domain: 'clear bounded contexts',")
      .replace(
        "differentScalingNeeds: false,\n  independentDeployments: false,\n  distributedSystemsExpertise: false,\n  operationalMaturity: 'medium',",
        "differentScalingNeeds: true,\n  independentDeployments: true,\n  distributedSystemsExpertise: true,\n  operationalMaturity: 'high',",
      );
    expect(edited).not.toBe(main);
    const { status, lines } = await runPlayground(id, { [`/${id}/main.ts`]: edited });
    expect(status).toBe('ok');
    expect(lines).toContain("Your organisation | 30 | 4 | 'microservices'");
  });

  it('prints the same thing every run', async () => {
    const [a, b] = await Promise.all([runPlayground(id), runPlayground(id)]);
    expect(a.lines).toEqual(b.lines);
  });
});
