/**
 * The public contract of the handbook: question numbers, slugs and topics.
 * Slugs appear in URLs that readers paste into wikis — never rename one.
 * Frontmatter repeats `question` and `topic`; a content test checks they agree with this list.
 */
export const TOPICS = [
  'Architecture style',
  'Communication & coordination',
  'Failure & consistency',
  'Performance & scale',
  'Data',
] as const;

export type Topic = (typeof TOPICS)[number];

export interface CatalogueEntry {
  readonly n: number;
  readonly slug: string;
  /** Short sidebar label; the page title is the full question. */
  readonly label: string;
  readonly topic: Topic;
}

const entry = (n: number, slug: string, label: string, topic: Topic): CatalogueEntry => ({
  n,
  slug,
  label,
  topic,
});

export const CATALOGUE: readonly CatalogueEntry[] = [
  entry(1, 'monolith-vs-microservices', 'Monolith vs microservices', 'Architecture style'),
  entry(2, 'layered-vertical-slice-hexagonal', 'Layered, vertical slice, hexagonal', 'Architecture style'),
  entry(3, 'principle-of-least-surprise', 'Principle of least surprise', 'Architecture style'),
  entry(4, 'accidental-complexity', 'Accidental complexity', 'Architecture style'),
  entry(5, 'sync-vs-async-communication', 'Sync vs async communication', 'Communication & coordination'),
  entry(6, 'idempotent-operations', 'Idempotent operations', 'Communication & coordination'),
  entry(7, 'race-conditions', 'Race conditions', 'Communication & coordination'),
  entry(8, 'queues-streams-direct-calls', 'Queues, streams, direct calls', 'Communication & coordination'),
  entry(9, 'sagas', 'Sagas', 'Communication & coordination'),
  entry(10, 'exactly-once-processing', 'Exactly-once processing', 'Communication & coordination'),
  entry(11, 'partial-failures', 'Partial failures', 'Failure & consistency'),
  entry(12, 'cross-service-consistency', 'Cross-service consistency', 'Failure & consistency'),
  entry(13, 'resilience-to-dependency-failures', 'Resilience to dependency failures', 'Failure & consistency'),
  entry(14, 'slow-services', 'Slow services', 'Failure & consistency'),
  entry(15, 'caching-layers', 'Caching layers', 'Performance & scale'),
  entry(16, 'vertical-vs-horizontal-scaling', 'Vertical vs horizontal scaling', 'Performance & scale'),
  entry(17, 'read-heavy-workloads', 'Read-heavy workloads', 'Performance & scale'),
  entry(18, 'reducing-database-load', 'Reducing database load', 'Performance & scale'),
  entry(19, 'hot-partitions', 'Hot partitions', 'Performance & scale'),
  entry(20, 'high-volume-writes', 'High-volume writes', 'Performance & scale'),
  entry(21, 'relational-vs-document', 'Relational vs document', 'Data'),
  entry(
    22,
    'distributed-transactions-vs-eventual-consistency',
    'Distributed transactions vs eventual consistency',
    'Data',
  ),
  entry(23, 'audit-logging', 'Audit logging', 'Data'),
  entry(24, 'zero-downtime-schema-evolution', 'Zero-downtime schema evolution', 'Data'),
];

export function byTopic(): { topic: Topic; entries: CatalogueEntry[] }[] {
  return TOPICS.map((topic) => ({
    topic,
    entries: CATALOGUE.filter((e) => e.topic === topic),
  }));
}

export function questionPath(slug: string): string {
  return `questions/${slug}`;
}

/** Anchor id of a topic's section on the landing page, e.g. "communication-coordination". */
export function topicAnchor(topic: Topic): string {
  return topic
    .toLowerCase()
    .replace(/[^a-z]+/g, '-')
    .replace(/^-|-$/g, '');
}
