// Everything the generated docs read from the rest of the tree, imported here and nowhere else
// in harness/docs/, so a move of these modules is one edit.
export { catalog, SERVICES } from '../../services/index.ts';
export { basisOf, type Rule } from '../../spec/rule.ts';
export { createEmulator } from '../../emulator/index.ts';
// Which rule each fault breaks: the fault-catalog self-check and `npm run fault-power` read it too.
export { EXPECTED_FAILURE, HIDES } from '../../spec/fault-expectations.ts';
