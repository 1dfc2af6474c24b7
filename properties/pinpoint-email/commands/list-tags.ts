import { poolName, type PoolName } from '../arbitraries.ts';
import { PinpointCommand, type PinpointBox } from './pinpoint-command.ts';

/** ListTagsForResource alone (the comparison with the model is the base command's). */
export class ListTags extends PinpointCommand {
  constructor(readonly name: PoolName) {
    super();
  }

  check(box: Readonly<PinpointBox>): boolean {
    return box.state.identities.has(this.name.key);
  }

  protected touchesTagsOf() {
    return this.name;
  }

  protected async execute(): Promise<void> {
    this.listedAfter = 'ListTagsForResource';
  }

  toString(): string {
    return `ListTagsForResource(${this.name.key})`;
  }
}

export const listTagsCommand = { arbitrary: poolName.map((name) => new ListTags(name)) };
