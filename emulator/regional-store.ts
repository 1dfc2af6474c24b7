// State per account and region, created on first use: AWS keeps identities, throttles and
// settings apart per region, so the emulator does too.
import type { CallerScope } from './caller-scope.ts';

export class RegionalStore<State> {
  private states = new Map<string, State>();

  constructor(private readonly createState: (scope: { account: string; region: string }) => State) {}

  get(scope: Pick<CallerScope, 'account' | 'region'>): State {
    const key = `${scope.account}/${scope.region}`;
    let state = this.states.get(key);
    if (state === undefined) {
      state = this.createState({ account: scope.account, region: scope.region });
      this.states.set(key, state);
    }
    return state;
  }

  /** Every state created so far (for work that spans regions, such as a DNS publication). */
  all(): IterableIterator<State> {
    return this.states.values();
  }

  clear(): void {
    this.states = new Map();
  }
}
