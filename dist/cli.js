#!/usr/bin/env node
globalThis.__karpenterProvisionCli = true
await import('./index.js')
