/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// One build serves both faces: the Wails window (assets embedded from dist/)
// and `slate serve` in a browser. Relative asset URLs work in both.
export default defineConfig({
  base: './',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true, // public/.gitkeep is copied back, so dist/.gitkeep survives the build
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts';
          if (id.includes('node_modules/')) return 'vendor';
          return undefined;
        },
      },
    },
  },
  server: {
    // `npm run dev` against a running `slate serve` (default address 127.0.0.1:8420; override with SLATE_API).
    proxy: { '/api': process.env.SLATE_API ?? 'http://127.0.0.1:8420' },
  },
  test: {
    environment: 'jsdom',
    // No test may depend on speed: the suite must pass on two busy cores, where
    // jsdom renders take several times longer than on an idle laptop. A test
    // that hangs still fails, after a minute.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    restoreMocks: true,
  },
});
