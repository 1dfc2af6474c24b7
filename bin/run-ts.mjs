#!/usr/bin/env node
// Runs one TypeScript file (benchmarks, scripts) through tsx.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { register } = await import('tsx/esm/api');
register();
const { pathToFileURL } = await import('node:url');
const { resolve } = await import('node:path');
await import(pathToFileURL(resolve(process.argv[2])).href);
