#!/usr/bin/env node
// The `conformance` command: loads the TypeScript sources through tsx, then runs the CLI.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../harness/cli/main.ts');
const code = await main(process.argv.slice(2));
// Exit explicitly: an endpoint's lingering keep-alive socket must not keep the process alive.
process.exit(code);
