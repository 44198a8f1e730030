import { defineConfig } from 'vitest/config';

// The Maven build runs this; the staff gateway serves target/dist on http://localhost:8080.
export default defineConfig({
  build: {
    outDir: 'target/dist',
    emptyOutDir: true,
    sourcemap: false,
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
