// Compiles the services and libs to dist/ with SWC: one JavaScript file per TypeScript
// file, `@medmentor/*` imports rewritten to relative paths, decorator metadata kept for
// NestJS. Type checking is `nx run-many -t typecheck`, not this.
import { transformFile, type Options } from '@swc/core';
import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

const root = join(__dirname, '../..');
const outDir = join(root, 'dist');
const sourceRoots = ['apps', 'libs'];
const skip = /\.(spec|integration-spec|e2e-spec)\.ts$|\.d\.ts$/;
// Files a service reads at run time (templates and the like) are copied as they are.
const assets = /\.(json|hbs|html|txt|csv)$/;

const walk = async (dir: string): Promise<string[]> => {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = await Promise.all(
    entries.map(async (entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : walk(path);
      return [path];
    }),
  );
  return files.flat();
};

const swcOptions = (): Options => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { compilerOptions } = require(join(root, 'tsconfig.base.json')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  return {
    sourceMaps: true,
    module: { type: 'commonjs' },
    jsc: {
      target: 'es2022',
      baseUrl: root,
      paths: compilerOptions.paths,
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
  };
};

const main = async (): Promise<void> => {
  const started = Date.now();
  await rm(outDir, { recursive: true, force: true });
  const options = swcOptions();
  const files = (await Promise.all(sourceRoots.map((dir) => walk(join(root, dir))))).flat();
  const sources = files.filter((file) => file.includes('/src/') && file.endsWith('.ts') && !skip.test(file));
  const copies = files.filter((file) => file.includes('/src/') && assets.test(file));
  await Promise.all(
    sources.map(async (file) => {
      const target = join(outDir, relative(root, file)).replace(/\.ts$/, '.js');
      const output = await transformFile(file, { ...options, filename: file, outputPath: target });
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, `${output.code}\n//# sourceMappingURL=${target.split('/').pop()}.map\n`);
      if (output.map) await writeFile(`${target}.map`, output.map);
    }),
  );
  await Promise.all(
    copies.map(async (file) => {
      const target = join(outDir, relative(root, file));
      await mkdir(dirname(target), { recursive: true });
      await copyFile(file, target);
    }),
  );
  console.log(`built ${sources.length} files into ${relative(process.cwd(), outDir) || '.'} in ${Date.now() - started} ms`);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
