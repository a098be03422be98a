import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // Playground runs hop through a real macrotask per virtual timer, and some open a real Postgres:
    // generous limits keep a busy 2-core CI machine from failing tests that are merely slow.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
