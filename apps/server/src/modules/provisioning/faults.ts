/**
 * Deliberate fault injection for tests and the e2e suite — never active in production (the
 * config refuses PROVISIONING_FAULTS there). A fault makes a step fail, wait, or kill the
 * process at the point where the step has done its work but not committed it, which is the
 * worst moment for a crash or an error.
 *
 * Spec: comma-separated `<step>:<mode>[:<n>][@<store name contains>]`
 *   website:fail:3          the website step fails its first 3 attempts of every run (then
 *                           succeeds): decided by the run's attempt number, so a run fails
 *                           the same way alone or in a batch with others
 *   data:delay:1500         the data step waits 1.5 s (lets a test kill the process mid-step)
 *   credentials:crash       the process SIGKILLs itself inside the credentials step, once
 *   website:fail:3@Faulty   only for stores whose name contains "Faulty"
 */
import { PROVISIONING_STEP_KEYS, type ProvisioningStepKey } from '@orbit360/contracts';

export interface FaultRule {
  step: ProvisioningStepKey;
  mode: 'fail' | 'delay' | 'crash';
  /** fail: attempts that fail; delay: milliseconds; crash: how many times (per process). */
  amount: number;
  storeNameContains?: string;
}

export interface Faults {
  /** Called by a step between doing its work and committing it (`attempt` from 1). */
  hit(step: ProvisioningStepKey, context: { storeName: string; attempt: number }): Promise<void>;
  /** Switches every rule off (a test's "the outage is over"). */
  clear(): void;
}

/** The error an injected failure throws: deliberately full of things that must never leak. */
export class InjectedFault extends Error {
  constructor(step: string) {
    super(
      `injected fault in ${step}: connect ECONNREFUSED 10.20.30.40:5432 (db.internal.example) ` +
        `while running "select * from tenants where secret = 'sk_live_hunter2'"`,
    );
    this.name = 'InjectedFault';
  }
}

export function parseFaults(spec: string | undefined): FaultRule[] {
  if (!spec) return [];
  return spec.split(',').map((part) => {
    const [rule, storeNameContains] = part.split('@');
    const [step, mode, amount] = rule!.split(':');
    if (!PROVISIONING_STEP_KEYS.includes(step as ProvisioningStepKey)) {
      throw new Error(`PROVISIONING_FAULTS: unknown step "${step}"`);
    }
    if (mode !== 'fail' && mode !== 'delay' && mode !== 'crash') {
      throw new Error(`PROVISIONING_FAULTS: unknown mode "${mode}"`);
    }
    return {
      step: step as ProvisioningStepKey,
      mode,
      amount: amount ? Number(amount) : mode === 'delay' ? 1000 : 1,
      storeNameContains,
    };
  });
}

export function createFaults(rules: FaultRule[] | string | undefined): Faults {
  let remaining = (typeof rules === 'string' || !rules ? parseFaults(rules) : rules).map((r) => ({
    ...r,
  }));
  return {
    async hit(step, context) {
      for (const rule of remaining) {
        if (rule.step !== step) continue;
        if (rule.storeNameContains && !context.storeName.includes(rule.storeNameContains)) continue;
        if (rule.mode === 'delay') {
          await new Promise((resolve) => setTimeout(resolve, rule.amount));
          continue;
        }
        if (rule.mode === 'fail') {
          if (context.attempt <= rule.amount) throw new InjectedFault(step);
          continue;
        }
        if (rule.amount <= 0) continue;
        rule.amount -= 1;
        process.kill(process.pid, 'SIGKILL');
      }
    },
    clear() {
      remaining = [];
    },
  };
}

export const noFaults: Faults = { hit: async () => {}, clear: () => {} };
