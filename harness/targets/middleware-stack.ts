// The one thing the harness needs of an SDK v3 client's middleware stack: a place to add an
// initialize step (the aws target's guards, every target's pacer).
import type { AbsoluteLocation, InitializeHandlerOptions, InitializeMiddleware } from '@smithy/types';
import type { CommandInput } from '../../services/manifest.ts';

/** A stack that takes an initialize step: what every SDK v3 client's middlewareStack is. */
export interface InitializeStack {
  add(middleware: InitializeMiddleware<CommandInput, object>, options: InitializeHandlerOptions & AbsoluteLocation): void;
}

/**
 * Clients of different SDK releases (Pinpoint Email's is older) type their stacks apart, so the
 * compiler sees no one `add` on their union; every one of them takes an initialize step.
 */
export const takesInitializeStep = (stack: object): stack is InitializeStack => 'add' in stack && typeof stack.add === 'function';
