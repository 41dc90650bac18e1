#!/usr/bin/env node
// The luoshi CLI: loaders/cli.ts compiled by tsc and bundled by scripts/bundle-cli.mjs into dist/cli/
// (npm run compile; npm install runs it via "prepare").
import { main } from "../dist/cli/luoshi.js";

process.exitCode = await main(process.argv.slice(2));
