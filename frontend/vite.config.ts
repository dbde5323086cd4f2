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
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    restoreMocks: true,
    // Tests must not depend on speed: the screen tests drive a real DOM and
    // run on busy shared machines; a generous limit only stops a hang.
    testTimeout: 60_000,
  },
});
