/**
 * The answer's decision framework as a function: facts about an organisation go in, a style and the
 * answer's reasons for it come out. The gates run in the order of the page's flowchart, and every "no"
 * on the way to microservices falls back to a modular monolith.
 */

export type ArchitectureStyle = 'monolith' | 'modular monolith' | 'microservices';

export type DomainClarity = 'unproven' | 'moderately complex' | 'clear bounded contexts';

export type OperationalMaturity = 'low' | 'medium' | 'high';

export interface Organisation {
  readonly name: string;
  /** Developers working on the system. */
  readonly developers: number;
  /** Independent teams: Conway's law says the architecture will mirror them. */
  readonly teams: number;
  /** 'unproven': still validating product-market fit; 'clear bounded contexts': DDD boundaries are known. */
  readonly domain: DomainClarity;
  /** Some parts need to scale very differently from others (search at 50× the load of billing). */
  readonly differentScalingNeeds: boolean;
  /** Teams need to deploy independently, or choose their own technology. */
  readonly independentDeployments: boolean;
  /** The team has built and run distributed systems before. */
  readonly distributedSystemsExpertise: boolean;
  /** CI/CD, monitoring, tracing, on-call: can the organisation run many services? */
  readonly operationalMaturity: OperationalMaturity;
  /** Wants microservices "because it's modern". */
  readonly wantsMicroservicesBecauseModern?: boolean;
}

export interface Recommendation {
  readonly style: ArchitectureStyle;
  /** Why, in the answer's words. */
  readonly reasons: readonly string[];
  /** What would have to become true before microservices pay off (empty for microservices). */
  readonly missingForMicroservices: readonly string[];
  /** The answer's anti-pattern, when the organisation is heading for it. */
  readonly warning?: string;
}

/** The answer's team sizes: 2-5 developers start with a monolith, 15+ (or several teams) may need microservices. */
export const SMALL_TEAM_MAX = 5;
export const LARGE_TEAM_MIN = 15;

const ANTI_PATTERN = 'anti-pattern: starting with microservices "because it\'s modern" without clear justification';

export function recommendArchitecture(org: Organisation): Recommendation {
  const largeOrg = org.developers >= LARGE_TEAM_MIN || org.teams > 1;
  // Every gate microservices must pass, with the answer's reason when it does not.
  const gates: readonly [passed: boolean, missing: string][] = [
    [largeOrg, `a large team (${LARGE_TEAM_MIN}+ developers) or multiple teams`],
    [org.domain === 'clear bounded contexts', 'clear bounded contexts (Domain-Driven Design)'],
    [
      org.differentScalingNeeds || org.independentDeployments,
      'different scaling requirements or independent deployments',
    ],
    [org.distributedSystemsExpertise, 'distributed-systems expertise in the team'],
    [org.operationalMaturity === 'high', 'the operational maturity to handle many services'],
  ];
  const missingForMicroservices = gates.filter(([passed]) => !passed).map(([, missing]) => missing);
  const warning =
    org.wantsMicroservicesBecauseModern && missingForMicroservices.length > 0 ? { warning: ANTI_PATTERN } : {};

  if (org.developers <= SMALL_TEAM_MAX && org.teams === 1) {
    const reasons = [`small team (${org.developers} developers): move fast in one codebase`];
    if (org.domain === 'unproven') reasons.push('limited domain knowledge: still validating product-market fit');
    if (org.domain === 'clear bounded contexts') reasons.push('simple domain with clear boundaries');
    if (!org.differentScalingNeeds) reasons.push('low or uniform scale requirements');
    if (!org.distributedSystemsExpertise) reasons.push('team lacks distributed-systems experience');
    return { style: 'monolith', reasons, missingForMicroservices, ...warning };
  }

  if (missingForMicroservices.length > 0) {
    const reasons = [
      largeOrg
        ? `${org.developers} developers in ${org.teams} teams, but microservices are not justified yet`
        : `team of ${org.developers} (${SMALL_TEAM_MAX}-${LARGE_TEAM_MIN} developers)`,
      ...(org.domain === 'moderately complex' ? ['domain is moderately complex but still manageable'] : []),
      'clear module boundaries without distributed-system complexity',
      'a single deployment unit, with modules ready to extract later',
    ];
    return { style: 'modular monolith', reasons, missingForMicroservices, ...warning };
  }

  const reasons = [
    `${org.developers} developers in ${org.teams} teams (Conway's law)`,
    'clear bounded contexts (Domain-Driven Design)',
    ...(org.differentScalingNeeds ? ['different scaling requirements per service'] : []),
    ...(org.independentDeployments ? ['independent deployment and technology choices'] : []),
    'distributed-systems expertise and the operational maturity to run it',
  ];
  return { style: 'microservices', reasons, missingForMicroservices };
}
