/**
 * Two ways to serve the same traffic: one machine sized for the peak (scale up), or small instances
 * behind a load balancer that an autoscaler adds and removes (scale out). Capacity is in requests/s.
 */
import { after } from '../../kit/clock';

export interface InstanceType {
  /** Requests per second one instance serves. */
  readonly capacity: number;
  readonly dollarsPerHour: number;
}

export interface Fleet {
  readonly name: string;
  /** Requests per second the fleet can serve right now. */
  capacity(): number;
  /** What it costs per hour right now (booting instances are billed too). */
  dollarsPerHour(): number;
  /** Called every step with the current load: the autoscaler's chance to act. Returns what it did, if anything. */
  adjust(load: number): string | undefined;
  /** One instance dies. Returns what that means for the fleet. */
  failOne(): string;
}

/** Scale up: the smallest size that covers the peak plus headroom, or the biggest there is. */
export class SingleInstance implements Fleet {
  readonly name: string;
  private readonly type: InstanceType;
  private up = true;

  constructor(
    small: InstanceType,
    sizes: readonly number[],
    peakLoad: number,
    headroom: number,
    private readonly recoveryMs: number,
  ) {
    const size = sizes.find((s) => s * small.capacity >= peakLoad * (1 + headroom)) ?? Math.max(...sizes); // hardware max
    this.type = { capacity: size * small.capacity, dollarsPerHour: size * small.dollarsPerHour };
    this.name = `one ${size}x instance (${this.type.capacity} req/s, $${this.type.dollarsPerHour.toFixed(2)}/h)`;
  }

  capacity(): number {
    return this.up ? this.type.capacity : 0;
  }

  dollarsPerHour(): number {
    return this.type.dollarsPerHour; // a replacement is billed while it boots as well
  }

  adjust(): undefined {
    return undefined; // resizing means a restart: it stays the size it was bought for
  }

  failOne(): string {
    this.up = false;
    after(this.recoveryMs, () => void (this.up = true));
    return `the only instance fails: every request fails for ${this.recoveryMs / 60_000} min until it is replaced`;
  }
}

interface Instance {
  ready: boolean;
}

/** Scale out: at least `minInstances`, enough to keep each under `targetUtilisation`; new ones take `bootMs`. */
export class AutoscaledFleet implements Fleet {
  readonly name: string;
  private instances: Instance[] = [];
  /** Fewest and most instances running over the run. */
  fewest = Infinity;
  most = 0;

  constructor(
    private readonly type: InstanceType,
    private readonly minInstances: number,
    private readonly targetUtilisation: number,
    private readonly bootMs: number,
    private readonly loadBalancerPerHour: number,
    initialLoad: number,
  ) {
    this.name = `small instances (${type.capacity} req/s, $${type.dollarsPerHour.toFixed(2)}/h each) behind a load balancer`;
    for (let i = 0; i < this.desired(initialLoad); i++) this.instances.push({ ready: true });
  }

  capacity(): number {
    return this.instances.filter((i) => i.ready).length * this.type.capacity;
  }

  dollarsPerHour(): number {
    return this.instances.length * this.type.dollarsPerHour + this.loadBalancerPerHour;
  }

  adjust(load: number): string | undefined {
    const want = this.desired(load);
    const have = this.instances.length;
    if (want > have) {
      for (let i = have; i < want; i++) {
        const instance: Instance = { ready: false };
        this.instances.push(instance);
        after(this.bootMs, () => void (instance.ready = true));
      }
    } else if (want < have) {
      this.instances = this.instances.filter((i) => i.ready).slice(0, want); // scale in: drain and stop the extra ones
    }
    this.fewest = Math.min(this.fewest, this.instances.length);
    this.most = Math.max(this.most, this.instances.length);
    return want > have ? `${have} → ${want} instances` : undefined;
  }

  failOne(): string {
    const before = this.capacity();
    const index = this.instances.findIndex((i) => i.ready);
    this.instances.splice(index, 1);
    return `one of ${this.instances.length + 1} instances fails: capacity ${before} → ${this.capacity()} req/s until the autoscaler replaces it`;
  }

  private desired(load: number): number {
    return Math.max(this.minInstances, Math.ceil(load / (this.type.capacity * this.targetUtilisation)));
  }
}
