import { defineConfig } from "vitest/config";

export default defineConfig({
  // the site's components import Framework's npm: specifiers; in tests they are the same packages from node_modules
  resolve: {
    alias: [
      { find: /^npm:htl$/, replacement: "htl" },
      { find: /^npm:@observablehq\/plot$/, replacement: "@observablehq/plot" },
    ],
  },
  test: {
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
