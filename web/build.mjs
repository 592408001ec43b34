// Bundles src/ into target/dist (one script, one stylesheet, index.html): no CDN, nothing fetched at run time.
import { build } from 'esbuild';
import { cpSync, mkdirSync } from 'node:fs';

mkdirSync('target/dist', { recursive: true });
await build({
  entryPoints: ['src/main.ts'],
  bundle: true,
  minify: true,
  sourcemap: true,
  format: 'esm',
  target: 'es2022',
  outfile: 'target/dist/app.js',
  alias: { 'api-types': './target/generated/api.d.ts' },
  logLevel: 'warning',
});
cpSync('src/index.html', 'target/dist/index.html');
cpSync('src/app.css', 'target/dist/app.css');
cpSync('node_modules/uplot/dist/uPlot.min.css', 'target/dist/uPlot.min.css');
