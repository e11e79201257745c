import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "tests/**/*.test.ts", "cli/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Differential and browser suites start real processes; two workers suit this 2-core machine.
    maxWorkers: 2,
  },
});
