#!/usr/bin/env node
// The luoshi CLI, compiled from loaders/cli.ts (npm run compile; npm install runs it via "prepare").
import { main } from "../dist/loaders/cli.js";

process.exitCode = await main(process.argv.slice(2));
