/**
 * The events catalogue (categories and departments) the hub serves at GET /api/v1/events/catalog:
 * data in catalog.json beside this file, checked against the contract when the hub starts. A bad
 * file stops the hub with an error that names the file and the field.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { CatalogSchema, type Catalog } from '../../src/hub/contract.ts';

export const DEFAULT_CATALOG_FILE = fileURLToPath(new URL('./catalog.json', import.meta.url));

/** Issues listed in an error message at most (the rest are counted). */
const MAX_LISTED = 8;

/** A path as people read it in a log: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : file;
}

/** One line per issue, each "<file>: <field path>: <message>". */
export function describeFileIssues(label: string, error: z.ZodError): string {
  const lines = error.issues.slice(0, MAX_LISTED).map((i) => `${label}: ${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
  if (error.issues.length > MAX_LISTED) lines.push(`${label}: (+${error.issues.length - MAX_LISTED} more)`);
  return lines.join('\n');
}

export class CatalogError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogError';
  }
}

/** Parses and checks a catalogue's text; `label` names it in errors. */
export function parseCatalog(text: string, label: string): Catalog {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new CatalogError(`${label}: not valid JSON: ${(e as Error).message}`);
  }
  const parsed = CatalogSchema.safeParse(raw);
  if (!parsed.success) throw new CatalogError(describeFileIssues(label, parsed.error));
  return parsed.data;
}

/** The catalogue from its file (default: mock-server/events/catalog.json). */
export function loadCatalog(file: string = DEFAULT_CATALOG_FILE): Catalog {
  const label = displayPath(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CatalogError(`${label}: cannot read: ${(e as Error).message}`);
  }
  return parseCatalog(text, label);
}
