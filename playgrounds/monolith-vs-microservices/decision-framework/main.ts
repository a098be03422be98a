// The answer's decision framework, run on a few organisations. Edit YOUR_ORGANISATION (or any other)
// and press Run: the recommendation and its reasons follow the facts, not fashion.
import { recommendArchitecture, type Organisation } from './architecture-decision';

const YOUR_ORGANISATION: Organisation = {
  name: 'Your organisation',
  developers: 9,
  teams: 1,
  domain: 'moderately complex',
  differentScalingNeeds: false,
  independentDeployments: false,
  distributedSystemsExpertise: false,
  operationalMaturity: 'medium',
};

const EXAMPLES: readonly Organisation[] = [
  {
    name: 'Seed-stage startup',
    developers: 4,
    teams: 1,
    domain: 'unproven',
    differentScalingNeeds: false,
    independentDeployments: false,
    distributedSystemsExpertise: false,
    operationalMaturity: 'low',
    wantsMicroservicesBecauseModern: true,
  },
  {
    name: 'Enterprise without a platform team',
    developers: 40,
    teams: 5,
    domain: 'clear bounded contexts',
    differentScalingNeeds: true,
    independentDeployments: true,
    distributedSystemsExpertise: false,
    operationalMaturity: 'low',
  },
  {
    name: 'Marketplace scale-up',
    developers: 60,
    teams: 7,
    domain: 'clear bounded contexts',
    differentScalingNeeds: true,
    independentDeployments: true,
    distributedSystemsExpertise: true,
    operationalMaturity: 'high',
  },
  YOUR_ORGANISATION,
];

const summary: Record<string, { developers: number; teams: number; recommendation: string }> = {};
for (const org of EXAMPLES) {
  const { style, reasons, missingForMicroservices, warning } = recommendArchitecture(org);
  console.log(`--- ${org.name}: ${org.developers} developers, ${org.teams} team${org.teams === 1 ? '' : 's'} ---`);
  console.log(`→ ${style}`);
  for (const reason of reasons) console.log(`  + ${reason}`);
  for (const missing of missingForMicroservices) console.log(`  - microservices would need ${missing}`);
  if (warning) console.log(`  ! ${warning}`);
  summary[org.name] = { developers: org.developers, teams: org.teams, recommendation: style };
}

console.log('--- summary ---');
console.table(summary);
