// A day of traffic served by one big machine (scale up) and by autoscaled small instances (scale out),
// with one instance failure at the evening peak. Try a flat LOAD_BY_HOUR of 100 (low traffic: scale up
// is cheaper), a peak beyond 16 × 200 req/s (the hardware limit), or BOOT_MINUTES = 20 (slow elasticity).
import { now, sleep } from '../../kit/clock';
import { AutoscaledFleet, SingleInstance, type Fleet } from './fleets';

/** Requests per second at 00:00, 01:00 … 23:00; linear in between. */
const LOAD_BY_HOUR = [
  120, 100, 90, 90, 100, 150, 300, 600, 900, 1000, 1050, 1100, 1200, 1150, 1000, 950, 1000, 1100, 1250, 1300, 1000, 600,
  300, 180,
];
const SMALL = { capacity: 200, dollarsPerHour: 0.1 }; // one small instance
const SIZES = [1, 2, 4, 8, 16]; // machine sizes on offer, in small instances (price scales linearly)
const VERTICAL_HEADROOM = 0.2; // the big machine is sized for the peak + 20%
const MIN_INSTANCES = 2; // redundancy
const TARGET_UTILISATION = 0.75; // the autoscaler adds instances above this
const BOOT_MINUTES = 4;
const LOAD_BALANCER_PER_HOUR = 0.025;
const FAILURE_AT_HOUR = 19; // one instance dies at 19:00
const REPLACE_MACHINE_MINUTES = 15; // restoring the single machine

const MINUTE = 60_000;
const STEP_MINUTES = 5;
const loadAt = (minute: number): number => {
  const hour = Math.floor(minute / 60);
  const [from, to] = [LOAD_BY_HOUR[hour % 24]!, LOAD_BY_HOUR[(hour + 1) % 24]!];
  return Math.round(from + ((to - from) * (minute % 60)) / 60);
};
const clock = (ms: number) =>
  `${String(Math.floor(ms / 3_600_000)).padStart(2, '0')}:${String(Math.floor(ms / MINUTE) % 60).padStart(2, '0')}`;
const peak = Math.max(...LOAD_BY_HOUR);

const fleets: Fleet[] = [
  new SingleInstance(SMALL, SIZES, peak, VERTICAL_HEADROOM, REPLACE_MACHINE_MINUTES * MINUTE),
  new AutoscaledFleet(
    SMALL,
    MIN_INSTANCES,
    TARGET_UTILISATION,
    BOOT_MINUTES * MINUTE,
    LOAD_BALANCER_PER_HOUR,
    loadAt(0),
  ),
];
const totals = fleets.map(() => ({
  dollars: 0,
  failed: 0,
  busy: 0,
  upMinutes: 0,
  minHeadroom: Infinity,
  scaleOuts: 0,
  lastCapacity: 0,
}));
const events: string[][] = fleets.map(() => []);
let offered = 0;

console.log(
  `--- one day: ${Math.min(...LOAD_BY_HOUR)} to ${peak} requests/s, one instance failure at ${FAILURE_AT_HOUR}:00 ---`,
);
for (let minute = 0; minute < 24 * 60; minute += STEP_MINUTES) {
  const load = loadAt(minute);
  offered += load * STEP_MINUTES * 60;
  fleets.forEach((fleet, f) => {
    const t = totals[f]!;
    if (minute === FAILURE_AT_HOUR * 60) events[f]!.push(`${clock(now())} ${fleet.failOne()}`);
    const scaled = fleet.adjust(load);
    if (scaled) t.scaleOuts += 1;
    if (scaled && minute === FAILURE_AT_HOUR * 60)
      events[f]!.push(`${clock(now())} autoscaler launches a replacement: ready in ${BOOT_MINUTES} min`);
    const capacity = fleet.capacity();
    if (t.lastCapacity === 0 && capacity > 0 && minute > 0) events[f]!.push(`${clock(now())} back up`);
    t.lastCapacity = capacity;
    const served = Math.min(load, capacity);
    t.failed += (load - served) * STEP_MINUTES * 60;
    t.dollars += (fleet.dollarsPerHour() * STEP_MINUTES) / 60;
    if (capacity > 0) {
      // Utilisation and headroom (spare capacity) while up.
      t.upMinutes += STEP_MINUTES;
      t.busy += (served / capacity) * STEP_MINUTES;
      t.minHeadroom = Math.min(t.minHeadroom, (capacity - load) / capacity);
    }
  });
  await sleep(STEP_MINUTES * MINUTE);
}

const percent = (x: number) => `${Math.round(100 * x)}%`;
const summary: Record<string, Record<string, string | number>> = {};
fleets.forEach((fleet, f) => {
  const t = totals[f]!;
  console.log(`--- ${f === 0 ? 'vertical' : 'horizontal'}: ${fleet.name} ---`);
  for (const line of events[f]!) console.log(line);
  if (fleet instanceof AutoscaledFleet)
    console.log(
      `the autoscaler ran ${fleet.fewest} to ${fleet.most} instances, scaling out ${t.scaleOuts} time${t.scaleOuts === 1 ? '' : 's'}`,
    );
  console.log(
    `failed requests: ${t.failed.toLocaleString('en-US')} of ${offered.toLocaleString('en-US')} (${((100 * t.failed) / offered).toFixed(2)}%)`,
  );
  summary[f === 0 ? 'vertical' : 'horizontal'] = {
    '$ per day': Number(t.dollars.toFixed(2)),
    'avg utilisation': percent(t.busy / t.upMinutes),
    'min headroom': percent(t.minHeadroom),
    'failed requests': t.failed.toLocaleString('en-US'),
  };
});
console.log('--- compare ---');
console.table(summary);
